package org.claimrules.cli;

import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.claimrules.batch.Progress;

/**
 * A progress bar on standard error (claims done, rate, time left) while it is a terminal. Its
 * width is given ({@code COLUMNS}, else 100): asked for the terminal's width, the progress bar
 * library opens a JLine terminal, which resets SIGINT to the default action, and Ctrl-C then kills
 * the process before the run can keep its partial output and summary.
 */
final class TerminalProgress implements Progress {

    private static final int DEFAULT_WIDTH = 100;

    private final PrintWriter err;
    private ProgressBar bar;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    static int width() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
            return columns > 20 ? columns - 1 : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    @Override
    public synchronized void phase(String name, long total) {
        if (bar != null) {
            bar.close();
        }
        err.flush();
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, width()))
                .setUnit(" claims", 1).showSpeed(new DecimalFormat("#,##0")).setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(250).build();
    }

    @Override
    public void advance(long n) {
        ProgressBar current = bar;
        if (current != null) {
            current.stepBy(n);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
