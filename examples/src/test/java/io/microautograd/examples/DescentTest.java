package io.microautograd.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.optim.Sgd;
import org.junit.jupiter.api.Test;

/** The descent loop of the Rosenbrock example and the Value-engine gradient it is given. */
class DescentTest {

    @Test
    void pathStartsAtTheStartAndTakesOneGradientStepPerPoint() {
        // f = x^2 + y^2: gradient (2x, 2y); a step of rate 0.25 halves the point.
        GradientFunction bowl = (p, g) -> {
            g[0] += 2 * p[0];
            g[1] += 2 * p[1];
            return p[0] * p[0] + p[1] * p[1];
        };
        double[][] path = Descent.path(bowl, new double[] {4, -8}, new Sgd(0.25), 3);
        assertEquals(4, path.length);
        assertArrayEquals(new double[] {4, -8}, path[0]);
        assertArrayEquals(new double[] {2, -4}, path[1]);
        assertArrayEquals(new double[] {0.5, -1}, path[3]);
    }

    @Test
    void aNonFiniteValueStopsTheDescentNamingTheStep() {
        // Slope -1 everywhere, so each step of rate 1 moves right by 1; beyond x = 1 the value is NaN.
        GradientFunction brokenBeyondOne = (p, g) -> {
            g[0] -= 1;
            return p[0] > 1 ? Double.NaN : p[0];
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Descent.path(brokenBeyondOne, new double[] {0.5}, new Sgd(1), 5));
        assertTrue(e.getMessage().contains("step 2"), e.getMessage());
    }

    @Test
    void valueEngineRosenbrockGradientMatchesTheAnalyticOneAndAccumulates() {
        double x = -1.2;
        double y = 1.0;
        double[] gradient = {10, 20};
        double value = RosenbrockExample.valueEngineGradient(new double[] {x, y}, gradient);
        assertEquals(Rosenbrock.rosenbrock(x, y), value);
        assertEquals(10 + -2 * (1 - x) - 400 * x * (y - x * x), gradient[0], 1e-12);
        assertEquals(20 + 200 * (y - x * x), gradient[1], 1e-12);
    }
}
