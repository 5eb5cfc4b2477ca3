package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Regression tests in the form the fuzzer prints them. The first is a shrunk finding of the
 * fuzzer run against a processor whose sin rule was deliberately wrong (1.0001 cos): it fails
 * on such a processor and passes on a right one.
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
}
