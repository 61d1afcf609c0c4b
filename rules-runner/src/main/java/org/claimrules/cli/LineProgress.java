package org.claimrules.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.claimrules.batch.Progress;

/** Progress as a plain line every few seconds, for standard error that is not a terminal (logs, CI). */
final class LineProgress implements Progress {

    private final PrintWriter err;
    private final ScheduledExecutorService timer;
    private final AtomicLong done = new AtomicLong();
    private volatile String phase = "starting";
    private volatile long total = -1;
    private volatile long phaseStart = System.nanoTime();

    LineProgress(PrintWriter err, long everyMillis) {
        this.err = err;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "claimrules-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::print, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void phase(String name, long total) {
        this.phase = name;
        this.total = total;
        this.done.set(0);
        this.phaseStart = System.nanoTime();
    }

    @Override
    public void advance(long n) {
        done.addAndGet(n);
    }

    private synchronized void print() {
        err.println(line(phase, done.get(), total, (System.nanoTime() - phaseStart) / 1e9));
        err.flush();
    }

    static String line(String phase, long done, long total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder s = new StringBuilder("claimrules: ").append(phase).append(' ')
                .append(String.format("%,d", done));
        if (total >= 0) {
            s.append(String.format(" of %,d claims (%d%%)", total, total == 0 ? 100 : done * 100 / total));
        } else {
            s.append(" claims");
        }
        s.append(String.format(", %,.0f claims/s", rate));
        if (total >= 0 && rate > 0) {
            s.append(String.format(", about %,.0f s left", (total - done) / rate));
        }
        return s.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
