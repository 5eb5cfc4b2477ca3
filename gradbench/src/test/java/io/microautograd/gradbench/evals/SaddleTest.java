package io.microautograd.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.optim.Objective;
import org.junit.jupiter.api.Test;

/**
 * The saddle eval: the inner maximum's gradient through the descent's steps against central
 * differences in every mode, and each variant's saddle point against the eval's expected output.
 */
class SaddleTest {

    /** The eval's expected output at start (1, 1), for every function: each coordinate. */
    private static final double EXPECTED = 8.246324826140356e-06;

    @Test
    void theInnerMaximumsGradientMatchesCentralDifferencesAndItsTangentsInBothModes() {
        for (boolean forward : new boolean[] {true, false}) {
            Objective innerMax = (a, gradient) -> SaddleGrad.innerMax(a[0], a[1], 1.0, 1.0, forward, gradient);
            GradientCheck.standard().assertGradientNear(innerMax, new double[] {1.0, 1.0}, 0.5, 5, 26);
            double[] gradient = new double[2];
            double value = innerMax.valueAndGradient(new double[] {0.3, -0.7}, gradient);
            assertEquals(Saddle.innerMax(0.3, -0.7, 1.0, 1.0, forward), value);
            assertEquals(gradient[0], SaddleGrad.innerMaxTangent(0.3, -0.7, 1.0, 1.0, forward, 1, 0), 1e-12);
            assertEquals(gradient[1], SaddleGrad.innerMaxTangent(0.3, -0.7, 1.0, 1.0, forward, 0, 1), 1e-12);
        }
    }

    @Test
    void everyVariantFindsTheEvalsSaddlePoint() {
        for (boolean outerForward : new boolean[] {true, false}) {
            for (boolean innerForward : new boolean[] {true, false}) {
                double[] point = Saddle.saddle(new double[] {1.0, 1.0}, outerForward, innerForward);
                assertArrayEquals(new double[] {EXPECTED, EXPECTED, EXPECTED, EXPECTED}, point, 1e-9,
                        "outer forward " + outerForward + ", inner forward " + innerForward);
            }
        }
    }
}
