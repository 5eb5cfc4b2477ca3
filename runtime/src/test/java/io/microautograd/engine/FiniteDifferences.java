package io.microautograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;

/** Central finite differences for checking the engine's gradients in tests. */
final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /**
     * d f / d x_i at x by central differences, Richardson-extrapolated: the step can then be
     * large (1e-3 of |x_i|), which keeps rounding error small even where |f| is large.
     */
    static double partial(Function<double[], Double> f, double[] x, int i) {
        double h = 1e-3 * Math.max(1, Math.abs(x[i]));
        return (4 * centralDifference(f, x, i, h / 2) - centralDifference(f, x, i, h)) / 3;
    }

    private static double centralDifference(Function<double[], Double> f, double[] x, int i, double h) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[i] += h;
        minus[i] -= h;
        return (f.apply(plus) - f.apply(minus)) / (2 * h);
    }

    /** Asserts that {@code actual} matches {@code expected} to a relative tolerance (absolute near 0). */
    static void assertClose(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.max(1, Math.abs(expected)), what);
    }

    /**
     * Builds {@code f} on fresh leaves at {@code x}, backpropagates, and checks every leaf's
     * gradient against central differences of the same function on plain doubles.
     */
    static void checkGradient(Function<Value[], Value> f, double[] x, double tolerance) {
        Value[] leaves = Value.of(x);
        Value out = f.apply(leaves);
        out.backward();
        Function<double[], Double> plain = point -> f.apply(Value.of(point)).data();
        for (int i = 0; i < x.length; i++) {
            assertClose(partial(plain, x, i), leaves[i].grad(), tolerance,
                    "d/dx" + i + " at " + java.util.Arrays.toString(x));
        }
    }
}
