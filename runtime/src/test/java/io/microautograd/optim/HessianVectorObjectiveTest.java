package io.microautograd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hessian-vector objectives: their use as plain objectives, and the finite-difference adapter's accuracy. */
class HessianVectorObjectiveTest {

    /** f(x, y) = x^2 y + sin(y), whose gradient and Hessian are known in closed form. */
    private static double valueAndGradient(double[] p, double[] g) {
        g[0] += 2 * p[0] * p[1];
        g[1] += p[0] * p[0] + Math.cos(p[1]);
        return p[0] * p[0] * p[1] + Math.sin(p[1]);
    }

    /** The exact H v of {@link #valueAndGradient}: H = [[2y, 2x], [2x, -sin y]]. */
    private static double[] hessianTimes(double[] p, double[] v) {
        return new double[] {2 * p[1] * v[0] + 2 * p[0] * v[1], 2 * p[0] * v[0] - Math.sin(p[1]) * v[1]};
    }

    @Test
    void finiteDifferencesOfTheGradientGiveHessianVectorProductsToTheDocumentedAccuracy() {
        HessianVectorObjective approximate = HessianVectorObjective.byFiniteDifferences(
                HessianVectorObjectiveTest::valueAndGradient);
        double[][] points = {{0.3, -1.2}, {2, 0.5}, {-40, 3}};
        double[][] directions = {{1, 0}, {-0.7, 2.5}, {1e-3, 3e-3}};
        for (double[] p : points) {
            for (double[] v : directions) {
                double[] gradient = {1, 1};
                double[] product = {1, 1};
                double value = approximate.valueGradientAndHessianVector(p, v, gradient, product);

                double[] expectedGradient = {1, 1};
                assertEquals(valueAndGradient(p, expectedGradient), value, 0.0);
                assertArrayEquals(expectedGradient, gradient, 0.0, "the gradient is added, exactly");
                double[] exact = hessianTimes(p, v);
                double scale = Math.max(Math.abs(2 * p[1]), Math.abs(2 * p[0])) * Math.hypot(v[0], v[1]) + 1;
                for (int i = 0; i < 2; i++) {
                    assertEquals(1 + exact[i], product[i], 1e-9 * scale, "H v added, at " + p[0] + ", " + p[1]);
                }
            }
        }
    }

    @Test
    void aZeroDirectionCostsOneEvaluation() {
        int[] calls = {0};
        HessianVectorObjective approximate = HessianVectorObjective.byFiniteDifferences((p, g) -> {
            calls[0]++;
            return valueAndGradient(p, g);
        });
        double[] product = new double[2];
        approximate.valueGradientAndHessianVector(new double[] {1, 1}, new double[2], new double[2], product);
        assertEquals(1, calls[0]);
        assertArrayEquals(new double[2], product);
        approximate.valueGradientAndHessianVector(new double[] {1, 1}, new double[] {0, 1}, new double[2], product);
        assertEquals(4, calls[0], "the point and the two shifted points");
    }

    @Test
    void asAnObjectiveItGivesTheValueAndAddsTheGradient() {
        HessianVectorObjective bowl = (p, v, g, hv) -> {
            g[0] += 2 * p[0];
            g[1] += 20 * p[1];
            hv[0] += 2 * v[0];
            hv[1] += 20 * v[1];
            return p[0] * p[0] + 10 * p[1] * p[1];
        };
        double[] gradient = {1, 1};
        assertEquals(19, bowl.valueAndGradient(new double[] {3, -1}, gradient));
        assertArrayEquals(new double[] {7, -19}, gradient);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> HessianVectorObjective.byFiniteDifferences(null));
        assertEquals("objective must not be null", none.getMessage());
        HessianVectorObjective approximate = HessianVectorObjective.byFiniteDifferences(
                HessianVectorObjectiveTest::valueAndGradient);
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> approximate.valueGradientAndHessianVector(new double[2], new double[3], new double[2],
                        new double[2]));
        assertEquals("direction, gradient and hessianVector must have one entry per parameter (2), got 3, 2 and 2",
                lengths.getMessage());
    }
}
