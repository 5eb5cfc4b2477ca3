package io.microautograd.train;

import io.microautograd.Differentiable;
import io.microautograd.fuzz.RuledFunctions;

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

    /**
     * A smooth hinge between neighbours, through functions whose derivatives are {@code @Derivative}
     * rules: the sum over i of softplus(p[i] - p[i+1]) + smoothMax(p[i], p[i+1] / 2).
     */
    @Differentiable
    static double smoothHinge(double[] p) {
        double sum = 0;
        for (int i = 0; i + 1 < p.length; i++) {
            sum += RuledFunctions.softplus(p[i] - p[i + 1]) + RuledFunctions.smoothMax(p[i], 0.5 * p[i + 1]);
        }
        return sum;
    }
}
