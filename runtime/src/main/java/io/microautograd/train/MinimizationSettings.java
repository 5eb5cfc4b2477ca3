package io.microautograd.train;

/** The checks of the settings that {@link Lbfgs} and {@link TrustRegionNewtonCg} share. */
final class MinimizationSettings {

    private MinimizationSettings() {
    }

    /** {@code value}, if it is at least {@code least}. */
    static int requireAtLeast(String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", got " + value);
        }
        return value;
    }

    /** {@code tolerance}, if it is a gradient norm to stop at: finite and &gt;= 0. */
    static double requireTolerance(double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("gradient tolerance must be finite and >= 0, got " + tolerance);
        }
        return tolerance;
    }

    /** {@code value}, if it is finite and &gt; 0. */
    static double requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }
}
