package io.microautograd.train;

import java.util.Optional;
import java.util.function.Supplier;

/** The trainer's check that nothing it is about to use is NaN or infinite. */
final class DivergenceGuard {

    private DivergenceGuard() {
    }

    /**
     * Throws if the batch loss or any component of its gradient is not finite, saying where the
     * first non-finite number came from when {@code origin} can tell.
     */
    static void checkLossAndGradient(double loss, double[] gradient, int epoch, int step,
            Supplier<Optional<String>> origin) {
        int bad = firstNonFinite(gradient);
        if (Double.isFinite(loss) && bad < 0) {
            return;
        }
        String lossPart = "the loss is " + loss;
        String gradientPart = bad < 0
                ? "every gradient is finite"
                : "the first non-finite gradient is that of parameter " + bad + " (" + gradient[bad] + ")";
        String what = Double.isFinite(loss) ? gradientPart : lossPart + " and " + gradientPart;
        throw new TrainingDivergedException(epoch, step, bad,
                what + origin.get().map(o -> "; the first non-finite number of the graph: " + o).orElse(""));
    }

    /** Throws if the update left a parameter that is not finite. */
    static void checkParameters(double[] parameters, int epoch, int step) {
        int bad = firstNonFinite(parameters);
        if (bad >= 0) {
            throw new TrainingDivergedException(epoch, step, bad,
                    "the update made parameter " + bad + " " + parameters[bad] + " (the gradient was finite)");
        }
    }

    /** The index of the first value that is NaN or infinite; -1 if none is. */
    static int firstNonFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }
}
