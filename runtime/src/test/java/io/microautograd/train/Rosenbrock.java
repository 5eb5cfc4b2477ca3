package io.microautograd.train;

/**
 * The N-dimensional Rosenbrock function of {@link Functions#rosenbrock}, with its Hessian-vector
 * product written out by hand (the Hessian is tridiagonal), and its standard start.
 */
final class Rosenbrock {

    private Rosenbrock() {
    }

    /** The standard start (-1.2, 1, -1.2, 1, ...) in {@code n} dimensions. */
    static double[] standardStart(int n) {
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return start;
    }

    /** The value; adds the gradient into {@code g} and the Hessian times {@code v} into {@code hv}. */
    static double valueGradientAndHessianVector(double[] x, double[] v, double[] g, double[] hv) {
        double value = FunctionsGrad.rosenbrock(x, g);
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double diagonal = 0;
            if (i + 1 < n) {
                diagonal += 2 - 400 * x[i + 1] + 1200 * x[i] * x[i];
                hv[i] -= 400 * x[i] * v[i + 1];
            }
            if (i > 0) {
                diagonal += 200;
                hv[i] -= 400 * x[i - 1] * v[i - 1];
            }
            hv[i] += diagonal * v[i];
        }
        return value;
    }
}
