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
     * its direction (Pascanu et al., 2013; PyTorch's {@code clip_grad_norm_}).
     */
    static GradientClipping byGlobalNorm(double maxNorm) {
        requirePositive("maxNorm", maxNorm);
        return new GradientClipping() {
            @Override
            public void clip(double[] gradient) {
                double sumOfSquares = 0;
                for (double g : gradient) {
                    sumOfSquares += g * g;
                }
                double norm = Math.sqrt(sumOfSquares);
                if (norm > maxNorm) {
                    double scale = maxNorm / norm;
                    for (int i = 0; i < gradient.length; i++) {
                        gradient[i] *= scale;
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
