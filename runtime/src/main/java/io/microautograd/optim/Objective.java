package io.microautograd.optim;

/**
 * A differentiable function of a flat parameter array: its value, with its gradient
 * <b>added</b> ({@code +=}) into caller storage. This is the one shape every gradient source in
 * the library meets, so optimizers, {@link io.microautograd.train.Minimizer} and
 * {@link io.microautograd.gradcheck.GradientCheck} take any of them:
 *
 * <pre>{@code
 * // a compiled gradient: @Differentiable static double rosenbrock(double[] p) in class Functions
 * Objective rosenbrock = FunctionsGrad::rosenbrock;          // double rosenbrock(double[] p, double[] dP)
 *
 * // a hand-written one
 * Objective bowl = (p, g) -> {
 *     g[0] += 2 * p[0];
 *     g[1] += 20 * p[1];
 *     return p[0] * p[0] + 10 * p[1] * p[1];
 * };
 * }</pre>
 *
 * <p>Accumulating instead of assigning, as PyTorch's {@code backward} and the generated
 * allocation-free methods do, lets a caller sum the gradients of several terms into one array
 * without a buffer per term; the caller zeroes the array when it wants a fresh gradient.
 */
@FunctionalInterface
public interface Objective {

    /**
     * The value at {@code params}; adds the gradient at {@code params} into {@code gradient}.
     * Must not modify {@code params}.
     *
     * @param params the point, one entry per parameter
     * @param gradient receives the partial derivatives, added to what it already holds; same
     *     length as {@code params}
     * @return the value at {@code params}
     */
    double valueAndGradient(double[] params, double[] gradient);

    /** The value at {@code params} alone; computes the gradient into a scratch array it then drops. */
    default double value(double[] params) {
        return valueAndGradient(params, new double[params.length]);
    }

    /** The gradient at {@code params} in a new array. */
    default double[] gradient(double[] params) {
        double[] gradient = new double[params.length];
        valueAndGradient(params, gradient);
        return gradient;
    }
}
