package org.claimrules.engine.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.runtime.KieSession;

/**
 * Stops a claim whose rules run past the per-claim time budget: one daemon thread looks at the
 * claims being scored every few milliseconds and halts the session of one that ran too long
 * (and interrupts its thread, for a consequence that waits). The engine then reports that claim
 * as an engine error and goes on. A consequence that spins in plain Java without firing rules
 * cannot be stopped this way; the ruleset checks keep such code out of analyst rulesets.
 */
public final class Watchdog {

    private static final long TICK_MILLIS = 20;

    /** One claim being scored. */
    public static final class Running {
        private final KieSession session;
        private final Thread thread;
        private final long deadline;
        private volatile boolean expired;

        private Running(KieSession session, Thread thread, long deadline) {
            this.session = session;
            this.thread = thread;
            this.deadline = deadline;
        }

        public boolean expired() {
            return expired;
        }
    }

    private static final Map<Running, Boolean> RUNNING = new ConcurrentHashMap<>();
    private static volatile Thread thread;

    private Watchdog() {
    }

    public static Running start(KieSession session, long budgetMillis) {
        ensureStarted();
        Running r = new Running(session, Thread.currentThread(), System.nanoTime() + budgetMillis * 1_000_000L);
        RUNNING.put(r, Boolean.TRUE);
        return r;
    }

    public static void finish(Running r) {
        RUNNING.remove(r);
        if (r.expired) {
            Thread.interrupted(); // clear an interrupt the watchdog sent, so the thread goes on
        }
    }

    private static void ensureStarted() {
        if (thread != null) {
            return;
        }
        synchronized (Watchdog.class) {
            if (thread == null) {
                Thread t = new Thread(Watchdog::watch, "claimrules-watchdog");
                t.setDaemon(true);
                t.start();
                thread = t;
            }
        }
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Running r : RUNNING.keySet()) {
                if (!r.expired && now - r.deadline > 0) {
                    r.expired = true;
                    r.session.halt();
                    r.thread.interrupt();
                }
            }
        }
    }
}
