package io.microautograd.fuzz;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.gradcheck.DifferenceNoise;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The three comparisons the fuzzer makes for one program at one point: the generated value
 * against the original method (bit for bit), the generated gradient against the {@code Value}
 * engine (1e-10 relative to the gradient's size, or to the size of the terms its partials sum,
 * however small, on the partials the engine finds finite), and against central finite
 * differences (skipped where the function is not smooth enough, or its value too large, for
 * differences to mean anything).
 */
final class PointCheck {

    /** Relative agreement demanded between the compiled path and the Value engine. */
    static final double ENGINE_TOLERANCE = 1e-10;
    /** Relative agreement demanded between the compiled path and finite differences. */
    static final double DIFFERENCE_TOLERANCE = 1e-5;

    /** What a check concluded. */
    enum Verdict { AGREE, ILL_CONDITIONED, DISAGREE }

    /** The verdict, and for a disagreement, what differed. */
    record Outcome(Verdict verdict, String detail) {
    }

    private PointCheck() {
    }

    /**
     * Checks {@code method} at {@code point}. {@code original} evaluates the user's method and
     * {@code compiled} the generated allocation-free call, adding the gradient into its array.
     */
    static Outcome check(Method method, double[] point, ToDoubleFunction<double[]> original, Compiled compiled) {
        try {
            return compare(method, point, original, compiled);
        } catch (RuntimeException e) {
            return disagree("threw " + e + (e.getCause() == null ? "" : ", caused by " + e.getCause()));
        }
    }

    private static Outcome compare(Method method, double[] point, ToDoubleFunction<double[]> original,
            Compiled compiled) {
        ParameterLayout layout = ParameterLayout.of(method);
        double expected = original.applyAsDouble(point);
        double[] gradient = new double[point.length];
        double value = compiled.valueAndGradient(point, gradient);
        if (Double.compare(expected, value) != 0) {
            return disagree("value: original " + expected + ", generated " + value);
        }
        if (!Double.isFinite(value) || !allFinite(gradient)) {
            return new Outcome(Verdict.ILL_CONDITIONED, "not finite");
        }
        Value[] leaves = Value.of(point);
        Value root = ValueInterpreter.run(method, leaves);
        if (Double.compare(root.data(), value) != 0) {
            return disagree("value: Value engine " + root.data() + ", generated " + value);
        }
        root.backward();
        // An engine partial that is not finite (0 x inf under a zero adjoint, which the compiled
        // path may skip, see the README) is left to finite differences; it must not turn the scale
        // into NaN, which would wave every other partial through. The scale is the gradient's
        // size or the size of the terms its partials sum, whichever is larger (the gradient's
        // alone where a 0/0 partial under a zero one makes the sizes NaN), without a floor:
        // a gradient of 1e-18 (a saturated tanh or sigmoid) is held to 1e-28, not to 1e-10.
        double[] termSizes = AbsoluteGradient.of(root, leaves);
        double scale = 0;
        for (int i = 0; i < point.length; i++) {
            if (Double.isFinite(leaves[i].grad())) {
                scale = Math.max(scale, Math.max(Math.abs(gradient[i]), Math.abs(leaves[i].grad())));
                scale = Double.isFinite(termSizes[i]) ? Math.max(scale, termSizes[i]) : scale;
            }
        }
        for (int i = 0; i < point.length; i++) {
            if (Double.isFinite(leaves[i].grad())
                    && Math.abs(gradient[i] - leaves[i].grad()) > ENGINE_TOLERANCE * scale) {
                return disagree("d/d" + layout.slotName(i) + ": Value engine " + leaves[i].grad()
                        + ", generated " + gradient[i]);
            }
        }
        for (int i = 0; i < point.length; i++) {
            Optional<Double> difference = smoothDifference(original, point, i);
            if (difference.isEmpty()) {
                return new Outcome(Verdict.ILL_CONDITIONED, "not smooth in " + layout.slotName(i));
            }
            double disagreement = Math.abs(gradient[i] - difference.get());
            if (disagreement > DIFFERENCE_TOLERANCE * Math.max(1, Math.abs(difference.get()))) {
                if (disagreement <= roundingNoise(value, point[i])) {
                    return new Outcome(Verdict.ILL_CONDITIONED, "the value's rounding swamps differences in "
                            + layout.slotName(i));
                }
                return disagree("d/d" + layout.slotName(i) + ": finite differences " + difference.get()
                        + ", generated " + gradient[i]);
            }
        }
        return new Outcome(Verdict.AGREE, "");
    }

    /**
     * How far rounding alone can move the difference {@link #smoothDifference} takes at
     * coordinate {@code x} of a function of size about {@code value}: its fine extrapolation reads
     * the function at h / 8 and h / 4 from x. Where a saturated tanh makes e^(40 tanh(u)) exactly
     * e^40 near the point, its derivative (1e-4) is far below that noise (3e6), and the
     * differences' 0 says nothing.
     */
    private static double roundingNoise(double value, double x) {
        return DifferenceNoise.ofRichardson(value, step(x) / 8);
    }

    private static double step(double x) {
        return 1e-3 * Math.max(1, Math.abs(x));
    }

    /**
     * A Richardson-extrapolated central difference, or empty where two step sizes disagree: a
     * kink, a branch switching inside the step, or rounding swamping the difference. A plain
     * central difference 64 times finer must agree too: a staircase (floor of a steep function)
     * whose stairs are narrower than both Richardson steps looks smooth to them. Stairs narrower
     * still look smooth to every step; {@link #slopeDiffersWithinAStair} finds them.
     */
    private static Optional<Double> smoothDifference(ToDoubleFunction<double[]> f, double[] point, int i) {
        double h = step(point[i]);
        double coarse = richardson(f, point, i, h);
        double fine = richardson(f, point, i, h / 4);
        double tiny = central(f, point, i, h / 64);
        double scale = Math.max(1, Math.abs(fine));
        if (!Double.isFinite(coarse) || !Double.isFinite(fine) || Math.abs(coarse - fine) > 1e-7 * scale
                || !(Math.abs(tiny - fine) <= 1e-5 * scale) || slopeDiffersWithinAStair(f, point, i, fine)) {
            return Optional.empty();
        }
        return Optional.of(fine);
    }

    /**
     * Whether the difference of {@code f} at x ± δ, where its {@code slope} says it moves by 2^16
     * of its ulps, is not that slope (25%): a staircase whose stairs are narrower than every step
     * (the floor of a function so steep that h / 64 still spans thousands of stairs) shows those
     * steps the stairs' slope, and within one stair the slope of the rest (0 for the floor alone,
     * the slope of what it multiplies otherwise). A smooth function has its slope there too, within
     * its rounding, thousands of ulps after a long sum; too fine a δ to move x, or one the step
     * h / 64 covered, says nothing.
     */
    private static boolean slopeDiffersWithinAStair(ToDoubleFunction<double[]> f, double[] point, int i,
            double slope) {
        double delta = 65536 * Math.ulp(f.applyAsDouble(point)) / Math.abs(slope);
        return delta >= 4 * Math.ulp(point[i]) && delta < step(point[i]) / 64
                && !(Math.abs(central(f, point, i, delta) - slope) <= 0.25 * Math.abs(slope));
    }

    private static double richardson(ToDoubleFunction<double[]> f, double[] point, int i, double h) {
        return (4 * central(f, point, i, h / 2) - central(f, point, i, h)) / 3;
    }

    private static double central(ToDoubleFunction<double[]> f, double[] point, int i, double h) {
        double[] plus = point.clone();
        double[] minus = point.clone();
        plus[i] += h;
        minus[i] -= h;
        return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
    }

    private static boolean allFinite(double[] values) {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }

    private static Outcome disagree(String detail) {
        return new Outcome(Verdict.DISAGREE, detail);
    }

    /** The generated allocation-free gradient call of one method. */
    interface Compiled {
        /**
         * Returns the value and adds the gradient into {@code gradient}, both points flattened
         * as {@link ParameterLayout} says.
         */
        double valueAndGradient(double[] point, double[] gradient);
    }
}
