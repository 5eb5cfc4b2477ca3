package io.microautograd.train;

import io.microautograd.optim.Objective;

/**
 * A line search for a step length that satisfies the strong Wolfe conditions: along a descent
 * direction d from x, a step a with
 * <pre>
 * f(x + a d) &lt;= f(x) + c1 a g(x).d        (sufficient decrease)
 * |g(x + a d).d| &lt;= c2 |g(x).d|           (curvature)
 * </pre>
 * with c1 = 1e-4 and c2 = 0.9, the values Nocedal and Wright give for quasi-Newton methods. It
 * is their Algorithm 3.5: from the first step it doubles the step while the value still falls
 * and the slope is still steep, then narrows the bracket that must hold an acceptable step
 * (Algorithm 3.6, "zoom") by the minimum of the cubic through the bracket's values and slopes,
 * bisecting where that minimum lies outside the bracket's middle 80%.
 *
 * <p>A point where the value or the gradient is NaN or infinite counts as too far: the step is
 * narrowed as if the value there were too high, so an objective that overflows beyond some
 * distance still gets a step. Each search takes at most {@value #MAX_EVALUATIONS} evaluations.
 */
final class WolfeLineSearch {

    /** c1, the fraction of the decrease the slope promises that a step must achieve. */
    static final double SUFFICIENT_DECREASE = 1e-4;
    /** c2, how much flatter the slope must be at the step than at the start. */
    static final double CURVATURE = 0.9;
    /** The most evaluations one search takes before it gives up. */
    static final int MAX_EVALUATIONS = 30;

    private final Objective objective;
    private final PathRecorder recorder;
    private final double[] point;
    private final double[] gradient;
    private double[] start;
    private double[] direction;
    private double startValue;
    private double startSlope;
    private double value;
    private double slope;
    private int evaluations;
    private boolean foundFinite;

    /** A search on {@code objective} in {@code dimension} parameters, its evaluations counted by {@code recorder}. */
    WolfeLineSearch(Objective objective, PathRecorder recorder, int dimension) {
        this.objective = objective;
        this.recorder = recorder;
        this.point = new double[dimension];
        this.gradient = new double[dimension];
    }

    /**
     * Searches along {@code direction} from {@code start}, where the value is {@code value} and
     * the gradient {@code gradient}, trying {@code firstStep} first.
     *
     * @param direction a descent direction: its dot product with the gradient is negative
     * @return whether it found a step; then {@link #point()}, {@link #value()} and
     *     {@link #gradient()} hold the new point and what the objective gives there
     */
    boolean search(double[] start, double value, double[] gradient, double[] direction, double firstStep) {
        this.start = start;
        this.direction = direction;
        this.startValue = value;
        this.startSlope = Vectors.dot(gradient, direction);
        evaluations = 0;
        foundFinite = false;
        double previousStep = 0;
        double previousValue = value;
        double previousSlope = startSlope;
        double step = firstStep;
        while (evaluations < MAX_EVALUATIONS) {
            if (!evaluate(step) || !decreasesEnough(step) || evaluations > 1 && this.value >= previousValue) {
                return zoom(previousStep, previousValue, previousSlope, step, this.value, slope);
            }
            if (flatEnough()) {
                return true;
            }
            if (slope >= 0) {
                return zoom(step, this.value, slope, previousStep, previousValue, previousSlope);
            }
            previousStep = step;
            previousValue = this.value;
            previousSlope = slope;
            step *= 2;
        }
        return false;
    }

    /**
     * Narrows the bracket between {@code low}, the best step so far (it decreases enough), and
     * {@code high} until a step in it satisfies both conditions.
     */
    private boolean zoom(double low, double lowValue, double lowSlope, double high, double highValue,
            double highSlope) {
        while (evaluations < MAX_EVALUATIONS) {
            double step = interpolate(low, lowValue, lowSlope, high, highValue, highSlope);
            if (step == low || step == high) {
                return false;
            }
            if (!evaluate(step) || !decreasesEnough(step) || value >= lowValue) {
                high = step;
                highValue = value;
                highSlope = slope;
            } else {
                if (flatEnough()) {
                    return true;
                }
                if (slope * (high - low) >= 0) {
                    high = low;
                    highValue = lowValue;
                    highSlope = lowSlope;
                }
                low = step;
                lowValue = value;
                lowSlope = slope;
            }
        }
        return false;
    }

    /**
     * The minimum of the cubic with the given values and slopes at {@code a} and {@code b}
     * (Nocedal and Wright, 3.59), or the midpoint where that minimum is not finite or falls
     * outside the middle 80% of the bracket.
     */
    static double interpolate(double a, double valueA, double slopeA, double b, double valueB, double slopeB) {
        double midpoint = a + (b - a) / 2;
        double d1 = slopeA + slopeB - 3 * (valueA - valueB) / (a - b);
        double d2 = Math.signum(b - a) * Math.sqrt(d1 * d1 - slopeA * slopeB);
        double minimum = b - (b - a) * (slopeB + d2 - d1) / (slopeB - slopeA + 2 * d2);
        double margin = 0.1 * Math.abs(b - a);
        boolean inside = minimum >= Math.min(a, b) + margin && minimum <= Math.max(a, b) - margin;
        return inside ? minimum : midpoint;
    }

    /** Evaluates at {@code start + step direction}; whether the value and the gradient there are finite. */
    private boolean evaluate(double step) {
        evaluations++;
        Vectors.pointAlong(point, start, step, direction);
        value = recorder.evaluate(objective, point, gradient);
        slope = Vectors.dot(gradient, direction);
        boolean finite = Double.isFinite(value) && DivergenceGuard.firstNonFinite(gradient) < 0;
        foundFinite |= finite;
        return finite;
    }

    private boolean decreasesEnough(double step) {
        return value <= startValue + SUFFICIENT_DECREASE * step * startSlope;
    }

    private boolean flatEnough() {
        return Math.abs(slope) <= -CURVATURE * startSlope;
    }

    /** The point the last successful search found. */
    double[] point() {
        return point;
    }

    /** The value there. */
    double value() {
        return value;
    }

    /** The gradient there. */
    double[] gradient() {
        return gradient;
    }

    /** How many evaluations the last search took. */
    int evaluations() {
        return evaluations;
    }

    /** Whether the last search met a point where the value and the gradient were finite. */
    boolean foundFinite() {
        return foundFinite;
    }
}
