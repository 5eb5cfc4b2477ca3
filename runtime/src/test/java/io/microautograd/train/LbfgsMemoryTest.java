package io.microautograd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** L-BFGS's memory: the two-loop recursion meets the secant equation, and pairs without curvature are skipped. */
class LbfgsMemoryTest {

    @Test
    void theDirectionMapsTheNewestGradientChangeBackToItsStep() {
        LbfgsMemory memory = new LbfgsMemory(3, 3);
        assertTrue(memory.offer(new double[] {0, 0, 0}, new double[] {1, 0, 0}, new double[] {0, 0, 0},
                new double[] {2, 0.5, 0}));
        assertTrue(memory.offer(new double[] {1, 0, 0}, new double[] {1, 2, -1}, new double[] {2, 0.5, 0},
                new double[] {2.5, 4, -1}));
        double[] direction = new double[3];
        memory.direction(new double[] {0.5, 3.5, -1}, direction);
        assertArrayEquals(new double[] {0, -2, 1}, direction, 1e-12, "H y = s for the newest pair, so -H y = -s");
    }

    @Test
    void aPairWithoutPositiveCurvatureIsSkippedAndTheMemoryKeepsItsPairs() {
        LbfgsMemory memory = new LbfgsMemory(2, 2);
        assertTrue(memory.offer(new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 0}, new double[] {3, 1}));
        double[] before = new double[2];
        memory.direction(new double[] {1, 2}, before);

        assertFalse(memory.offer(new double[] {1, 0}, new double[] {2, 0}, new double[] {3, 1}, new double[] {1, 1}),
                "s.y = -2");
        assertFalse(memory.offer(new double[] {1, 0}, new double[] {1, 1}, new double[] {3, 1}, new double[] {5, 1}),
                "s.y = 0");
        double[] after = new double[2];
        memory.direction(new double[] {1, 2}, after);
        assertArrayEquals(before, after, 0.0);

        memory.clear();
        assertTrue(memory.isEmpty());
        memory.direction(new double[] {1, 2}, after);
        assertArrayEquals(new double[] {-1, -2}, after, 0.0, "steepest descent");
    }
}
