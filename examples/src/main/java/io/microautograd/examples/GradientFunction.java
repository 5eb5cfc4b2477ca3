package io.microautograd.examples;

/**
 * A function of a point with its gradient, in the shape of the gradient compiler's
 * allocation-free call: returns the value and <b>adds</b> the gradient into {@code gradient}.
 * Both a {@code Value}-engine computation and a generated {@code ...Grad} method fit it, so one
 * descent loop drives either.
 */
@FunctionalInterface
interface GradientFunction {

    /** The value at {@code point}; its gradient is added ({@code +=}) into {@code gradient}. */
    double evaluate(double[] point, double[] gradient);
}
