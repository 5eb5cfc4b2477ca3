package io.microautograd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.optim.Objective;

/** Comparisons relative to the expected value, component by component. */
final class RelativeAssertions {

    private RelativeAssertions() {
    }

    /** {@code |actual - expected| <= tolerance |expected|}. */
    static void assertRelativelyClose(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }

    /** {@link #assertRelativelyClose(double, double, double, String)} for every component. */
    static void assertRelativelyClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int j = 0; j < expected.length; j++) {
            assertRelativelyClose(expected[j], actual[j], tolerance, what + ", component " + j);
        }
    }

    /**
     * Evaluates both objectives at {@code point}, each into a zeroed gradient, and asserts that
     * the values and the gradients are relatively close.
     */
    static void assertSameValueAndGradient(Objective expected, Objective actual, double[] point, double tolerance) {
        double[] expectedGradient = new double[point.length];
        double expectedValue = expected.valueAndGradient(point, expectedGradient);
        double[] gradient = new double[point.length];
        double value = actual.valueAndGradient(point, gradient);
        assertRelativelyClose(expectedValue, value, tolerance, "value");
        assertRelativelyClose(expectedGradient, gradient, tolerance, "gradient");
    }
}
