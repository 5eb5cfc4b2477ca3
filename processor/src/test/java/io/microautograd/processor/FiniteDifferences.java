package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;

/** Central finite differences, the reference every compiled gradient is checked against. */
final class FiniteDifferences {

    /** Relative tolerance of a partial against its finite-difference estimate. */
    static final double TOLERANCE = 1e-6;

    private FiniteDifferences() {
    }

    /** The central difference of {@code f} along coordinate {@code i} at {@code x}. */
    static double partial(ToDoubleFunction<double[]> f, double[] x, int i) {
        double h = 1e-5 * Math.max(1.0, Math.abs(x[i]));
        double[] up = x.clone();
        double[] down = x.clone();
        up[i] += h;
        down[i] -= h;
        return (f.applyAsDouble(up) - f.applyAsDouble(down)) / (up[i] - down[i]);
    }

    /** Asserts that {@code actual} matches the finite difference along {@code i} to the tolerance. */
    static void assertPartial(String what, double actual, ToDoubleFunction<double[]> f, double[] x, int i) {
        double expected = partial(f, x, i);
        double error = Math.abs(actual - expected);
        double scale = Math.max(1.0, Math.max(Math.abs(actual), Math.abs(expected)));
        assertTrue(error <= TOLERANCE * scale, () -> what + ": compiled partial " + actual
                + " but finite differences give " + expected + " (relative error " + error / scale + ")");
    }
}
