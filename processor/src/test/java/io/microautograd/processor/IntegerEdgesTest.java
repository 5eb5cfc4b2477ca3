package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Integer edges of generated code. Loops of every form the subset accepts (int and long
 * counters, any constant step, rising and falling, starts and bounds at {@code MIN_VALUE} and
 * {@code MAX_VALUE}, loops that wrap) run exactly the source's iterations in reverse, and never
 * for long: a reverse loop that hangs fails its test's timeout. Derivative rules compute in
 * double whatever the types of their operands, {@code pow(x, 0)} has derivative 0, and any Java
 * identifier names a parameter or a local. Loops with huge trip counts are checked against the
 * closed form (the derivative of a sum of n copies of x is n); the others against central
 * differences of the source.
 */
class IntegerEdgesTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Edges {
                @Differentiable(wrt = "x")
                static double strided(double x, long n) {
                    double s = 0;
                    for (long t = 0; t < n; t += 1_000_000) {
                        s += x;
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double longWhile(double x, long from, long n) {
                    double s = 0;
                    long k = from;
                    while (k < n) {
                        s += x;
                        k++;
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double atan2OfInt(double x, int n) {
                    return Math.atan2(n, x);
                }

                @Differentiable(wrt = "x")
                static double atan2OfProduct(double x, int r, int w) {
                    return Math.atan2(r * w, x);
                }

                @Differentiable(wrt = "x")
                static double atan2OverInt(double x, int n) {
                    return Math.atan2(x, n);
                }

                @Differentiable(wrt = "x")
                static double upTo(double x, int n) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += x * i;
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double fromMin(double x, int n) {
                    double s = 0;
                    for (int i = Integer.MIN_VALUE; i < n; i++) {
                        s += x;
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double downFromMax(double x, int n) {
                    double s = 0;
                    for (int i = Integer.MAX_VALUE; i >= n; i--) {
                        s += x * (i % 10);
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double downTo(double x, int from, int n) {
                    double s = 0;
                    for (int i = from; i > n; i--) {
                        s += x * (i % 10);
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double longFromMin(double x, long n) {
                    double s = 0;
                    for (long t = Long.MIN_VALUE; t < n; t++) {
                        s += x * (t % 10);
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double longUpToIntBound(double x, long from, int n) {
                    double s = 0;
                    for (long t = from; t <= n; t++) {
                        s += x * (t % 10);
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double bigStepsFromMin(double x, int n) {
                    double s = 0;
                    for (int i = Integer.MIN_VALUE; i < n; i += 1_000_000_000) {
                        s += x * (i % 1000);
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double longBigStepsDown(double x, long n) {
                    double s = 0;
                    for (long t = Long.MAX_VALUE; t > n; t -= 2_000_000_000) {
                        s += x * (t % 1000);
                    }
                    return s;
                }

                /** Runs through MAX_VALUE to negative indices before it meets n. */
                @Differentiable(wrt = "x")
                static double wrapping(double x, int n) {
                    double s = 0;
                    for (int i = 0; i != n; i += 1_500_000_000) {
                        s += x * (i % 1000);
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double wrappingUntilBreak(double x, int from, int last) {
                    double s = 0;
                    for (int i = from; ; i++) {
                        s += x * (i % 7);
                        if (i == last) {
                            break;
                        }
                    }
                    return s;
                }

                /** Tapes s each iteration, so it makes room on the tape for its trips before it starts. */
                @Differentiable(wrt = "x")
                static double farApart(double x, long from, int n) {
                    double s = x;
                    for (long t = from; t < n; t += 7) {
                        s = Math.sin(s) + x;
                    }
                    return s;
                }

                /** Tapes s each iteration; from 3 down by 1.5e9 it passes MIN_VALUE and goes on from MAX_VALUE. */
                @Differentiable(wrt = "x")
                static double bigStepsWrappingWithATape(double x, int from, int n) {
                    double s = x;
                    for (int i = from; i > n; i -= 1_500_000_000) {
                        s = Math.sin(s) + x * (i % 10);
                    }
                    return s;
                }

                /** The inner loop's trip counts go on the tape, one per outer iteration. */
                @Differentiable(wrt = "x")
                static double nestedSteps(double x, int n) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = i; j < n; j += 2) {
                            s = s * 0.5 + x * j;
                        }
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double longBound(double x, long n) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += x * i;
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double doubleBound(double x, double limit) {
                    double s = 0;
                    for (int i = 0; i < limit; i++) {
                        s += x * i;
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double powers(double x, int n) {
                    return Math.pow(x, 0) + Math.pow(x, 0.0) + Math.pow(x, n);
                }

                @Differentiable
                static double power(double x, double y) {
                    return Math.pow(x, y);
                }

                /** Rows taped in a loop: the generated code clears its row tape with Arrays.fill. */
                @Differentiable(wrt = "m")
                static double namedLikeArrays(double[][] m, double Arrays) {
                    double s = 0;
                    for (int i = 0; i < m.length; i++) {
                        double[] row = m[i];
                        s = s * row[0] + Arrays;
                    }
                    return s;
                }

                /** The generated code calls power's pullback as EdgesGrad.powerPullback. */
                @Differentiable
                static double namedLikeTheGeneratedClass(double x, double EdgesGrad) {
                    double Math = x * EdgesGrad;
                    double StrictMath = java.lang.StrictMath.sin(x);
                    return power(Math, 2.0) + StrictMath;
                }

                @Differentiable
                static double names(double x, double $y, double _z, double a$b_) {
                    double $ = x * $y;
                    double __ = $ * _z + a$b_;
                    double $t = __ * __ - $;
                    return $t * x;
                }
            }
            """;

    /** Long enough for each call here (the slowest runs 4000 iterations), far too short for a hang. */
    private static final Duration NO_HANG = Duration.ofSeconds(10);

    private static GeneratedCode code;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Edges", SOURCE);
    }

    @Test
    void aLongCounterWithALargeStepRunsEveryIterationBack() {
        assertEquals(3000.0, dx("strided", 1.5, 3_000_000_000L));
        assertEquals(2148.0, dx("strided", 1.5, 2_147_483_648L));
        assertEquals(0.0, dx("strided", 1.5, Long.MIN_VALUE));
    }

    @Test
    void aWhileLoopCountsItsTripsInALong() {
        assertTrue(code.pullbackSource("p.EdgesGrad", "longWhile").contains("long trips = 0;"),
                "a loop may run more than Integer.MAX_VALUE times");
        assertEquals(5.0, dx("longWhile", 0.5, 2_147_483_646L, 2_147_483_651L));
        assertEquals(0.0, dx("longWhile", 0.5, Long.MAX_VALUE, Long.MIN_VALUE));
    }

    /**
     * The row run to the end: 2^31 + 5 iterations in each sweep and in the source, about
     * a minute, so only with {@code -Dedges.full=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "edges.full", matches = "true")
    void aWhileLoopOfMoreThanMaxIntIterations() {
        assertEquals(2_147_483_653.0, dx("longWhile", 1.0, 0L, 2_147_483_653L));
    }

    @Test
    void atan2OfAnIntWhoseSquareOverflowsAnInt() {
        double x = 1.3;
        double n = 65537;
        assertClose(-n / (n * n + x * x), dx("atan2OfInt", x, 65537));
        assertClose(n / (x * x + n * n), dx("atan2OverInt", x, 65537));
        assertClose(Integer.MIN_VALUE / (x * x + Math.pow(Integer.MIN_VALUE, 2)), dx("atan2OverInt", x,
                Integer.MIN_VALUE));
    }

    @Test
    void atan2OfAProductOfInts() {
        double x = 1.3;
        double product = 300 * 200;
        double expected = -product / (product * product + x * x);
        assertTrue(expected < 0);
        assertClose(expected, dx("atan2OfProduct", x, 300, 200));
    }

    @Test
    void aLoopUpToMinValueRunsNoIterationsBack() {
        assertEquals(0.0, assertTimeoutPreemptively(NO_HANG, () -> dx("upTo", 0.7, Integer.MIN_VALUE)));
        assertEquals(10.0, dx("upTo", 0.7, 5));
    }

    @Test
    void aLoopFromMinValueEnds() {
        assertEquals(3.0, assertTimeoutPreemptively(NO_HANG, () -> dx("fromMin", 0.7, Integer.MIN_VALUE + 3)));
        assertEquals(0.0, dx("fromMin", 0.7, Integer.MIN_VALUE));
    }

    @Test
    void fallingLoopsFromMaxValueAndDownToIt() {
        assertTimeoutPreemptively(NO_HANG, () -> {
            assertMatchesDifferences("downFromMax", 0.7, Integer.MAX_VALUE - 4);
            assertEquals(0.0, dx("downTo", 0.7, 0, Integer.MAX_VALUE));
            assertMatchesDifferences("downTo", 0.7, Integer.MAX_VALUE, Integer.MAX_VALUE - 6);
            assertMatchesDifferences("downTo", 0.7, Integer.MIN_VALUE + 5, Integer.MIN_VALUE);
        });
    }

    @Test
    void longCountersAtTheirExtremes() {
        assertTimeoutPreemptively(NO_HANG, () -> {
            assertMatchesDifferences("longFromMin", 0.7, Long.MIN_VALUE + 4);
            assertEquals(0.0, dx("longFromMin", 0.7, Long.MIN_VALUE));
            assertMatchesDifferences("longUpToIntBound", 0.7, Integer.MAX_VALUE - 3L, Integer.MAX_VALUE);
            assertMatchesDifferences("longUpToIntBound", 0.7, Integer.MIN_VALUE - 3L, Integer.MIN_VALUE);
            assertEquals(0.0, dx("longUpToIntBound", 0.7, Long.MAX_VALUE, Integer.MAX_VALUE));
        });
    }

    @Test
    void largeStepsFromAndTowardsTheExtremes() {
        assertTimeoutPreemptively(NO_HANG, () -> {
            assertMatchesDifferences("bigStepsFromMin", 0.7, Integer.MAX_VALUE - 1_000_000_000);
            assertMatchesDifferences("bigStepsFromMin", 0.7, Integer.MIN_VALUE + 1);
            assertMatchesDifferences("longBigStepsDown", 0.7, Long.MAX_VALUE - 9_000_000_000L);
            assertEquals(0.0, dx("longBigStepsDown", 0.7, Long.MAX_VALUE));
        });
    }

    @Test
    void loopsThatWrapPastMaxValueRunBackThroughTheWrap() {
        int afterThreeSteps = (int) (3L * 1_500_000_000);
        assertTimeoutPreemptively(NO_HANG, () -> {
            assertMatchesDifferences("wrapping", 0.7, afterThreeSteps);
            assertMatchesDifferences("wrappingUntilBreak", 0.7, Integer.MAX_VALUE - 2, Integer.MIN_VALUE + 1);
            assertMatchesDifferences("wrappingUntilBreak", 0.7, Integer.MAX_VALUE, Integer.MAX_VALUE);
        });
    }

    /**
     * Found by the fuzzer: from Long.MAX_VALUE up to Integer.MIN_VALUE the loop runs no
     * iterations, but the difference of its bounds wraps to a positive long, and the room it made
     * on its tape for that many entries failed with an OutOfMemoryError.
     */
    @Test
    void aLoopWhoseBoundsLieTooFarApartForALongRunsNone() {
        assertEquals(1.0, dx("farApart", 0.7, Long.MAX_VALUE, Integer.MIN_VALUE));
        assertMatchesDifferences("farApart", 0.7, Integer.MIN_VALUE - 14L, Integer.MIN_VALUE);
    }

    /**
     * Found by the fuzzer: the loop wraps and runs four times where the difference of its bounds
     * over its step says two, and its tape stores, unchecked after a reservation of two
     * iterations' entries, went past the end of the tape.
     */
    @Test
    void aLoopThatWrapsStoresItsTapeEntries() {
        assertMatchesDifferences("bigStepsWrappingWithATape", 0.7, 3, -1_499_999_998);
        assertMatchesDifferences("bigStepsWrappingWithATape", 0.7, Integer.MAX_VALUE, Integer.MIN_VALUE + 1_000_000_000);
    }

    @Test
    void nestedLoopsKeepTheirTripCounts() {
        for (int n : new int[] {0, 1, 5, 12}) {
            assertMatchesDifferences("nestedSteps", 0.3, n);
        }
    }

    /** An int index below a long or double bound: generated code once failed to compile here. */
    @Test
    void boundsWiderThanTheIndex() {
        assertEquals(10.0, dx("longBound", 0.7, 5L));
        assertEquals(0.0, dx("longBound", 0.7, Long.MIN_VALUE));
        assertEquals(15.0, dx("doubleBound", 0.7, 5.5));
        assertEquals(0.0, dx("doubleBound", 0.7, Double.NaN));
    }

    @Test
    void powToTheZeroHasDerivativeZeroEverywhere() {
        assertEquals(0.0, dx("powers", 0.0, 0));
        assertEquals(0.0, dx("powers", 2.5, 0));
        assertEquals(0.0, dx("powers", 0.0, 3));
        assertEquals(12.0, dx("powers", 2.0, 3));
        assertEquals(-0.25, dx("powers", 2.0, -1));
    }

    /**
     * pow of a negative base is defined only at integer exponents, so it has no derivative in the
     * exponent: the convention, on both paths, is 0 there.
     */
    @Test
    void powOfANegativeBaseHasDerivativeZeroInTheExponent() {
        Object result = code.call("p.EdgesGrad", "power", -2.0, 3.0);
        assertEquals(-8.0, (double) GeneratedCode.component(result, "value"));
        assertEquals(12.0, (double) GeneratedCode.component(result, "x"));
        assertEquals(0.0, (double) GeneratedCode.component(result, "y"));
    }

    @Test
    void namesWithDollarsAndUnderscores() {
        double[] point = {0.4, -1.3, 0.8, 2.1};
        Object result = code.call("p.EdgesGrad", "names", point[0], point[1], point[2], point[3]);
        String[] names = {"x", "$y", "_z", "a$b_"};
        for (int i = 0; i < names.length; i++) {
            FiniteDifferences.assertPartial("d/d" + names[i], (double) GeneratedCode.component(result, names[i]),
                    p -> (double) code.call("p.Edges", "names", p[0], p[1], p[2], p[3]), point, i);
        }
    }

    /** A variable named like a type the generated code calls through gets another name there. */
    @Test
    void namesOfTypesTheGeneratedCodeCallsThrough() {
        new ArrayGradientCheck(code, "p.Edges").check("namedLikeArrays",
                new Object[] {new double[][] {{0.5, 1.0}, {-0.3}, {1.2, 0.4}}, 0.7}, "m:0");
        double[] point = {0.6, -1.1};
        Object result = code.call("p.EdgesGrad", "namedLikeTheGeneratedClass", point[0], point[1]);
        String[] names = {"x", "EdgesGrad"};
        for (int i = 0; i < names.length; i++) {
            FiniteDifferences.assertPartial("d/d" + names[i], (double) GeneratedCode.component(result, names[i]),
                    p -> (double) code.call("p.Edges", "namedLikeTheGeneratedClass", p[0], p[1]), point, i);
        }
    }

    /** The partial in x (the first parameter) of the generated method, after checking its value. */
    private static double dx(String method, Object... arguments) {
        Object result = code.call("p.EdgesGrad", method, arguments);
        assertEquals((double) code.call("p.Edges", method, arguments),
                (double) GeneratedCode.component(result, "value"), method + ": value");
        return (double) GeneratedCode.component(result, "x");
    }

    /** Checks the partial in x at {@code x} against central differences of the source method. */
    private static void assertMatchesDifferences(String method, double x, Object... rest) {
        Object[] arguments = withX(x, rest);
        FiniteDifferences.assertPartial(method, dx(method, arguments),
                p -> (double) code.call("p.Edges", method, withX(p[0], rest)), new double[] {x}, 0);
    }

    private static Object[] withX(double x, Object[] rest) {
        Object[] arguments = new Object[rest.length + 1];
        arguments[0] = x;
        System.arraycopy(rest, 0, arguments, 1, rest.length);
        return arguments;
    }

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected));
    }
}
