package io.microautograd.gradbench.evals;

import io.microautograd.Differentiable;

/**
 * GradBench's {@code ode} eval (cmpad's {@code an_ode}): y' with y_0' = x_0 and
 * y_i' = x_i y_{i-1}, from y(0) = 0 to t = 2 by s steps of the classic Runge-Kutta method.
 */
public final class Ode {

    private Ode() {
    }

    /**
     * Writes y(2) into {@code y} and returns its last element, whose gradient with respect to
     * {@code x} the eval asks for.
     */
    @Differentiable(wrt = "x")
    public static double solve(double[] x, int s, double[] y) {
        int n = x.length;
        double h = 2.0 / s;
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] k4 = new double[n];
        double[] stage = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0;
        }
        for (int step = 0; step < s; step++) {
            k1[0] = x[0];
            for (int i = 1; i < n; i++) {
                k1[i] = x[i] * y[i - 1];
            }
            for (int i = 0; i < n; i++) {
                stage[i] = y[i] + h * k1[i] / 2;
            }
            k2[0] = x[0];
            for (int i = 1; i < n; i++) {
                k2[i] = x[i] * stage[i - 1];
            }
            for (int i = 0; i < n; i++) {
                stage[i] = y[i] + h * k2[i] / 2;
            }
            k3[0] = x[0];
            for (int i = 1; i < n; i++) {
                k3[i] = x[i] * stage[i - 1];
            }
            for (int i = 0; i < n; i++) {
                stage[i] = y[i] + h * k3[i];
            }
            k4[0] = x[0];
            for (int i = 1; i < n; i++) {
                k4[i] = x[i] * stage[i - 1];
            }
            for (int i = 0; i < n; i++) {
                y[i] += h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
            }
        }
        return y[n - 1];
    }
}
