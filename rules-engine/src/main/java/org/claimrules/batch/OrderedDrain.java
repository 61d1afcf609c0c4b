package org.claimrules.batch;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands a chunk's outcomes over in chunk order while the workers are still scoring: the calling
 * thread waits for the next outcome, passes on every ready one after it, and waits again. It
 * never waits on one task: a task that failed (any Throwable, an Error included) ends the wait at
 * once, whatever the other tasks do, and so does a stop; a stop still hands over every outcome
 * already ready in order, so that nothing finished is lost.
 */
final class OrderedDrain {

    /** Receives one outcome, in chunk order. */
    interface Sink {
        void accept(int position, byte[] outcome) throws IOException;
    }

    /** How often a waiting drain looks at the stop flag, which a signal raises without notifying. */
    private static final long POLL_MILLIS = 50;

    private final boolean[] ready;
    private Throwable failure;

    OrderedDrain(int size) {
        this.ready = new boolean[size];
    }

    /** Called by a worker when a task ends: its outcomes in {@code out} are complete, or it failed. */
    synchronized void finished(int[] positions, byte[][] out, Throwable failed) {
        if (failed != null) {
            if (failure == null) {
                failure = failed;
            }
        } else {
            for (int p : positions) {
                // a task that saw the stop leaves its outcomes null
                ready[p] = out[p] != null;
            }
        }
        notifyAll();
    }

    /**
     * Passes the outcomes to {@code sink} in order; returns how many were passed: all of them, or
     * fewer after a stop.
     *
     * @throws ScoringFailedException when a task failed
     */
    int drain(byte[][] out, Sink sink, AtomicBoolean stop) throws IOException, InterruptedException {
        int next = 0;
        while (next < ready.length) {
            int end;
            boolean stopping;
            synchronized (this) {
                while (failure == null && !ready[next] && !stop.get()) {
                    wait(POLL_MILLIS);
                }
                if (failure != null) {
                    throw new ScoringFailedException("a scoring worker failed", failure);
                }
                stopping = stop.get();
                end = next;
                while (end < ready.length && ready[end]) {
                    end++;
                }
            }
            // out[i] was written before its task's finished() and read after this lock: visible.
            for (int i = next; i < end; i++) {
                sink.accept(i, out[i]);
                out[i] = null;
            }
            next = end;
            if (stopping) {
                return next;
            }
        }
        return next;
    }
}
