package io.microautograd.train;

/**
 * Training stopped because the loss, a gradient or an updated parameter was NaN or infinite.
 * The model keeps the parameters it had before the offending step; no update was made from a
 * non-finite number. {@link Trainer} reports the epoch and the step within it;
 * {@link Minimizer}, which has no epochs, reports the step alone.
 */
public final class TrainingDivergedException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int step;
    private final int parameterIndex;

    TrainingDivergedException(int epoch, int step, int parameterIndex, String what) {
        super((epoch > 0
                ? "Training diverged in epoch " + epoch + ", step " + step + ": " + what
                        + ". The model keeps its parameters from before this step."
                : "Minimization diverged at step " + step + ": " + what + ".")
                + " Try a lower learning rate,"
                + " or clip the gradients with optimizer.withClipping(GradientClipping.byGlobalNorm(1.0)).");
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
     * -1 if only the loss was.
     */
    public int parameterIndex() {
        return parameterIndex;
    }
}
