package io.microautograd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
