package io.microautograd.optim;

/**
 * What every optimizer here shares: a learning-rate schedule driven by the step count, and
 * per-parameter state sized on the first step and checked on every later one.
 */
abstract class ScheduledOptimizer implements Optimizer {

    private final LearningRateSchedule schedule;
    private int steps;
    private int parameterCount = -1;

    ScheduledOptimizer(LearningRateSchedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null; use LearningRateSchedule.constant(rate)");
        }
        this.schedule = schedule;
    }

    @Override
    public final void step(double[] parameters, double[] gradient) {
        if (parameters.length != gradient.length) {
            throw new IllegalArgumentException("gradient must have one entry per parameter (" + parameters.length
                    + "), got " + gradient.length);
        }
        if (parameterCount < 0) {
            parameterCount = parameters.length;
            allocateState(parameterCount);
        } else if (parameters.length != parameterCount) {
            throw new IllegalArgumentException("this optimizer was first used on " + parameterCount
                    + " parameters and cannot step " + parameters.length + "; use a new optimizer per parameter array");
        }
        double rate = schedule.rate(steps);
        steps++;
        update(parameters, gradient, rate, steps);
    }

    @Override
    public final int stepCount() {
        return steps;
    }

    @Override
    public final double nextLearningRate() {
        return schedule.rate(steps);
    }

    /** Creates the per-parameter state for {@code count} parameters. */
    abstract void allocateState(int count);

    /** Applies step number {@code step} (counted from 1) with learning rate {@code rate}. */
    abstract void update(double[] parameters, double[] gradient, double rate, int step);

    static void requireInRange(String name, double value, double lowInclusive, double highExclusive) {
        if (!(value >= lowInclusive && value < highExclusive)) {
            throw new IllegalArgumentException(
                    name + " must be in [" + lowInclusive + ", " + highExclusive + "), got " + value);
        }
    }
}
