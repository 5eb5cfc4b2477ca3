package io.microautograd.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.engine.Value;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Central finite differences for the tests of nn, losses and train: the whole gradient of a
 * function of a flat {@code double[]}, to compare with what backpropagation gives.
 */
public final class NumericalGradient {

    private NumericalGradient() {
    }

    /**
     * The gradient of {@code f} at {@code x}: for each coordinate, the central difference with
     * step h and h/2 combined by Richardson extrapolation, (4 D(h/2) - D(h)) / 3, which cancels
     * the h^2 error term and so allows a step (1e-4 of the coordinate) far from rounding noise.
     */
    public static double[] of(ToDoubleFunction<double[]> f, double[] x) {
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = 1e-4 * Math.max(1, Math.abs(x[i]));
            gradient[i] = (4 * difference(f, x, i, h / 2) - difference(f, x, i, h)) / 3;
        }
        return gradient;
    }

    /**
     * Builds {@code f} on fresh leaves at {@code x}, backpropagates, and asserts that every
     * leaf's gradient matches the finite-difference gradient of the same function to
     * {@code tolerance} (relative above 1, absolute below).
     */
    public static void assertBackwardMatches(Function<Value[], Value> f, double[] x, double tolerance) {
        Value[] leaves = Value.of(x);
        f.apply(leaves).backward();
        double[] expected = of(point -> f.apply(Value.of(point)).data(), x);
        double[] actual = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            actual[i] = leaves[i].grad();
        }
        assertGradientsClose(expected, actual, tolerance);
    }

    /** Asserts each component agrees to {@code tolerance}, relative above 1 and absolute below. */
    public static void assertGradientsClose(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "gradient length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.max(1, Math.abs(expected[i])), "component " + i);
        }
    }

    private static double difference(ToDoubleFunction<double[]> f, double[] x, int i, double h) {
        double[] up = x.clone();
        double[] down = x.clone();
        up[i] += h;
        down[i] -= h;
        return (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * h);
    }
}
