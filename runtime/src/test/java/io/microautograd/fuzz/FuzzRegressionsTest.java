package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression tests in the form the fuzzer prints them. The first is a shrunk finding of the
 * fuzzer run against a processor whose sin rule was deliberately wrong (1.0001 cos): it fails
 * on such a processor and passes on a right one. The others are compiler bugs the fuzzer found
 * in part 2, each fixed: two pinned as passing regressions (one found once the arrays mode
 * declared aliases), two as the rejection that replaced a wrong gradient, one, from the mode that
 * passes one array for two parameters, as the exception the generated method now throws, two
 * found by the integers mode, and three by the everyday mode.
 */
class FuzzRegressionsTest {

    @Test
    void sinThroughACopiedLocal() {
        FuzzRegressions.assertAgrees("""
            @Differentiable
            public static double f14(double y, double w) {
                double v1 = y;
                return Math.sin(v1);
            }
            """, new double[] {0.5464453826597526, -0.05406843864980937});
    }

    @Test
    void theHarnessRejectsAMethodThatDoesNotCompile() {
        assertThrows(AssertionError.class, () -> FuzzRegressions.assertAgrees("""
            @Differentiable
            public static double broken(double x) {
                return Math.ulp(x);
            }
            """, new double[] {0.5}));
    }

    /**
     * Printed by {@code -Dfuzz.modes=helper_writes}, seed 20261126 (f29): the generated caller let
     * the callee write into the caller's array. The compiler now rejects such calls.
     */
    @Test
    void calleeWritingIntoTheCallersArray() {
        assertRejectedAsWritingIntoAnArrayArgument("""
            @Differentiable
            public static double f29Helper(double[] seed, double value) {
                for (int i4 = 0; i4 < 5; i4++) {
                    seed[0] += Math.atan((Math.sqrt((3.0 + (seed[(i4 % seed.length)] * seed[(i4 % seed.length)]))) / (2.0 + Math.sin(value))));
                }
                return seed[0];
            }

            @Differentiable
            public static double f29(double t, double[] gradient) {
                return f29Helper(gradient, 1.71);
            }
            """, new double[] {1.1217029854358649, 0.4167773810314479, 0.1392667355994397});
    }

    /** Written by hand in the printed form: the same bug, seen through the gradient; now rejected. */
    @Test
    void readingAnArrayAfterACalleeWroteIntoIt() {
        assertRejectedAsWritingIntoAnArrayArgument("""
            @Differentiable
            public static double h(double[] u, double y) {
                u[0] = u[0] * y;
                return u[0];
            }

            @Differentiable
            public static double f(double[] a, double x) {
                a[1] = x;
                double r = h(a, x);
                return r + a[0];
            }
            """, new double[] {0.5, 0.7, 1.3});
    }

    /**
     * Printed by {@code -Dfuzz.modes=index_names}, seed 5 (f183): the user's eIndex was read and
     * written as the loop's hidden index (fixed in the processor's LoopReader).
     */
    @Test
    void scalarNamedLikeTheHiddenIndexOfAnEnhancedFor() {
        FuzzRegressions.assertAgrees("""
            @Differentiable
            public static double f183(double[] a, double grad, double eIndex) {
                for (double e : a) {
                    eIndex += 0.61;
                }
                return eIndex;
            }
            """, 2, new double[] {0.7456246834639977, -0.9585060646283736, 1.8307838529999474, -1.6605055946335407});
    }

    /**
     * Printed by {@code -Dfuzz.modes=arrays}, seed 777 (f864), run against the processor of
     * b603892: an element read through {@code alias4} (the loop's element e5) and then
     * overwritten through {@code a} was not kept for the reverse sweep (fixed in the processor's
     * ArrayAliases).
     */
    @Test
    void elementReadThroughAnAliasDeclaredInALoopThenWrittenThroughItsTarget() {
        FuzzRegressions.assertAgrees("""
            @Differentiable
            public static double f864(double[] a, double result, double tape) {
                for (int i0 = 0; i0 < a.length; i0++) {
                    double[] alias4 = a;
                    for (double e5 : alias4) {
                        a[i0] += tape;
                        tape /= e5;
                    }
                }
                return a[1];
            }
            """, 4, new double[] {-1.7216347100681921, 1.2644923399526764, -1.486730888022466, 1.967602140687624,
                -1.091128413193918, 0.7169329128245674});
    }

    /**
     * Printed by {@code -Dfuzz.modes=shared_arrays}, seed 20261126 (f5), run against the processor
     * of 522c6cb, before issue 28's checks: given one array for xs and seed, which it writes into,
     * the generated method computed as if they were two arrays where the rule says it throws. (This
     * shrunk program reads neither array after the write, so its answer happened to be right.)
     */
    @Test
    void oneArrayForAnArrayTheMethodWritesIntoAndAnother() {
        FuzzRegressions.assertSharedArraysAgree("""
            @Differentiable
            public static double f5(double[] xs, double[] seed, int[] cols, double result, double x) {
                seed[1] += x;
                return result;
            }
            """, 3, List.of(new Program.IndexArray("cols", List.of(0, 0, 2, 1, 0, 1))), "xs", "seed",
                "seed and xs are the same array: f5 writes into seed, so pass a copy to one of them, as in"
                + " f5(xs, xs.clone(), cols, result, x)", new double[] {-0.47543312433334783, 0.5464453826597526,
                    -0.05406843864980937, 1.6891581695106215, 0.6721979101314797});
    }

    /**
     * Printed by {@code -Dfuzz.modes=integers}, seed 20261126 (f71): the loop runs no iterations,
     * but its bounds' difference wrapped to a positive long and the room made on its tape for
     * that many entries failed with an OutOfMemoryError (fixed in the processor's CountedLoop).
     */
    @Test
    void longLoopBoundsTooFarApartForTheirDifference() {
        FuzzRegressions.assertAgrees("""
            @Differentiable
            public static double f71(double $) {
                for (long t_4 = Long.MAX_VALUE; t_4 < Integer.MIN_VALUE; t_4 += 7) {
                    continue;
                }
                return 0.67;
            }
            """, new double[] {-1.7333358499299414});
    }

    /**
     * Printed by {@code -Dfuzz.modes=integers}, seed 20261126 (f132): the first loop wraps past
     * MIN_VALUE and runs four times where its bounds over its step say two, and its unchecked
     * tape stores ran past the room made for two (fixed in the processor's TapeReservations).
     */
    @Test
    void aLoopWrappingPastMinValueStoresItsTapeEntries() {
        FuzzRegressions.assertAgrees("""
            @Differentiable
            public static double f132(double x_bar, double _z, double x) {
                int n$0 = 3;
                double s$1 = 0.0;
                for (int i$2 = n$0; i$2 > (-1499999998); i$2 -= 1500000000) {
                    s$1 += Math.tanh(Math.pow(_z, 1.0));
                    s$1 += Math.tanh((Math.hypot(1.0, x_bar) * Math.pow(x_bar, 1.0)));
                }
                double s$4 = 0.0;
                for (long t_5 = 3000000000L; t_5 > (-1499999999L); t_5 -= 1500000000) {
                    s$4 += Math.tan(x_bar);
                }
                return s$1;
            }
            """, new double[] {1.6579216619769324, -1.9164259491843558, -1.3261380271290704});
    }

    /**
     * Printed by the arrays campaign, seed 20261126 (f168), on the readable-code processor: a store
     * whose value is a conditional over a call that reads the array stored into, then an update
     * of an element through an index array, then a call reading the array.
     */
    @Test
    void aConditionalStoreOfACallReadingTheArrayItWrites() {
        FuzzRegressions.assertAgrees("""
            @Differentiable
            public static double f168Helper(double[] trips, int[] order, double result, double x_bar) {
                double s0 = 0.0;
                for (int i1 = 0; i1 < order.length; i1++) {
                    s0 += (trips[order[i1]] * trips[order[i1]]);
                }
                double r2 = (s0 > 0.0 ? s0 : 0.0);
                return (Math.atan2(((order[1] * 0.5) + x_bar), Math.sin(Math.signum(0.89))) + r2);
            }

            @Differentiable
            public static double f168(double adjoint, double[] data, double dx, double result, int[] idx, int[] order) {
                data[3] = (0.13 < result ? Math.cbrt(f168Helper(data, order, 0.36, 2.73)) : data[order[1]]);
                data[order[2]] /= 1.5;
                return f168Helper(data, order, adjoint, 1.36);
            }
            """, 5, List.of(new Program.IndexArray("order", List.of(0, 3, 0)), new Program.IndexArray("idx",
                List.of(4, 1))), new double[] {0.976881646044315, -0.5126561611719138, 1.0902636344216754,
                0.7441097412636117, -1.367345652262252, 0.49435023719869964, 0.6234755604651325, 1.0218879904910638});
    }

    /**
     * Printed by {@code -Dfuzz.modes=everyday}, seed 20261126 (f222), run against the processor of
     * 87f3b36: labels after a classic switch's last statements ({@code case 2:}) were dropped, so
     * their values ran the default (fixed in the processor's SwitchReader).
     */
    @Test
    void labelsAfterTheLastStatementsOfASwitchEnterNothing() {
        FuzzRegressions.assertAgrees("""
            @Differentiable
            public static double f222(double t, double value, double[] a) {
                for (int i9 = 0; i9 < a.length; i9++) {
                    switch ((i9 % 3)) {
                        default:
                            t /= 2.0;
                        case 2:
                    }
                }
                return t;
            }
            """, 4, new double[] {-1.2237215296020616, 1.0624898318227713, -1.2461675938699868, -1.8152996982899854,
                1.9282452830824792, 1.6641423928550805});
    }

    /**
     * Printed by {@code -Dfuzz.modes=everyday}, seed 20261126 (f152), run against the processor of
     * 87f3b36: the same dropped label, seen as a guard's message (the original throws with the
     * value {@code grad} kept, the generated method threw with it halved).
     */
    @Test
    void aGuardAfterASwitchEndingInLabelsThrowsTheOriginalsMessage() {
        FuzzRegressions.assertAgrees("""
            @Differentiable
            public static double f152(double grad) {
                double v0 = grad;
                switch (Math.floorMod(((int) (1.5 * grad)), 2)) {
                    default:
                        grad /= 2.0;
                    case 0:
                }
                if (v0 < 1.32) {
                    throw new IllegalStateException("the value is " + grad);
                }
                return v0;
            }
            """, new double[] {-1.5975580623839103});
    }

    /**
     * Printed by {@code -Dfuzz.modes=everyday}, seed 303 (f310), run against the processor of
     * main 27d41a9: a switch whose default falls through into a case that throws ends the method,
     * and the generated method, testing each case in turn, did not compile ("missing return
     * statement"). Fixed in the processor's SwitchReader.
     */
    @Test
    void aSwitchThatEndsTheMethodByFallingIntoAThrowCompiles() {
        FuzzRegressions.assertAgrees("""
            @Differentiable
            public static double f310(double value, double[] heights, double adjoint, double w) {
                switch (Math.floorMod(((int) (1.5 * w)), 2)) {
                    default:
                        double v0 = adjoint;
                        var b1 = new double[4];
                    case 1, 0:
                        throw new ArithmeticException("the value is " + StrictMath.rint(adjoint));
                }
            }
            """, 3, new double[] {0.5, 0.1, 0.2, 0.3, 1.7, -1.1});
    }

    private static void assertRejectedAsWritingIntoAnArrayArgument(String methods, double[] point) {
        AssertionError error = assertThrows(AssertionError.class, () -> FuzzRegressions.assertAgrees(methods, 2, point));
        assertTrue(error.getMessage().contains("[MicroAutograd:UnsupportedCall]")
                && error.getMessage().contains("which writes into its array parameter"), error.getMessage());
    }
}
