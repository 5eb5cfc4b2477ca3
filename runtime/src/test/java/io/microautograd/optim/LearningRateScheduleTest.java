package io.microautograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constant() {
        LearningRateSchedule schedule = LearningRateSchedule.constant(0.05);
        assertEquals(0.05, schedule.rate(0));
        assertEquals(0.05, schedule.rate(10_000));
    }

    @Test
    void linearDecayIsMicrogradsDemoSchedule() {
        LearningRateSchedule schedule = LearningRateSchedule.linearDecay(1.0, 0.1, 100);
        for (int k = 0; k < 100; k++) {
            assertEquals(1.0 - 0.9 * k / 100, schedule.rate(k), 1e-15, "step " + k);
        }
        assertEquals(0.1, schedule.rate(100));
        assertEquals(0.1, schedule.rate(500));
    }

    @Test
    void cosineDecayIsHalfACosine() {
        LearningRateSchedule schedule = LearningRateSchedule.cosineDecay(0.5, 0.1, 40);
        assertEquals(0.5, schedule.rate(0), 1e-15);
        assertEquals(0.3, schedule.rate(20), 1e-15);
        assertEquals(0.1 + 0.4 * (1 + Math.cos(Math.PI / 4)) / 2, schedule.rate(10), 1e-15);
        assertEquals(0.1, schedule.rate(40), 1e-15);
        assertEquals(0.1, schedule.rate(41), 1e-15);
    }

    @Test
    void stepDecayHalvesEveryInterval() {
        LearningRateSchedule schedule = LearningRateSchedule.stepDecay(0.8, 0.5, 10);
        assertEquals(0.8, schedule.rate(9));
        assertEquals(0.4, schedule.rate(10));
        assertEquals(0.1, schedule.rate(35));
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("learning rate must be finite and > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedule.constant(0)).getMessage());
        assertEquals("learning rate must be finite and > 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> new Sgd(-1)).getMessage());
        assertEquals("start learning rate must be finite and > 0, got 0.0", assertThrows(
                IllegalArgumentException.class, () -> LearningRateSchedule.linearDecay(0, 0, 10)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.linearDecay(1, -0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosineDecay(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(1, 1.5, 10));
    }
}
