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
 * declared aliases), two as the rejection that replaced a wrong gradient, and one, from the mode
 * that passes one array for two parameters, as the exception the generated method now throws.
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

    private static void assertRejectedAsWritingIntoAnArrayArgument(String methods, double[] point) {
        AssertionError error = assertThrows(AssertionError.class, () -> FuzzRegressions.assertAgrees(methods, 2, point));
        assertTrue(error.getMessage().contains("[MicroAutograd:UnsupportedCall]")
                && error.getMessage().contains("which writes into its array parameter"), error.getMessage());
    }
}
