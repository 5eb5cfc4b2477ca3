package io.microautograd.gradcheck;

import java.util.Arrays;

/**
 * The outcome of a {@link GradientCheck}: the worst error over every partial of every point that
 * finite differences can check, and where it was, or the first partial an objective wrote over
 * instead of adding to; and how many partials were too ill-conditioned to check.
 */
public final class GradientCheckReport {

    private final String rule;
    private final int pointCount;
    private final int pointIndex;
    private final double[] point;
    private final int parameterIndex;
    private final double analytic;
    private final double numeric;
    private final double worstError;
    private final double tolerance;
    private final int overwrittenParameter;
    private final int illConditioned;
    private final IllConditioned illConditionedExample;

    GradientCheckReport(String rule, int pointCount, int pointIndex, double[] point, int parameterIndex,
            double analytic, double numeric, double worstError, double tolerance, int overwrittenParameter,
            int illConditioned, IllConditioned illConditionedExample) {
        this.rule = rule;
        this.pointCount = pointCount;
        this.pointIndex = pointIndex;
        this.point = point;
        this.parameterIndex = parameterIndex;
        this.analytic = analytic;
        this.numeric = numeric;
        this.worstError = worstError;
        this.tolerance = tolerance;
        this.overwrittenParameter = overwrittenParameter;
        this.illConditioned = illConditioned;
        this.illConditionedExample = illConditionedExample;
    }

    /**
     * Whether every partial that finite differences can check, at every point, is within the
     * tolerance, at least one could be checked, and the gradient was added, not assigned.
     */
    public boolean passed() {
        return parameterIndex >= 0 && worstError <= tolerance && accumulates();
    }

    /**
     * How many partials, over every point, finite differences could not check: the function was
     * so large there that rounding alone moved the difference quotient by more than it and the
     * analytic partial differed, so the difference says nothing about the gradient.
     */
    public int illConditioned() {
        return illConditioned;
    }

    /**
     * The largest error of the partials finite differences can check (see {@link GradientCheck}
     * for the measure); NaN if such a partial was NaN, 0 if none could be checked.
     */
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

    /** The parameter whose partial has the worst error at {@link #point()}; -1 if no partial could be checked. */
    public int parameterIndex() {
        return parameterIndex;
    }

    /** The objective's partial for {@link #parameterIndex()} at {@link #point()}; NaN if none could be checked. */
    public double analytic() {
        return analytic;
    }

    /** The finite-difference partial for {@link #parameterIndex()} at {@link #point()}; NaN if none was checked. */
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
     * What the check found, in one paragraph: what was checked when it was a rule (an operation's
     * is named, as in {@code Gradient check of operation "softplus" failed ...}); for a failure,
     * which contract or partial failed and why, at which parameter and point, with the analytic
     * and numeric values; then the partials that could not be checked, if any, with the first of
     * them.
     */
    @Override
    public String toString() {
        if (!accumulates()) {
            return "Gradient check failed: the objective assigns its gradient instead of adding it (at parameter "
                    + overwrittenParameter + " of point " + pointIndex + " " + Arrays.toString(point)
                    + "); Objective.valueAndGradient must add (+=) into the caller's array.";
        }
        String check = rule == null ? "Gradient check" : "Gradient check of " + rule;
        if (parameterIndex < 0) {
            return check + " could not check any partial on " + pointCount + " point(s), for example at "
                    + illConditionedExample.describe() + ".";
        }
        String where = "parameter " + parameterIndex + " of point " + pointIndex + " " + Arrays.toString(point);
        String verdict = check + (passed() ? " passed on " : " failed on ") + pointCount + " point(s)";
        String finding;
        if (!Double.isFinite(analytic)) {
            finding = ": " + (rule == null ? "the objective's" : "the rule's") + " partial for " + where + " is "
                    + analytic + " (numeric " + numeric + ").";
        } else if (!Double.isFinite(numeric)) {
            finding = ": the finite difference for " + where + " is " + numeric + " (analytic " + analytic
                    + "): the function is NaN or infinite within the step of the point; check away from the edge"
                    + " of its domain, or with a smaller step (withStep).";
        } else {
            finding = ": worst error " + worstError + (passed() ? " <= " : " > ") + "tolerance " + tolerance + " at "
                    + where + ": analytic " + analytic + ", numeric " + numeric + ".";
        }
        return verdict + finding + (illConditioned == 0 ? "" : " " + illConditioned
                + " partial(s) could not be checked, for example " + illConditionedExample.describe() + ".");
    }
}
