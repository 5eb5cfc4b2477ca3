package io.microautograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The examples module's build ran the processor: the generated class is there and correct. */
class RosenbrockGradTest {

    @Test
    void generatedGradientMatchesTheAnalyticGradient() {
        double x = -1.2;
        double y = 1.0;
        RosenbrockGrad.RosenbrockGradient g = RosenbrockGrad.rosenbrock(x, y);
        assertEquals(Rosenbrock.rosenbrock(x, y), g.value());
        assertEquals(-2 * (1 - x) - 400 * x * (y - x * x), g.x(), 1e-12);
        assertEquals(200 * (y - x * x), g.y(), 1e-12);
    }

    @Test
    void allocationFreeCallAddsIntoTheCallersArray() {
        double[] gradient = {1.0, -1.0};
        double value = RosenbrockGrad.rosenbrock(1.0, 1.0, gradient);
        assertEquals(0.0, value);
        assertEquals(1.0, gradient[0]);
        assertEquals(-1.0, gradient[1]);
    }
}
