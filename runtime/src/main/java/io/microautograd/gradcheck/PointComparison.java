package io.microautograd.gradcheck;

import io.microautograd.optim.Objective;

/**
 * The gradient of an objective at one point against its finite differences: every partial's
 * error, the worst of those the differences can resolve, the partials they cannot (see
 * {@link GradientCheck}), and whether the objective added its gradient into the caller's array
 * as {@link Objective} requires.
 */
final class PointComparison {

    private final int pointIndex;
    private final double[] point;
    private final double[] analytic;
    private final double[] numeric;
    private int worstParameter = -1;
    private double worstError;
    private int illConditioned;
    private IllConditioned firstIllConditioned;
    private int overwrittenParameter = -1;

    PointComparison(Objective objective, int pointIndex, double[] point, double step, double minScale,
            double tolerance) {
        this.pointIndex = pointIndex;
        this.point = point;
        this.analytic = new double[point.length];
        objective.valueAndGradient(point.clone(), analytic);
        findOverwrite(objective);
        this.numeric = new double[point.length];
        double[] scratch = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            double h = step * Math.max(1, Math.abs(point[i]));
            double[] values = {valueAt(objective, i, h / 2, scratch), valueAt(objective, i, -h / 2, scratch),
                valueAt(objective, i, h, scratch), valueAt(objective, i, -h, scratch)};
            numeric[i] = (4 * ((values[0] - values[1]) / h) - (values[2] - values[3]) / (2 * h)) / 3;
            double disagreement = Math.abs(analytic[i] - numeric[i]);
            double error = disagreement / Math.max(minScale, Math.max(Math.abs(analytic[i]), Math.abs(numeric[i])));
            double largestValue = 0;
            for (double value : values) {
                largestValue = Math.max(largestValue, Math.abs(value));
            }
            double noise = DifferenceNoise.ofRichardson(largestValue, h / 2);
            if (error > tolerance && disagreement <= noise) {
                illConditioned++;
                if (firstIllConditioned == null) {
                    firstIllConditioned = new IllConditioned(pointIndex, point, i, analytic[i], numeric[i],
                            noise, largestValue);
                }
            } else if (worstParameter < 0 || Double.compare(error, worstError) > 0) {
                worstError = error;
                worstParameter = i;
            }
        }
    }

    /**
     * Whether this point's result is worse than {@code other}'s: a broken contract first, then a
     * larger error among the partials the differences resolve.
     */
    boolean ranksWorseThan(PointComparison other) {
        boolean overwrites = overwrittenParameter >= 0;
        boolean otherOverwrites = other.overwrittenParameter >= 0;
        if (overwrites != otherOverwrites) {
            return overwrites;
        }
        if (worstParameter < 0 || other.worstParameter < 0) {
            return other.worstParameter < 0 && worstParameter >= 0;
        }
        return Double.compare(worstError, other.worstError) > 0;
    }

    /** How many partials the differences could not resolve at this point. */
    int illConditioned() {
        return illConditioned;
    }

    /** The first partial the differences could not resolve at this point; null if none. */
    IllConditioned firstIllConditioned() {
        return firstIllConditioned;
    }

    /**
     * The report of a check, of the rule named {@code rule} or of an objective (null), whose worst
     * point is this one; {@code illConditioned} counts the partials of every point that could not
     * be resolved, {@code example} is the first of them.
     */
    GradientCheckReport report(String rule, int pointCount, double tolerance, int illConditioned,
            IllConditioned example) {
        boolean checked = worstParameter >= 0;
        return new GradientCheckReport(rule, pointCount, pointIndex, point, worstParameter,
                checked ? analytic[worstParameter] : Double.NaN, checked ? numeric[worstParameter] : Double.NaN,
                worstError, tolerance, overwrittenParameter, illConditioned, example);
    }

    /**
     * Calls the objective on an array pre-filled with {@code 1 + |g_i|}: an objective that adds
     * returns {@code 1 + |g_i| + g_i}, one that assigns returns {@code g_i}, a difference of at
     * least a third of the result, far above rounding. A NaN or infinite partial shows neither,
     * and is reported as what it is.
     */
    private void findOverwrite(Objective objective) {
        double[] prefilled = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            prefilled[i] = Double.isFinite(analytic[i]) ? 1 + Math.abs(analytic[i]) : 1;
        }
        double[] returned = prefilled.clone();
        objective.valueAndGradient(point.clone(), returned);
        for (int i = 0; i < point.length; i++) {
            double added = returned[i] - prefilled[i];
            if (Double.isFinite(analytic[i]) && !(Math.abs(added - analytic[i]) <= 1e-9 * prefilled[i])) {
                overwrittenParameter = i;
                return;
            }
        }
    }

    /** The objective's value with parameter {@code i} moved by {@code offset}. */
    private double valueAt(Objective objective, int i, double offset, double[] scratch) {
        double[] shifted = point.clone();
        shifted[i] = point[i] + offset;
        return objective.valueAndGradient(shifted, scratch);
    }
}
