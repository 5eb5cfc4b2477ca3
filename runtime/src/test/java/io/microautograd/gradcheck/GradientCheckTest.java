package io.microautograd.gradcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import io.microautograd.optim.Objective;
import org.junit.jupiter.api.Test;

/** The gradient check passes right gradients, and catches wrong ones with a report that says where. */
class GradientCheckTest {

    private static final double[][] POINTS = {{-1.2, 1}, {0.5, 0.3}, {2, -1}};

    static double rosenbrock(double[] p, double[] dP) {
        double a = 1 - p[0];
        double b = p[1] - p[0] * p[0];
        dP[0] += -2 * a - 400 * b * p[0];
        dP[1] += 200 * b;
        return a * a + 100 * b * b;
    }

    /** Rosenbrock with the classic slip: the factor 2 of d(b^2) forgotten in the second partial. */
    static double rosenbrockMissingFactorTwo(double[] p, double[] dP) {
        double value = rosenbrock(p, dP);
        dP[1] -= 100 * (p[1] - p[0] * p[0]);
        return value;
    }

    /** Rosenbrock whose first partial is 1e-5 too large, relatively. */
    static double rosenbrockFirstPartialTooLarge(double[] p, double[] dP) {
        double[] exact = new double[2];
        double value = rosenbrock(p, exact);
        dP[0] += exact[0] * (1 + 1e-5);
        dP[1] += exact[1];
        return value;
    }

    @Test
    void rightGradientPasses() {
        GradientCheckReport report = GradientCheck.standard().assertGradient(GradientCheckTest::rosenbrock, POINTS);

        assertTrue(report.passed(), report.toString());
        assertTrue(report.worstError() < 1e-9, report.toString());
        assertEquals(3, report.pointCount());
        assertTrue(report.toString().startsWith("Gradient check passed on 3 point(s): worst error "),
                report.toString());
    }

    @Test
    void wrongPartialIsCaughtAndLocated() {
        Objective wrong = GradientCheckTest::rosenbrockMissingFactorTwo;
        GradientMismatchError error = assertThrows(GradientMismatchError.class,
                () -> GradientCheck.standard().assertGradient(wrong, POINTS));

        GradientCheckReport report = error.report();
        assertFalse(report.passed());
        assertEquals(1, report.parameterIndex());
        double[] worstPoint = report.point();
        double b = worstPoint[1] - worstPoint[0] * worstPoint[0];
        assertEquals(100 * b, report.analytic(), 1e-12);
        assertEquals(200 * b, report.numeric(), 1e-6 * Math.abs(200 * b));
        assertEquals(0.5, report.worstError(), 1e-6, "half the true partial is missing");
        assertEquals("Gradient check failed on 3 point(s): worst error " + report.worstError() + " > tolerance 1.0E-6"
                + " at parameter 1 of point " + report.pointIndex() + " [" + worstPoint[0] + ", " + worstPoint[1]
                + "]: analytic " + report.analytic() + ", numeric " + report.numeric() + ".", error.getMessage());
    }

    @Test
    void smallRelativeSlipIsCaught() {
        Objective offByOnePart = GradientCheckTest::rosenbrockFirstPartialTooLarge;
        GradientCheckReport report = GradientCheck.standard().check(offByOnePart, POINTS);
        assertFalse(report.passed(), report.toString());
        assertTrue(report.accumulates());
        assertEquals(0, report.parameterIndex());
        assertEquals(1e-5, report.worstError(), 1e-7);
    }

    @Test
    void worstPointIsTheOneWithTheLargestError() {
        // Correct except that the second partial is wrong by 0.1 where x > 1.
        Objective wrongOnTheRight = (p, g) -> {
            double value = rosenbrock(p, g);
            g[1] += p[0] > 1 ? 0.1 : 0;
            return value;
        };
        GradientCheckReport report = GradientCheck.standard().check(wrongOnTheRight, POINTS);
        assertEquals(2, report.pointIndex());
        assertArrayEquals(POINTS[2], report.point());
        assertEquals(1, report.parameterIndex());
    }

    @Test
    void assigningInsteadOfAddingIsCaught() {
        Objective assigns = (p, g) -> {
            double[] fresh = new double[2];
            double value = rosenbrock(p, fresh);
            g[0] = fresh[0];
            g[1] = fresh[1];
            return value;
        };
        GradientCheckReport report = GradientCheck.standard().check(assigns, POINTS);
        assertFalse(report.accumulates());
        assertFalse(report.passed());
        assertTrue(report.toString().startsWith("Gradient check failed: the objective assigns its gradient instead of"
                + " adding it (at parameter 0 of point 0 [-1.2, 1.0])"), report.toString());
    }

    @Test
    void nanOrInfinitePartialFailsAndIsNamed() {
        Objective nan = (p, g) -> {
            double value = rosenbrock(p, g);
            g[1] += p[0] > 1 ? Double.NaN : 0;
            return value;
        };
        GradientCheckReport report = GradientCheck.standard().check(nan, POINTS);
        assertFalse(report.passed());
        assertTrue(report.accumulates(), "a NaN partial says nothing about adding or assigning");
        assertTrue(Double.isNaN(report.worstError()));
        assertEquals(2, report.pointIndex());
        assertTrue(report.toString().startsWith("Gradient check failed on 3 point(s): the objective's partial for"
                + " parameter 1 of point 2 [2.0, -1.0] is NaN (numeric "), report.toString());

        Objective infinite = (p, g) -> {
            double value = rosenbrock(p, g);
            g[0] = Double.NEGATIVE_INFINITY;
            return value;
        };
        assertTrue(GradientCheck.standard().check(infinite, POINTS).toString().startsWith("Gradient check failed on 3"
                + " point(s): the objective's partial for parameter 0 of point 0 [-1.2, 1.0] is -Infinity (numeric "));
    }

    @Test
    void aFunctionThatIsNotFiniteWithinTheStepIsNamed() {
        Objective sqrt = (p, g) -> {
            g[0] += 0.5 / Math.sqrt(p[0]);
            return Math.sqrt(p[0]);
        };
        GradientCheckReport report = GradientCheck.standard().check(sqrt, new double[] {1e-5});
        assertFalse(report.passed());
        assertTrue(report.toString().contains("the finite difference for parameter 0 of point 0 [1.0E-5] is NaN"
                + " (analytic 158.11388300841895): the function is NaN or infinite within the step"),
                report.toString());
    }

    /** f = 3 sum p^3, whose size (8e16) at the point swamps the last partial (441): rounding, not a wrong gradient. */
    static double cubes(double[] p, double[] dP) {
        double value = 0;
        for (int i = 0; i < p.length; i++) {
            value += 3 * p[i] * p[i] * p[i];
            dP[i] += 9 * p[i] * p[i];
        }
        return value;
    }

    @Test
    void aPartialTheFunctionsSizeSwampsIsIllConditionedNotWrong() {
        double[] point = {1e4, -3e5, 7};
        GradientCheckReport report = GradientCheck.standard().assertGradient(GradientCheckTest::cubes, point);

        assertTrue(report.passed(), report.toString());
        assertEquals(1, report.illConditioned());
        assertEquals(1, report.parameterIndex(), "the worst of the partials the differences can check");
        assertTrue(report.toString().contains(" 1 partial(s) could not be checked, for example parameter 2 of point 0"
                + " [10000.0, -300000.0, 7.0]: the function is about 8.10e+16 there, so rounding alone can move its"
                + " difference quotient by 5.49e+05, more than analytic 441.0 and numeric "), report.toString());
        assertTrue(report.toString().endsWith(" differ by; check it where the function is smaller, or with a larger"
                + " step (withStep)."), report.toString());
    }

    @Test
    void illConditioningHidesNoDisagreementLargerThanRounding() {
        double[] point = {1e4, -3e5, 7};
        Objective lastPartialTooLarge = (p, g) -> {
            double value = cubes(p, g);
            g[2] += 1e7;
            return value;
        };
        GradientCheckReport report = GradientCheck.standard().check(lastPartialTooLarge, point);
        assertFalse(report.passed(), report.toString());
        assertEquals(2, report.parameterIndex());
        assertEquals(0, report.illConditioned());

        Objective firstPartialTooLarge = (p, g) -> {
            double value = cubes(p, g);
            g[0] *= 1.001;
            return value;
        };
        assertEquals(0, GradientCheck.standard().check(firstPartialTooLarge, point).parameterIndex());
    }

    @Test
    void aCheckThatCouldCheckNoPartialDoesNotPass() {
        Objective swamped = (p, g) -> {
            g[0] += 1;
            return 1e20 + p[0];
        };
        GradientCheckReport report = GradientCheck.standard().check(swamped, new double[] {1});
        assertFalse(report.passed());
        assertEquals(1, report.illConditioned());
        assertEquals(-1, report.parameterIndex());
        assertTrue(report.toString().startsWith("Gradient check could not check any partial on 1 point(s), for example"
                + " at parameter 0 of point 0 [1.0]: the function is about 1.00e+20 there"), report.toString());
    }

    @Test
    void randomPointsAreSeededAndInsideTheBox() {
        double[] center = {1, -2, 3};
        double[][] points = GradientCheck.randomPoints(center, 0.5, 20, 7);
        assertArrayEquals(points, GradientCheck.randomPoints(center, 0.5, 20, 7));
        assertFalse(java.util.Arrays.deepEquals(points, GradientCheck.randomPoints(center, 0.5, 20, 8)));
        for (double[] point : points) {
            for (int i = 0; i < center.length; i++) {
                assertTrue(Math.abs(point[i] - center[i]) <= 0.5, "coordinate " + i + " of " + point[i]);
            }
        }
        GradientCheckReport near = GradientCheck.standard().assertGradientNear(GradientCheckTest::rosenbrock,
                new double[] {0, 0}, 2, 25, 3);
        assertEquals(25, near.pointCount());
        assertThrows(GradientMismatchError.class, () -> GradientCheck.standard()
                .assertGradientNear(GradientCheckTest::rosenbrockMissingFactorTwo, new double[] {0, 0}, 2, 25, 3));
    }

    @Test
    void toleranceStepAndScaleCanBeChanged() {
        Objective offByOnePart = GradientCheckTest::rosenbrockFirstPartialTooLarge;
        assertTrue(GradientCheck.standard().withTolerance(1e-4).check(offByOnePart, POINTS).passed());
        assertTrue(GradientCheck.standard().withStep(1e-3).withMinScale(1).check(GradientCheckTest::rosenbrock, POINTS)
                .passed());
        assertSame(GradientCheck.standard(), GradientCheck.standard());
    }

    @Test
    void badArgumentsAreNamed() {
        Objective f = GradientCheckTest::rosenbrock;
        assertEquals("give at least one point to check the gradient at, got none",
                assertThrows(IllegalArgumentException.class, () -> GradientCheck.standard().check(f)).getMessage());
        assertEquals("every point must hold the same number (at least 1) of parameters as point 0 (2), but point 1"
                + " is [1.0]", assertThrows(IllegalArgumentException.class,
                        () -> GradientCheck.standard().check(f, new double[] {1, 2}, new double[] {1})).getMessage());
        assertEquals("tolerance must be finite and > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.standard().withTolerance(0)).getMessage());
        assertEquals("radius must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.randomPoints(new double[] {0}, -1, 3, 1)).getMessage());
        assertEquals("count must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.randomPoints(new double[] {0}, 1, 0, 1)).getMessage());
    }

    @Test
    void aGradientMatchesTheEnginesAndOneMissingAFactorDoesNot() {
        ValueObjective engine = p -> {
            Value a = Value.of(1).sub(p[0]);
            Value b = p[1].sub(p[0].mul(p[0]));
            return a.mul(a).add(Value.of(100).mul(b).mul(b));
        };
        EngineComparison right = GradientCheck.standard().assertMatchesEngine(GradientCheckTest::rosenbrock, engine,
                POINTS[0]);
        assertEquals(0.0, right.valueError());
        assertTrue(right.worstError() < 1e-15, right.toString());
        AssertionError wrong = assertThrows(AssertionError.class, () -> GradientCheck.standard()
                .assertMatchesEngine(GradientCheckTest::rosenbrockMissingFactorTwo, engine, POINTS[0]));
        assertEquals("Compiled and engine disagree at [-1.2, 1.0] (tolerance 1.0E-6): value 24.199999999999996 and"
                + " 24.199999999999996 (error 0.0), worst partial d/dp[1] -43.99999999999999 and -87.99999999999999"
                + " (error 0.5)",
                wrong.getMessage());
    }
}
