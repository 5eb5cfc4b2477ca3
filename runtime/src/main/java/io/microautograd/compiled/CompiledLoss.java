package io.microautograd.compiled;

import io.microautograd.losses.Loss;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

/**
 * The losses of the compiled MLP, each the twin of a {@code Value}-engine {@link Loss} (same
 * formula, operation for operation) with its gradient generated at build time from
 * {@link MlpKernels#batch}, which runs the network's forward pass over a run of samples and then
 * the loss this constant selects.
 */
public enum CompiledLoss {
    /** Mean squared error over the outputs; the twin of {@link Loss#mse()}. */
    MSE(MlpKernels.MSE, Loss::mse, label -> { }),
    /** Binary cross-entropy of a probability output, clamped; the twin of {@link Loss#binaryCrossEntropy()}. */
    BINARY_CROSS_ENTROPY(MlpKernels.BINARY_CROSS_ENTROPY, Loss::binaryCrossEntropy,
            CompiledLoss::requireProbability),
    /** Binary cross-entropy of a logit output; the twin of {@link Loss#binaryCrossEntropyWithLogits()}. */
    BINARY_CROSS_ENTROPY_WITH_LOGITS(MlpKernels.BINARY_CROSS_ENTROPY_WITH_LOGITS,
            Loss::binaryCrossEntropyWithLogits, CompiledLoss::requireProbability),
    /** The hinge loss of a raw score, labels 1 and 0 (or -1); the twin of {@link Loss#hinge()}. */
    HINGE(MlpKernels.HINGE, Loss::hinge, CompiledLoss::requireHingeLabel);

    private final int objective;
    private final Supplier<Loss> valueLoss;
    private final DoubleConsumer labelCheck;

    CompiledLoss(int objective, Supplier<Loss> valueLoss, DoubleConsumer labelCheck) {
        this.objective = objective;
        this.valueLoss = valueLoss;
        this.labelCheck = labelCheck;
    }

    /** The code {@link MlpKernels#batch} selects this loss by. */
    int objective() {
        return objective;
    }

    /**
     * Checks a sample's first target as the {@code Value}-engine twin checks its label, since
     * generated code cannot throw.
     *
     * @throws IllegalArgumentException if a binary loss's label is out of its range
     */
    void checkTarget(double target) {
        labelCheck.accept(target);
    }

    /** The {@code Value}-engine loss this one computes the same numbers as. */
    public Loss valueLoss() {
        return valueLoss.get();
    }

    /** Whether the loss reads one output against one target (all but {@link #MSE}). */
    boolean isBinary() {
        return this != MSE;
    }

    private static void requireProbability(double target) {
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("cross-entropy target must be in [0, 1], got " + target);
        }
    }

    private static void requireHingeLabel(double label) {
        if (label != 1 && label != 0 && label != -1) {
            throw new IllegalArgumentException("hinge label must be 1 for the positive class and 0 or -1 "
                    + "for the negative class, got " + label);
        }
    }
}
