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

    /** Squared, components above 1.3e154 overflow and below 1.5e-154 underflow; the norm must do neither. */
    @Test
    void byGlobalNormOfHugeAndTinyComponents() {
        double[] huge = {3e200, -4e200};
        GradientClipping.byGlobalNorm(1.0).clip(huge);
        assertArrayEquals(new double[] {0.6, -0.8}, huge, 1e-15);

        double[] tiny = {3e-200, 4e-200};
        GradientClipping.byGlobalNorm(1e-201).clip(tiny);
        assertArrayEquals(new double[] {6e-202, 8e-202}, tiny, 1e-216);

        double[] shortAndTiny = {3e-200, 4e-200};
        GradientClipping.byGlobalNorm(1e-199).clip(shortAndTiny);
        assertArrayEquals(new double[] {3e-200, 4e-200}, shortAndTiny, "a norm of 5e-200 is below the limit");
    }

    @Test
    void byGlobalNormLeavesZeroAndNonFiniteGradientsAlone() {
        double[] zero = {0.0, -0.0};
        GradientClipping.byGlobalNorm(1.0).clip(zero);
        assertArrayEquals(new double[] {0.0, -0.0}, zero);
        double[] infinite = {Double.POSITIVE_INFINITY, 1.0};
        GradientClipping.byGlobalNorm(1.0).clip(infinite);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 1.0}, infinite);
        double[] nan = {Double.NaN, 1e300};
        GradientClipping.byGlobalNorm(1.0).clip(nan);
        assertArrayEquals(new double[] {Double.NaN, 1e300}, nan);
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
