package org.claimrules.cli;

import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.claimrules.batch.Progress;

/** A progress bar on standard error (claims done, rate, time left) while it is a terminal. */
final class TerminalProgress implements Progress {

    private ProgressBar bar;

    @Override
    public synchronized void phase(String name, long total) {
        if (bar != null) {
            bar.close();
        }
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
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
