package io.microautograd.train;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The trainer's and the minimizers' progress bar: drawn by me.tongfei's progressbar on a
 * terminal, absent when asked to be quiet or when there is no terminal (output redirected, tests,
 * IDE runners), so that logs never fill with redraws.
 */
interface ProgressDisplay extends AutoCloseable {

    /**
     * Reports one more step done, with the status {@code String.format(format, args)} beside the
     * bar (formatted only when a bar is drawn).
     */
    void advance(String format, Object... args);

    @Override
    void close();

    /** A bar named {@code task} over {@code totalSteps} steps when {@link #shows}, otherwise nothing. */
    static ProgressDisplay open(boolean quiet, String task, long totalSteps) {
        if (!shows(quiet, System.console() != null)) {
            return new ProgressDisplay() {
                @Override
                public void advance(String format, Object... args) {
                }

                @Override
                public void close() {
                }
            };
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalSteps)
                .setUpdateIntervalMillis(200).build();
        return new ProgressDisplay() {
            @Override
            public void advance(String format, Object... args) {
                bar.step();
                bar.setExtraMessage(String.format(format, args));
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
