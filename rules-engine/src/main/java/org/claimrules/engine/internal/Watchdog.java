package org.claimrules.engine.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.runtime.KieSession;

/**
 * Stops a claim whose rules run past the per-claim budget: one daemon thread looks at the claims
 * being scored every few milliseconds and halts the session of one that ran too long (and
 * interrupts its thread, for a consequence that waits). The budget is CPU time of the scoring
 * thread, so that a loaded machine, which slows every claim, does not stop a valid one; a claim
 * whose thread waits instead of computing is stopped after {@link #WALL_FACTOR} times the budget
 * of wall time. Where the JVM cannot measure a thread's CPU time the budget is wall time. The
 * engine then reports that claim as an engine error and goes on. A consequence that loops in
 * plain Java and never returns cannot be stopped this way: halting acts between firings, and the
 * interrupt reaches only code that waits or checks it; an isolated engine scores a folder's
 * ruleset in child processes, which can be killed (README, "Isolation").
 */
public final class Watchdog {

    private static final long TICK_MILLIS = 20;
    /** Wall time a claim may take, in budgets: the backstop for a thread that waits without using CPU. */
    public static final int WALL_FACTOR = 6;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    /** One claim being scored. */
    public static final class Running {
        private final KieSession session;
        private final Thread thread;
        private final long budgetNanos;
        private final long cpuStart;
        private final long wallStart;
        private volatile boolean expired;

        private Running(KieSession session, Thread thread, long budgetMillis) {
            this.session = session;
            this.thread = thread;
            this.budgetNanos = budgetMillis * 1_000_000L;
            this.cpuStart = cpuNanos(thread);
            this.wallStart = System.nanoTime();
        }

        public boolean expired() {
            return expired;
        }

        /** Past the budget of CPU time, or past the wall-clock backstop (the budget itself without CPU times). */
        private boolean overBudget(long now) {
            long wall = now - wallStart;
            if (cpuStart < 0) {
                return wall > budgetNanos;
            }
            long cpu = cpuNanos(thread);
            return (cpu >= 0 && cpu - cpuStart > budgetNanos) || wall > WALL_FACTOR * budgetNanos;
        }
    }

    /** The thread's CPU time in nanoseconds, or -1 where the JVM does not measure it. */
    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+
    private static long cpuNanos(Thread t) {
        return CPU_TIME ? THREADS.getThreadCpuTime(t.getId()) : -1;
    }

    private static final Map<Running, Boolean> RUNNING = new ConcurrentHashMap<>();
    private static volatile Thread thread;

    private Watchdog() {
    }

    public static Running start(KieSession session, long budgetMillis) {
        ensureStarted();
        Running r = new Running(session, Thread.currentThread(), budgetMillis);
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
                if (!r.expired && r.overBudget(now)) {
                    r.expired = true;
                    r.session.halt();
                    r.thread.interrupt();
                }
            }
        }
    }
}
