package io.microautograd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The objective's convenience views: value alone, gradient in a fresh array. */
class ObjectiveTest {

    private static final Objective BOWL = (p, g) -> {
        g[0] += 2 * p[0];
        g[1] += 20 * p[1];
        return p[0] * p[0] + 10 * p[1] * p[1];
    };

    @Test
    void valueAndGradientViewsCallTheObjective() {
        double[] point = {3, -1};
        assertEquals(19, BOWL.value(point));
        assertArrayEquals(new double[] {6, -20}, BOWL.gradient(point));
        assertArrayEquals(new double[] {3, -1}, point, "the point is left alone");
    }

    @Test
    void gradientsOfSeveralCallsAccumulate() {
        double[] gradient = {1, 1};
        BOWL.valueAndGradient(new double[] {1, 1}, gradient);
        BOWL.valueAndGradient(new double[] {1, 1}, gradient);
        assertArrayEquals(new double[] {5, 41}, gradient);
    }
}
