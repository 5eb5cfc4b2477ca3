package io.microautograd.gradcheck;

import io.microautograd.engine.Op;
import io.microautograd.engine.Value;
import io.microautograd.optim.Objective;
import java.util.Arrays;
import java.util.Random;

/**
 * Checks a gradient against finite differences, as JAX's {@code check_grads} does: any
 * {@link Objective} (a compiled gradient, a {@code Value}-engine model, a hand-written one), or
 * the rule of an {@link Op} (yours, whose derivative you wrote by hand), at given points or at
 * seeded random points near a centre; and a compiled gradient against the {@code Value} engine's
 * at a point ({@link #compareWithEngine}), the engine running the method's Value twin.
 *
 * <pre>{@code
 * GradientCheck.standard().assertGradient(FunctionsGrad::rosenbrock, new double[] {-1.2, 1}, new double[] {0.5, 0.3});
 * GradientCheckReport report = GradientCheck.standard().checkNear(objective, center, 0.5, 10, 42);
 * GradientCheck.standard().assertGradientNear(softplus, new double[] {0}, 5, 20, 1);   // the rule of an operation
 * }</pre>
 *
 * <p>An operation is checked as the function of its inputs it computes, a point holding one
 * number per input, and its report names it ({@code Gradient check of operation "softplus"
 * failed ...}).
 *
 * <p>For each point and each parameter {@code i} the numeric partial is the central difference
 * {@code D(h) = (f(x + h e_i) - f(x - h e_i)) / 2h}, Richardson-extrapolated to
 * {@code (4 D(h/2) - D(h)) / 3}, which cancels the h^2 error term, with
 * {@code h = step * max(1, |x_i|)}. The error of a partial is
 * {@code |analytic - numeric| / max(|analytic|, |numeric|, minScale)}: relative for partials
 * larger than {@code minScale}, absolute (scaled by minScale) for smaller ones, so that the
 * rounding noise of a difference quotient on a partial near 0 does not read as a large
 * relative error. The check also verifies the {@link Objective} contract that the gradient is
 * added into the caller's array rather than written over it.
 *
 * <p>A partial that is small beside the function cannot be seen by its differences: at
 * {@code f = 3 sum p^3} at {@code [1e4, -3e5, 7]}, f is about 8e16, whose rounding (16) over the
 * step swamps the change 441 * 2h the last coordinate makes. Such a partial is
 * <em>ill-conditioned</em> where its error exceeds the tolerance but its disagreement is within
 * what rounding of the largest |f| the differences read (8 ulps per value) can make of the
 * extrapolated quotient; it is counted and named in the report instead of failing the check, and
 * a check in which no partial could be checked at all does not pass.
 *
 * <p>Finite differences cannot see a kink: check points where the function is smooth within
 * the step (relu and max are not at 0, abs is not at its corner), or use a smaller step there.
 * Instances are immutable; the {@code with...} methods return changed copies.
 */
public final class GradientCheck {

    private static final GradientCheck STANDARD = new GradientCheck(1e-6, 1e-4, 1e-3);

    private final double tolerance;
    private final double step;
    private final double minScale;

    private GradientCheck(double tolerance, double step, double minScale) {
        this.tolerance = requirePositive("tolerance", tolerance);
        this.step = requirePositive("step", step);
        this.minScale = requirePositive("minScale", minScale);
    }

    /** Tolerance 1e-6, step 1e-4 (relative to coordinates above 1), minScale 1e-3. */
    public static GradientCheck standard() {
        return STANDARD;
    }

    /** This check with the largest error that passes set to {@code tolerance}. */
    public GradientCheck withTolerance(double tolerance) {
        return new GradientCheck(tolerance, step, minScale);
    }

    /** This check with the finite-difference step (relative to coordinates above 1) set to {@code step}. */
    public GradientCheck withStep(double step) {
        return new GradientCheck(tolerance, step, minScale);
    }

    /** This check with the magnitude below which errors are absolute set to {@code minScale}. */
    public GradientCheck withMinScale(double minScale) {
        return new GradientCheck(tolerance, step, minScale);
    }

    /**
     * Compares the gradient of {@code objective} with finite differences at every point.
     *
     * @throws IllegalArgumentException if no point is given or the points differ in length
     */
    public GradientCheckReport check(Objective objective, double[]... points) {
        requirePoints(objective, points);
        return compare(objective, null, points);
    }

    /**
     * Compares the backward rule of {@code operation} with finite differences of its forward
     * formula at every point, one number per input; the report names the operation.
     *
     * @throws IllegalArgumentException if no point is given, the points differ in length, the
     *     operation takes another number of inputs or keeps one of them as a constant operand
     *     (the exponent of {@code pow(double)}, the bounds of {@code clamp})
     */
    public GradientCheckReport check(Op operation, double[]... points) {
        Objective rule = rule(operation);
        requirePoints(rule, points);
        for (int i = 0; i < points[0].length; i++) {
            if (!operation.differentiates(i)) {
                throw new IllegalArgumentException("operation " + operation + " keeps input " + i
                        + " as a constant operand, which gets no gradient; check a function of its other inputs");
            }
        }
        return compare(rule, "operation " + operation, points);
    }

    /**
     * {@link #check(Op, double[]...)} at {@code count} points drawn uniformly from the box
     * {@code center +- radius}, by a {@link Random} seeded with {@code seed}.
     */
    public GradientCheckReport checkNear(Op operation, double[] center, double radius, int count, long seed) {
        return check(operation, randomPoints(center, radius, count, seed));
    }

    /** {@link #check(Op, double[]...)}, throwing a {@link GradientMismatchError} if the rule is wrong anywhere. */
    public GradientCheckReport assertGradient(Op operation, double[]... points) {
        return requirePassed(check(operation, points));
    }

    /**
     * {@link #checkNear(Op, double[], double, int, long)}, throwing a {@link GradientMismatchError}
     * if the rule is wrong anywhere.
     */
    public GradientCheckReport assertGradientNear(Op operation, double[] center, double radius, int count,
            long seed) {
        return requirePassed(checkNear(operation, center, radius, count, seed));
    }

    /** Compares at every point the gradient of the rule named {@code rule}, or of an objective (null). */
    private GradientCheckReport compare(Objective objective, String rule, double[][] points) {
        PointComparison worst = null;
        int illConditioned = 0;
        IllConditioned example = null;
        for (int p = 0; p < points.length; p++) {
            PointComparison comparison = new PointComparison(objective, p, points[p].clone(), step, minScale,
                    tolerance);
            if (worst == null || comparison.ranksWorseThan(worst)) {
                worst = comparison;
            }
            illConditioned += comparison.illConditioned();
            if (example == null) {
                example = comparison.firstIllConditioned();
            }
        }
        return worst.report(rule, points.length, tolerance, illConditioned, example);
    }

    /**
     * Compares the gradient of {@code objective} with finite differences at {@code count}
     * points drawn uniformly from the box {@code center +- radius}, by a {@link Random} seeded
     * with {@code seed}.
     */
    public GradientCheckReport checkNear(Objective objective, double[] center, double radius, int count, long seed) {
        return check(objective, randomPoints(center, radius, count, seed));
    }

    /**
     * {@link #check}, throwing if the gradient is wrong anywhere.
     *
     * @throws GradientMismatchError with the report if the worst error exceeds the tolerance or
     *     the objective overwrites its gradient array
     */
    public GradientCheckReport assertGradient(Objective objective, double[]... points) {
        return requirePassed(check(objective, points));
    }

    /** {@link #checkNear}, throwing a {@link GradientMismatchError} if the gradient is wrong anywhere. */
    public GradientCheckReport assertGradientNear(Objective objective, double[] center, double radius, int count,
            long seed) {
        return requirePassed(checkNear(objective, center, radius, count, seed));
    }

    /**
     * Compares the value and gradient of {@code compiled} at {@code point} with the engine's,
     * {@code engine}'s graph built from one leaf per coordinate and differentiated by
     * {@code backward()}, partial by partial within this check's tolerance, its error measured as
     * the finite-difference check's; the step plays no part. With the Value twin of a compiled
     * method the two run the same operations in the same order, so the values agree to the bit
     * and the partials to rounding:
     *
     * <pre>{@code
     * GradientCheck.standard().assertMatchesEngine(FunctionsGrad::rosenbrock, FunctionsValues::rosenbrock, point);
     * }</pre>
     *
     * @throws IllegalArgumentException if the point is empty or {@code engine} returns null
     */
    public EngineComparison compareWithEngine(Objective compiled, ValueObjective engine, double[] point) {
        if (point == null || point.length == 0) {
            throw new IllegalArgumentException("point must hold at least one coordinate");
        }
        double[] compiledGradient = new double[point.length];
        double compiledValue = compiled.valueAndGradient(point.clone(), compiledGradient);
        Value[] leaves = Value.of(point);
        Value root = engine.apply(leaves.clone());
        if (root == null) {
            throw new IllegalArgumentException("the engine function returned null instead of its value's node");
        }
        root.backward();
        double[] engineGradient = new double[point.length];
        for (int i = 0; i < leaves.length; i++) {
            engineGradient[i] = leaves[i].grad();
        }
        return new EngineComparison(point.clone(), compiledValue, root.data(), compiledGradient, engineGradient,
                minScale, tolerance);
    }

    /**
     * {@link #compareWithEngine}, throwing if the two disagree.
     *
     * @throws AssertionError with the comparison as its message if the value or a partial disagrees
     */
    public EngineComparison assertMatchesEngine(Objective compiled, ValueObjective engine, double[] point) {
        EngineComparison comparison = compareWithEngine(compiled, engine, point);
        if (!comparison.passed()) {
            throw new AssertionError(comparison.toString());
        }
        return comparison;
    }

    /**
     * {@code count} points drawn uniformly from the box {@code center +- radius} by a
     * {@link Random} seeded with {@code seed}, coordinate by coordinate, point by point.
     *
     * @throws IllegalArgumentException if the centre is empty, the radius negative or not finite,
     *     or count below 1
     */
    public static double[][] randomPoints(double[] center, double radius, int count, long seed) {
        if (center == null || center.length == 0) {
            throw new IllegalArgumentException("center must hold at least one coordinate, got "
                    + (center == null ? "null" : "none"));
        }
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be finite and >= 0, got " + radius);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        Random random = new Random(seed);
        double[][] points = new double[count][center.length];
        for (double[] point : points) {
            for (int i = 0; i < point.length; i++) {
                point[i] = center[i] + radius * (2 * random.nextDouble() - 1);
            }
        }
        return points;
    }

    @Override
    public String toString() {
        return "GradientCheck(tolerance " + tolerance + ", step " + step + ", minScale " + minScale + ")";
    }

    private static GradientCheckReport requirePassed(GradientCheckReport report) {
        if (!report.passed()) {
            throw new GradientMismatchError(report);
        }
        return report;
    }

    /** The function {@code operation} computes of its inputs, its gradient given by the operation's rule. */
    private static Objective rule(Op operation) {
        if (operation == null) {
            throw new IllegalArgumentException("operation must not be null");
        }
        return (inputs, gradient) -> {
            Value[] leaves = Value.of(inputs);
            Value output = operation.apply(leaves);
            output.backward();
            for (int i = 0; i < leaves.length; i++) {
                gradient[i] += leaves[i].grad();
            }
            return output.data();
        };
    }

    private static void requirePoints(Objective objective, double[][] points) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException("give at least one point to check the gradient at, got none");
        }
        for (int p = 0; p < points.length; p++) {
            if (points[p] == null || points[p].length == 0 || points[p].length != points[0].length) {
                throw new IllegalArgumentException("every point must hold the same number (at least 1) of parameters"
                        + " as point 0 (" + (points[0] == null ? 0 : points[0].length) + "), but point " + p + " is "
                        + Arrays.toString(points[p]));
            }
        }
    }

    private static double requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }
}
