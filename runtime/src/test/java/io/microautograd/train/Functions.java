package io.microautograd.train;

import io.microautograd.Differentiable;

/** Test functions compiled by our processor, to show generated gradients fitting {@code Objective}. */
final class Functions {

    private Functions() {
    }

    /** Himmelblau's function (x^2 + y - 11)^2 + (x + y^2 - 7)^2, with its minimum 0 at (3, 2) among others. */
    @Differentiable
    static double himmelblau(double[] p) {
        double a = p[0] * p[0] + p[1] - 11;
        double b = p[0] + p[1] * p[1] - 7;
        return a * a + b * b;
    }

    /**
     * The N-dimensional Rosenbrock function, the sum over i of (1 - x[i])^2 + 100 (x[i+1] - x[i]^2)^2,
     * with its minimum 0 at (1, ..., 1).
     */
    @Differentiable(order = 2)
    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            sum += a * a + 100 * b * b;
        }
        return sum;
    }
}
