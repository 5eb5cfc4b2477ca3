package io.microautograd.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.gradcheck.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * The Runge-Kutta solution of the ode eval and its compiled gradient. With four components the
 * exact solution, y_i(t) = x_0 ... x_i t^(i+1) / (i+1)!, has degree at most 4, which classic
 * Runge-Kutta integrates exactly: the values and the closed-form gradient the eval's README
 * implies (d y_3 / d x_j = y_3 / x_j) are known.
 */
class OdeTest {

    private static final double[] X = {0.8, 1.3, 0.6, 1.7};

    private static double exact(int i) {
        double y = 1;
        double factorial = 1;
        for (int j = 0; j <= i; j++) {
            y *= X[j] * 2;
            factorial *= j + 1;
        }
        return y / factorial;
    }

    @Test
    void solutionIsExactForCubicAndQuarticComponents() {
        for (int s = 1; s <= 3; s++) {
            double[] y = new double[X.length];
            double last = Ode.solve(X, s, y);
            for (int i = 0; i < X.length; i++) {
                assertEquals(exact(i), y[i], 1e-13, "s = " + s + ", y_" + i);
            }
            assertEquals(y[X.length - 1], last);
        }
    }

    @Test
    void gradientOfTheLastComponentIsItOverEachCoefficient() {
        double[] gradient = new double[X.length];
        double[] y = {5, 5, 5, 5};
        OdeGrad.solve(X, 2, y, gradient);
        for (int j = 0; j < X.length; j++) {
            assertEquals(exact(X.length - 1) / X[j], gradient[j], 1e-13);
        }
    }

    @Test
    void gradientMatchesCentralDifferencesWhereRungeKuttaIsNotExact() {
        double[] x = {0.8, 1.3, 0.6, 1.7, 0.9, 1.1, 0.5};
        GradientCheck.standard().assertGradientNear(
                (p, gradient) -> OdeGrad.solve(p, 3, new double[p.length], gradient), x, 0.5, 3, 26);
    }
}
