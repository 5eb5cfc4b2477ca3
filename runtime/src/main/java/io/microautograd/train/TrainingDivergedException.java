package io.microautograd.train;

/**
 * Training stopped because the loss, a gradient or an updated parameter was NaN or infinite.
 * The model keeps the parameters it had before the offending step; no update was made from a
 * non-finite number. {@link Trainer} reports the epoch and the step within it;
 * {@link Minimizer}, {@link Lbfgs} and {@link TrustRegionNewtonCg}, which have no epochs, report
 * the step alone. The message ends with what to change: the learning rate or clipping for the
 * first two, the objective for the methods that have no learning rate.
 */
public final class TrainingDivergedException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int step;
    private final int parameterIndex;

    TrainingDivergedException(int epoch, int step, int parameterIndex, String what, String remedy) {
        super((epoch > 0
                ? "Training diverged in epoch " + epoch + ", step " + step + ": " + what
                        + ". The model keeps its parameters from before this step."
                : "Minimization diverged at step " + step + ": " + what + ".")
                + " " + remedy);
        this.epoch = epoch;
        this.step = step;
        this.parameterIndex = parameterIndex;
    }

    /** The epoch in which training stopped, counted from 1; 0 for a {@link Minimizer} run, which has no epochs. */
    public int epoch() {
        return epoch;
    }

    /**
     * The step at which training stopped, counted from 1: within {@link #epoch()} for a
     * {@link Trainer}, from the start for a {@link Minimizer} (whose step 0 is the start point).
     */
    public int step() {
        return step;
    }

    /**
     * The flat index of the first parameter whose gradient or updated value was not finite, or
     * -1 if only the loss was, or if a line search or trust region found no finite point to go
     * on to.
     */
    public int parameterIndex() {
        return parameterIndex;
    }
}
