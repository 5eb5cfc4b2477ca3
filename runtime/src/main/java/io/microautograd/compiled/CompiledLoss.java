package io.microautograd.compiled;

import io.microautograd.losses.Loss;

/**
 * The per-sample losses of the compiled MLP, each the twin of a {@code Value}-engine
 * {@link Loss} (same formula, operation for operation) with its gradient generated at build
 * time from {@link MlpKernels}.
 */
public enum CompiledLoss {
    /** Mean squared error over the outputs; the twin of {@link Loss#mse()}. */
    MSE {
        @Override
        double lossAndGradient(double[] params, double[] layout, double[] x, double[] target, double[] gradient) {
            return MlpKernelsGrad.mse(params, layout, x, target, gradient);
        }

        @Override
        public Loss valueLoss() {
            return Loss.mse();
        }
    },
    /** Binary cross-entropy of a probability output, clamped; the twin of {@link Loss#binaryCrossEntropy()}. */
    BINARY_CROSS_ENTROPY {
        @Override
        double lossAndGradient(double[] params, double[] layout, double[] x, double[] target, double[] gradient) {
            requireProbability(target[0]);
            return MlpKernelsGrad.binaryCrossEntropy(params, layout, x, target, gradient);
        }

        @Override
        public Loss valueLoss() {
            return Loss.binaryCrossEntropy();
        }
    },
    /** Binary cross-entropy of a logit output; the twin of {@link Loss#binaryCrossEntropyWithLogits()}. */
    BINARY_CROSS_ENTROPY_WITH_LOGITS {
        @Override
        double lossAndGradient(double[] params, double[] layout, double[] x, double[] target, double[] gradient) {
            requireProbability(target[0]);
            return MlpKernelsGrad.binaryCrossEntropyWithLogits(params, layout, x, target, gradient);
        }

        @Override
        public Loss valueLoss() {
            return Loss.binaryCrossEntropyWithLogits();
        }
    },
    /** The hinge loss of a raw score, labels 1 and 0 (or -1); the twin of {@link Loss#hinge()}. */
    HINGE {
        @Override
        double lossAndGradient(double[] params, double[] layout, double[] x, double[] target, double[] gradient) {
            double label = target[0];
            if (label != 1 && label != 0 && label != -1) {
                throw new IllegalArgumentException("hinge label must be 1 for the positive class and 0 or -1 "
                        + "for the negative class, got " + label);
            }
            return MlpKernelsGrad.hinge(params, layout, x, target, gradient);
        }

        @Override
        public Loss valueLoss() {
            return Loss.hinge();
        }
    };

    /**
     * The loss of one sample at {@code params} for the network {@code layout}; adds its
     * gradient into {@code gradient}.
     */
    abstract double lossAndGradient(double[] params, double[] layout, double[] x, double[] target,
            double[] gradient);

    /** The {@code Value}-engine loss this one computes the same numbers as. */
    public abstract Loss valueLoss();

    /** Whether the loss reads one output against one target (all but {@link #MSE}). */
    boolean isBinary() {
        return this != MSE;
    }

    private static void requireProbability(double target) {
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("cross-entropy target must be in [0, 1], got " + target);
        }
    }
}
