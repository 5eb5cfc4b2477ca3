package io.microautograd.gradcheck;

import java.util.Arrays;

/**
 * The outcome of a {@link GradientCheck}: the worst error over every partial of every point,
 * and where it was, or the first partial an objective wrote over instead of adding to.
 */
public final class GradientCheckReport {

    private final int pointCount;
    private final int pointIndex;
    private final double[] point;
    private final int parameterIndex;
    private final double analytic;
    private final double numeric;
    private final double worstError;
    private final double tolerance;
    private final int overwrittenParameter;

    GradientCheckReport(int pointCount, int pointIndex, double[] point, int parameterIndex, double analytic,
            double numeric, double worstError, double tolerance, int overwrittenParameter) {
        this.pointCount = pointCount;
        this.pointIndex = pointIndex;
        this.point = point;
        this.parameterIndex = parameterIndex;
        this.analytic = analytic;
        this.numeric = numeric;
        this.worstError = worstError;
        this.tolerance = tolerance;
        this.overwrittenParameter = overwrittenParameter;
    }

    /** Whether every partial at every point is within the tolerance and the gradient was added, not assigned. */
    public boolean passed() {
        return worstError <= tolerance && accumulates();
    }

    /** The largest error of any partial (see {@link GradientCheck} for the measure); NaN if a partial was NaN. */
    public double worstError() {
        return worstError;
    }

    /** The largest error that passes. */
    public double tolerance() {
        return tolerance;
    }

    /** The index, among the checked points, of the point with the worst result. */
    public int pointIndex() {
        return pointIndex;
    }

    /** A copy of the point with the worst result. */
    public double[] point() {
        return point.clone();
    }

    /** The parameter whose partial has the worst error at {@link #point()}. */
    public int parameterIndex() {
        return parameterIndex;
    }

    /** The objective's partial for {@link #parameterIndex()} at {@link #point()}. */
    public double analytic() {
        return analytic;
    }

    /** The finite-difference partial for {@link #parameterIndex()} at {@link #point()}. */
    public double numeric() {
        return numeric;
    }

    /** How many points were checked. */
    public int pointCount() {
        return pointCount;
    }

    /** Whether the objective added its gradient into the caller's array, as {@code Objective} requires. */
    public boolean accumulates() {
        return overwrittenParameter < 0;
    }

    /**
     * What the check found, in one paragraph: for a failure, which contract or partial failed,
     * at which parameter and point, with the analytic and numeric values.
     */
    @Override
    public String toString() {
        String where = "parameter " + parameterIndex + " of point " + pointIndex + " " + Arrays.toString(point);
        if (!accumulates()) {
            return "Gradient check failed: the objective assigns its gradient instead of adding it (at parameter "
                    + overwrittenParameter + " of point " + pointIndex + " " + Arrays.toString(point)
                    + "); Objective.valueAndGradient must add (+=) into the caller's array.";
        }
        String verdict = passed() ? "Gradient check passed on " + pointCount + " point(s)"
                : "Gradient check failed on " + pointCount + " point(s)";
        return verdict + ": worst error " + worstError + (passed() ? " <= " : " > ") + "tolerance " + tolerance
                + " at " + where + ": analytic " + analytic + ", numeric " + numeric + ".";
    }
}
