package org.claimrules.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM ask a run to stop: the first one raises the stop flag, and the run
 * ends at a record boundary within a moment, keeping what it wrote and its summary. Handling the
 * signals, instead of letting the JVM shut down and waiting in a shutdown hook, means the run
 * always finishes its own clean-up in its own thread; and a terminal library cannot take the
 * signal away (JLine's terminal resets SIGINT to the default, which kills the process outright).
 * A second signal ends the process at once.
 */
final class StopSignals implements AutoCloseable {

    private final AtomicBoolean stop;
    private final AtomicInteger status = new AtomicInteger();
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    StopSignals(AtomicBoolean stop) {
        this.stop = stop;
        install("INT", ExitCodes.INTERRUPTED);
        install("TERM", ExitCodes.TERMINATED);
    }

    private void install(String name, int exitStatus) {
        try {
            Signal signal = new Signal(name);
            previous.add(Signal.handle(signal, s -> received(exitStatus)));
            signals.add(signal);
        } catch (IllegalArgumentException unavailable) {
            // not on this platform or taken by the JVM (-Xrs): the shutdown hook still stops the run
        }
    }

    private void received(int exitStatus) {
        if (status.compareAndSet(0, exitStatus)) {
            stop.set(true);
        } else {
            System.exit(exitStatus);
        }
    }

    /** The status the signal asks for: 130 for SIGINT, 143 for SIGTERM; 0 when none came. */
    int status() {
        return status.get();
    }

    /** Gives the signals back to whoever had them (the JVM, or the test runner in-process). */
    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
