package io.microautograd.examples;

import io.microautograd.Differentiable;

/**
 * The Rosenbrock function, compiled to gradient code at build time: the processor writes
 * {@code RosenbrockGrad} beside this class, with its Hessian-vector product ({@code order = 2}).
 */
public final class Rosenbrock {

    private Rosenbrock() {
    }

    /** The banana-shaped valley (1 - x)^2 + 100 (y - x^2)^2, with its minimum 0 at (1, 1). */
    @Differentiable(order = 2)
    public static double rosenbrock(double x, double y) {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }
}
