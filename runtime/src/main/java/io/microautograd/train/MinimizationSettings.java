package io.microautograd.train;

/**
 * The settings {@link Lbfgs} and {@link TrustRegionNewtonCg} share: when a run stops and whether
 * it shows a progress bar, with the checks of their values. Immutable.
 */
final class MinimizationSettings {

    /** Gradient tolerance 1e-5 (SciPy's), at most 1000 iterations, a progress bar on a terminal. */
    static final MinimizationSettings STANDARD = new MinimizationSettings(1e-5, 1000, false);

    private final double gradientTolerance;
    private final int maxIterations;
    private final boolean quiet;

    private MinimizationSettings(double gradientTolerance, int maxIterations, boolean quiet) {
        if (!(gradientTolerance >= 0) || Double.isInfinite(gradientTolerance)) {
            throw new IllegalArgumentException("gradient tolerance must be finite and >= 0, got " + gradientTolerance);
        }
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = requireAtLeast("maxIterations", maxIterations, 0);
        this.quiet = quiet;
    }

    MinimizationSettings withGradientTolerance(double tolerance) {
        return new MinimizationSettings(tolerance, maxIterations, quiet);
    }

    MinimizationSettings withMaxIterations(int maxIterations) {
        return new MinimizationSettings(gradientTolerance, maxIterations, quiet);
    }

    MinimizationSettings quiet(boolean quiet) {
        return new MinimizationSettings(gradientTolerance, maxIterations, quiet);
    }

    /** A recorder for a run of {@code method}, its progress bar as these settings say. */
    PathRecorder recorder(String method) {
        return new PathRecorder(method, maxIterations, quiet);
    }

    /**
     * Why a run should end at the last point {@code recorder} kept: the gradient tolerance met
     * there, or the iteration limit; null to go on.
     */
    StopReason reasonToStop(PathRecorder recorder) {
        if (recorder.lastGradientNorm() <= gradientTolerance) {
            return StopReason.GRADIENT_TOLERANCE;
        }
        return recorder.steps() == maxIterations ? StopReason.ITERATION_LIMIT : null;
    }

    @Override
    public String toString() {
        return "gradient tolerance " + gradientTolerance + ", at most " + maxIterations + " iterations";
    }

    /** {@code value}, if it is at least {@code least}. */
    static int requireAtLeast(String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", got " + value);
        }
        return value;
    }

    /** {@code value}, if it is finite and &gt; 0. */
    static double requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }
}
