package io.microautograd.gradcheck;

import io.microautograd.optim.Objective;

/**
 * The gradient of an objective at one point against its finite differences: every partial's
 * error, the worst of them, and whether the objective added its gradient into the caller's
 * array as {@link Objective} requires.
 */
final class PointComparison {

    private final double[] point;
    private final double[] analytic;
    private final double[] numeric;
    private int worstParameter;
    private double worstError;
    private int overwrittenParameter = -1;

    PointComparison(Objective objective, double[] point, double step, double minScale) {
        this.point = point;
        this.analytic = new double[point.length];
        objective.valueAndGradient(point.clone(), analytic);
        findOverwrite(objective);
        this.numeric = new double[point.length];
        double[] scratch = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            double h = step * Math.max(1, Math.abs(point[i]));
            numeric[i] = (4 * difference(objective, i, h / 2, scratch) - difference(objective, i, h, scratch)) / 3;
            double error = Math.abs(analytic[i] - numeric[i])
                    / Math.max(minScale, Math.max(Math.abs(analytic[i]), Math.abs(numeric[i])));
            if (i == 0 || Double.compare(error, worstError) > 0) {
                worstError = error;
                worstParameter = i;
            }
        }
    }

    /** Whether this point's result is worse than {@code other}'s: a broken contract first, then a larger error. */
    boolean ranksWorseThan(PointComparison other) {
        boolean overwrites = overwrittenParameter >= 0;
        boolean otherOverwrites = other.overwrittenParameter >= 0;
        if (overwrites != otherOverwrites) {
            return overwrites;
        }
        return Double.compare(worstError, other.worstError) > 0;
    }

    GradientCheckReport report(int pointIndex, int pointCount, double tolerance) {
        return new GradientCheckReport(pointCount, pointIndex, point, worstParameter, analytic[worstParameter],
                numeric[worstParameter], worstError, tolerance, overwrittenParameter);
    }

    /**
     * Calls the objective on an array pre-filled with {@code 1 + |g_i|}: an objective that adds
     * returns {@code 1 + |g_i| + g_i}, one that assigns returns {@code g_i}, a difference of at
     * least a third of the result, far above rounding.
     */
    private void findOverwrite(Objective objective) {
        double[] prefilled = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            prefilled[i] = 1 + Math.abs(analytic[i]);
        }
        double[] returned = prefilled.clone();
        objective.valueAndGradient(point.clone(), returned);
        for (int i = 0; i < point.length; i++) {
            double added = returned[i] - prefilled[i];
            if (!(Math.abs(added - analytic[i]) <= 1e-9 * prefilled[i])) {
                overwrittenParameter = i;
                return;
            }
        }
    }

    private double difference(Objective objective, int i, double h, double[] scratch) {
        double[] shifted = point.clone();
        shifted[i] = point[i] + h;
        double up = objective.valueAndGradient(shifted, scratch);
        shifted[i] = point[i] - h;
        double down = objective.valueAndGradient(shifted, scratch);
        return (up - down) / (2 * h);
    }
}
