package io.microautograd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GradientClippingTest {

    @Test
    void byValueClampsEachComponent() {
        double[] g = {3.0, -0.2, -7.0};
        GradientClipping.byValue(0.5).clip(g);
        assertArrayEquals(new double[] {0.5, -0.2, -0.5}, g);
    }

    @Test
    void byGlobalNormKeepsDirectionAndCapsLength() {
        double[] g = {3.0, -4.0};
        GradientClipping.byGlobalNorm(1.0).clip(g);
        assertArrayEquals(new double[] {0.6, -0.8}, g, 1e-15);
        double[] small = {0.3, 0.4};
        GradientClipping.byGlobalNorm(1.0).clip(small);
        assertArrayEquals(new double[] {0.3, 0.4}, small);
    }

    @Test
    void clippedOptimizerStepsWithClippedCopy() {
        Optimizer optimizer = new Sgd(1.0).withClipping(GradientClipping.byValue(0.5));
        double[] p = {0.0, 0.0};
        double[] g = {3.0, -0.2};
        optimizer.step(p, g);
        assertArrayEquals(new double[] {-0.5, 0.2}, p, 1e-15);
        assertArrayEquals(new double[] {3.0, -0.2}, g, "the caller's gradient is left as it was");
        assertEquals(1, optimizer.stepCount());
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byValue(0));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byGlobalNorm(-1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(1).withClipping(null));
    }
}
