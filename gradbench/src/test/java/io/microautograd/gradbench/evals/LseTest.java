package io.microautograd.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.gradcheck.GradientCheck;
import org.junit.jupiter.api.Test;

/** log-sum-exp and its compiled gradient, against the formula, the softmax and central differences. */
class LseTest {

    private static final double[] X = {0.3, -1.2, 2.5, 0.0, 1.1};

    @Test
    void valueIsLogOfSumOfExponentials() {
        double sum = 0;
        for (double v : X) {
            sum += Math.exp(v);
        }
        assertEquals(Math.log(sum), Lse.logSumExp(X), 1e-14);
    }

    @Test
    void largeInputsDoNotOverflow() {
        assertEquals(1000 + Math.log(2), Lse.logSumExp(new double[] {1000, 1000}), 1e-12);
    }

    @Test
    void gradientIsTheSoftmax() {
        double[] gradient = new double[X.length];
        double value = LseGrad.logSumExp(X, gradient);
        for (int i = 0; i < X.length; i++) {
            assertEquals(Math.exp(X[i] - value), gradient[i], 1e-15);
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        GradientCheck.standard().assertGradientNear(LseGrad::logSumExp, X, 1, 5, 26);
    }
}
