package io.microautograd.gradbench.evals;

import io.microautograd.Differentiable;

/** GradBench's {@code hello} eval: x squared, whose gradient is the eval's {@code double}. */
public final class Hello {

    private Hello() {
    }

    /** x * x. */
    @Differentiable
    public static double square(double x) {
        return x * x;
    }
}
