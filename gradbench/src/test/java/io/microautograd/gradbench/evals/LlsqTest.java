package io.microautograd.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.gradcheck.GradientCheck;
import org.junit.jupiter.api.Test;

/** The least-squares objective of cmpad's llsq_obj and its compiled gradient. */
class LlsqTest {

    private static final double[] X = {0.4, -0.7, 1.3};
    private static final int N = 5;

    /** The residual at point i, written from the definition with Math.pow. */
    private static double residual(double[] x, int i) {
        double t = -1 + 2.0 * i / (N - 1);
        double fit = 0;
        for (int j = 0; j < x.length; j++) {
            fit += x[j] * Math.pow(t, j);
        }
        return Math.signum(t) - fit;
    }

    @Test
    void valueIsHalfTheSquaredResiduals() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += residual(X, i) * residual(X, i);
        }
        assertEquals(sum / 2, Llsq.objective(X, N), 1e-14);
    }

    @Test
    void gradientIsMinusResidualsTimesPowers() {
        double[] gradient = new double[X.length];
        LlsqGrad.objective(X, N, gradient);
        for (int j = 0; j < X.length; j++) {
            double expected = 0;
            for (int i = 0; i < N; i++) {
                expected -= residual(X, i) * Math.pow(-1 + 2.0 * i / (N - 1), j);
            }
            assertEquals(expected, gradient[j], 1e-13);
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        GradientCheck.standard().assertGradientNear((x, gradient) -> LlsqGrad.objective(x, 9, gradient), X, 1, 5, 26);
    }
}
