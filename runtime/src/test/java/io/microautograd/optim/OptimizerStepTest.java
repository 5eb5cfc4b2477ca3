package io.microautograd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Single steps checked against the update rules worked by hand. */
class OptimizerStepTest {

    @Test
    void plainSgdSubtractsRateTimesGradient() {
        double[] p = {1.0, -2.0};
        new Sgd(0.1).step(p, new double[] {4.0, -1.0});
        assertArrayEquals(new double[] {1.0 - 0.4, -2.0 + 0.1}, p, 1e-15);
    }

    @Test
    void momentumAccumulatesVelocity() {
        Sgd sgd = new Sgd(0.5, 0.9);
        double[] p = {0.0};
        sgd.step(p, new double[] {1.0});
        assertEquals(-0.5, p[0], 1e-15);
        sgd.step(p, new double[] {1.0});
        assertEquals(-0.5 - 0.5 * (0.9 * 1.0 + 1.0), p[0], 1e-15);
        assertEquals(2, sgd.stepCount());
    }

    @Test
    void adamFirstStepMovesEachParameterByTheRate() {
        double[] p = {1.0, 1.0, 1.0};
        new Adam(0.01).step(p, new double[] {250.0, -0.003, 7.0});
        assertArrayEquals(new double[] {0.99, 1.01, 0.99}, p, 1e-7);
    }

    @Test
    void adamSecondStepFollowsTheBiasCorrectedAverages() {
        Adam adam = new Adam(LearningRateSchedule.constant(0.1), 0.5, 0.75, 1e-8);
        double[] p = {0.0};
        adam.step(p, new double[] {2.0});
        adam.step(p, new double[] {-0.5});
        // Step 1: m = 1, v = 1, corrected 1 / 0.5 and 1 / 0.25. Step 2: m = 0.5 - 0.25, v = 0.75 + 0.0625.
        double first = -0.1 * 2 / (Math.sqrt(4) + 1e-8);
        double m = (0.5 * 1 + 0.5 * -0.5) / (1 - 0.25);
        double v = (0.75 * 1 + 0.25 * 0.25) / (1 - 0.5625);
        assertEquals(first - 0.1 * m / (Math.sqrt(v) + 1e-8), p[0], 1e-15);
    }

    @Test
    void scheduleDrivesTheStepSize() {
        Sgd sgd = new Sgd(LearningRateSchedule.linearDecay(1.0, 0.1, 100), 0);
        double[] p = {0.0};
        for (int step = 0; step < 50; step++) {
            sgd.step(p, new double[] {0.0});
        }
        assertEquals(1.0 - 0.9 * 50 / 100, sgd.nextLearningRate(), 1e-15);
        sgd.step(p, new double[] {1.0});
        assertEquals(-0.55, p[0], 1e-15);
    }

    /** The constant-rate constructors step exactly as their schedule forms. */
    @Test
    void constantRateConstructorsStepAsTheirScheduleForms() {
        double[][] gradients = {{4.0, -1.0}, {0.5, 3.0}, {-2.0, 0.25}};
        assertSameSteps(new Sgd(0.1), new Sgd(LearningRateSchedule.constant(0.1)), gradients);
        assertSameSteps(new Sgd(0.1, 0.9), new Sgd(LearningRateSchedule.constant(0.1), 0.9), gradients);
        assertSameSteps(new Adam(0.01), new Adam(LearningRateSchedule.constant(0.01), 0.9, 0.999, 1e-8), gradients);
    }

    private static void assertSameSteps(Optimizer constant, Optimizer scheduled, double[][] gradients) {
        double[] p = {1.0, -2.0};
        double[] q = p.clone();
        for (double[] gradient : gradients) {
            constant.step(p, gradient);
            scheduled.step(q, gradient);
            assertArrayEquals(q, p, 0.0, constant.toString());
        }
        assertTrue(p[0] != 1.0 && p[1] != -2.0, "the steps moved the parameters");
    }

    @Test
    void lengthMismatchesAreRejected() {
        Sgd sgd = new Sgd(0.1);
        IllegalArgumentException unequal = assertThrows(IllegalArgumentException.class,
                () -> sgd.step(new double[2], new double[3]));
        assertTrue(unequal.getMessage().contains("(2), got 3"), unequal.getMessage());
        sgd.step(new double[2], new double[2]);
        IllegalArgumentException changed = assertThrows(IllegalArgumentException.class,
                () -> sgd.step(new double[4], new double[4]));
        assertTrue(changed.getMessage().contains("first used on 2 parameters"), changed.getMessage());
    }

    @Test
    void constantsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(LearningRateSchedule.constant(0.1), 0.9, 1.0, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(LearningRateSchedule.constant(0.1), 0.9, 0.999, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(null, 0));
    }
}
