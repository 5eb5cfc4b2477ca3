package io.microautograd.optim;

/**
 * The learning rate as a function of the step number (counted from 0). An optimizer asks its
 * schedule once per step.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate of step {@code step}, counted from 0. */
    double rate(int step);

    /** The same rate at every step. */
    static LearningRateSchedule constant(double rate) {
        requireRate("learning rate", rate);
        return step -> rate;
    }

    /**
     * From {@code start} at step 0 down (or up) in a straight line to {@code end} at step
     * {@code steps}, then {@code end} for ever. micrograd's demo is
     * {@code linearDecay(1.0, 0.1, 100)}: rate = 1 - 0.9 k / 100.
     */
    static LearningRateSchedule linearDecay(double start, double end, int steps) {
        requireSchedule(start, end, steps);
        return step -> step >= steps ? end : start + (end - start) * step / steps;
    }

    /**
     * Cosine annealing (Loshchilov and Hutter, 2017) without restarts: from {@code start} at
     * step 0 to {@code end} at step {@code steps} along half a cosine, slow at both ends; then
     * {@code end} for ever.
     */
    static LearningRateSchedule cosineDecay(double start, double end, int steps) {
        requireSchedule(start, end, steps);
        return step -> step >= steps ? end : end + (start - end) * (1 + Math.cos(Math.PI * step / steps)) / 2;
    }

    /** {@code start}, multiplied by {@code factor} every {@code every} steps: start * factor^(k / every). */
    static LearningRateSchedule stepDecay(double start, double factor, int every) {
        requireRate("start learning rate", start);
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1], got " + factor);
        }
        requireSteps("every", every);
        return step -> start * Math.pow(factor, step / every);
    }

    private static void requireSchedule(double start, double end, int steps) {
        requireRate("start learning rate", start);
        if (!(end >= 0) || Double.isInfinite(end)) {
            throw new IllegalArgumentException("end must be finite and >= 0, got " + end);
        }
        requireSteps("steps", steps);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + rate);
        }
    }

    private static void requireSteps(String name, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 step, got " + steps);
        }
    }
}
