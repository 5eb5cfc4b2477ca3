package io.microautograd.optim;

/**
 * A limit on the size of a gradient, applied in place before an optimizer step
 * ({@link Optimizer#withClipping}). Clipping tames the occasional huge gradient that would
 * throw the parameters far away; it does not cure a learning rate that is too high.
 */
@FunctionalInterface
public interface GradientClipping {

    /** Limits {@code gradient} in place. */
    void clip(double[] gradient);

    /** Clamps every component to [-limit, limit]; changes the gradient's direction when it acts. */
    static GradientClipping byValue(double limit) {
        requirePositive("limit", limit);
        return new GradientClipping() {
            @Override
            public void clip(double[] gradient) {
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] = Math.max(-limit, Math.min(limit, gradient[i]));
                }
            }

            @Override
            public String toString() {
                return "byValue(" + limit + ")";
            }
        };
    }

    /**
     * Scales the whole gradient down to Euclidean norm {@code maxNorm} when it is longer, keeping
     * its direction (Pascanu et al., 2013; PyTorch's {@code clip_grad_norm_}). The norm is taken
     * as {@code Math.hypot} takes it, of the components divided by the largest, so it neither
     * overflows for components above 1e154 nor underflows below 1e-154. A gradient with a NaN or
     * infinite component is left as it is, for the trainer's divergence check to report.
     */
    static GradientClipping byGlobalNorm(double maxNorm) {
        requirePositive("maxNorm", maxNorm);
        return new GradientClipping() {
            @Override
            public void clip(double[] gradient) {
                double largest = 0;
                for (double g : gradient) {
                    largest = Math.max(largest, Math.abs(g));
                }
                if (!(largest > 0 && largest < Double.POSITIVE_INFINITY)) {
                    return;
                }
                double sumOfSquares = 0;
                for (double g : gradient) {
                    double scaled = g / largest;
                    sumOfSquares += scaled * scaled;
                }
                double normOverLargest = Math.sqrt(sumOfSquares);
                if (largest * normOverLargest > maxNorm) {
                    double factor = maxNorm / normOverLargest;
                    for (int i = 0; i < gradient.length; i++) {
                        gradient[i] = gradient[i] / largest * factor;
                    }
                }
            }

            @Override
            public String toString() {
                return "byGlobalNorm(" + maxNorm + ")";
            }
        };
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }
}
