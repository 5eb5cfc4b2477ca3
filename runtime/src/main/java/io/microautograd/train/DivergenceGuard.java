package io.microautograd.train;

/** The trainer's and the minimizers' check that nothing they are about to use is NaN or infinite. */
final class DivergenceGuard {

    /** What to change where a step with a learning rate diverged. */
    static final String LOWER_THE_RATE = "Try a lower learning rate,"
            + " or clip the gradients with optimizer.withClipping(GradientClipping.byGlobalNorm(1.0)).";

    /** What to change where a method without a learning rate (L-BFGS, Newton-CG) met a NaN or infinity. */
    static final String CHECK_THE_OBJECTIVE = "Find where the objective is NaN or infinite (a log or square root"
            + " of a negative number, 0/0, an exp that overflows) and keep it finite there, or start elsewhere.";

    private DivergenceGuard() {
    }

    /** Throws, advising {@code remedy}, if the batch loss or any component of its gradient is not finite. */
    static void checkLossAndGradient(double loss, double[] gradient, int epoch, int step, String remedy) {
        int bad = firstNonFinite(gradient);
        if (Double.isFinite(loss) && bad < 0) {
            return;
        }
        String lossPart = "the loss is " + loss;
        String gradientPart = bad < 0
                ? "every gradient is finite"
                : "the first non-finite gradient is that of parameter " + bad + " (" + gradient[bad] + ")";
        String what = Double.isFinite(loss) ? gradientPart : lossPart + " and " + gradientPart;
        throw new TrainingDivergedException(epoch, step, bad, what, remedy);
    }

    /** Throws if the update left a parameter that is not finite. */
    static void checkParameters(double[] parameters, int epoch, int step) {
        int bad = firstNonFinite(parameters);
        if (bad >= 0) {
            throw new TrainingDivergedException(epoch, step, bad,
                    "the update made parameter " + bad + " " + parameters[bad] + " (the gradient was finite)",
                    LOWER_THE_RATE);
        }
    }

    /** Throws if a component of the Hessian-vector product taken at point {@code step - 1} is not finite. */
    static void checkHessianVector(double[] product, int step) {
        int bad = firstNonFinite(product);
        if (bad >= 0) {
            throw new TrainingDivergedException(0, step, bad, "component " + bad + " of a Hessian-vector product at"
                    + " point " + (step - 1) + " is " + product[bad], CHECK_THE_OBJECTIVE);
        }
    }

    /**
     * The exception for a method without a learning rate that found the value or the gradient
     * not finite at every one of the {@code tries} points it tried on its way from point
     * {@code step - 1}, so it has no finite point to go on from.
     */
    static TrainingDivergedException nowhereFinite(int step, int tries, String method) {
        return new TrainingDivergedException(0, step, -1, "the value or the gradient was NaN or infinite at each of"
                + " the " + tries + " points " + method + " tried from point " + (step - 1), CHECK_THE_OBJECTIVE);
    }

    /** The index of the first component of {@code values} that is NaN or infinite, or -1. */
    static int firstNonFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }
}
