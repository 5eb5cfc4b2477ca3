package io.microautograd.train;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The trainer's progress bar: drawn by me.tongfei's progressbar on a terminal, absent when asked
 * to be quiet or when there is no terminal (output redirected, tests, IDE runners), so that logs
 * never fill with redraws.
 */
interface ProgressDisplay extends AutoCloseable {

    /** Reports one more step done, in epoch {@code epoch}, whose batch loss was {@code loss}. */
    void advance(int epoch, double loss);

    @Override
    void close();

    /** A bar over {@code totalSteps} steps when {@link #shows(boolean, boolean)}, otherwise nothing. */
    static ProgressDisplay open(boolean quiet, int epochs, long totalSteps) {
        if (!shows(quiet, System.console() != null)) {
            return new ProgressDisplay() {
                @Override
                public void advance(int epoch, double loss) {
                }

                @Override
                public void close() {
                }
            };
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName("Training").setInitialMax(totalSteps)
                .setUpdateIntervalMillis(200).build();
        return new ProgressDisplay() {
            @Override
            public void advance(int epoch, double loss) {
                bar.step();
                bar.setExtraMessage(String.format(" epoch %d/%d loss %.4g", epoch, epochs, loss));
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** Whether to draw a bar: only on a terminal, and only when not asked to be quiet. */
    static boolean shows(boolean quiet, boolean onTerminal) {
        return onTerminal && !quiet;
    }
}
