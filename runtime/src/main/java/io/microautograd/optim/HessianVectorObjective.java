package io.microautograd.optim;

/**
 * An {@link Objective} that also gives Hessian-vector products: at a point, its value, its
 * gradient and the Hessian times a direction {@code v}, the second derivative along {@code v}
 * that Newton methods need without ever forming the Hessian. Like {@link Objective} it
 * <b>adds</b> ({@code +=}) into caller storage:
 *
 * <pre>{@code
 * // compiled: the Hessian-vector method generated for @Differentiable static double rosenbrock(double[] p)
 * HessianVectorObjective rosenbrock = FunctionsGrad::rosenbrockHvp;   // double (p, v, dP, hv)
 *
 * // a hand-written one: f = p0^2 + 10 p1^2 has the Hessian diag(2, 20)
 * HessianVectorObjective bowl = (p, v, g, hv) -> {
 *     g[0] += 2 * p[0];
 *     g[1] += 20 * p[1];
 *     hv[0] += 2 * v[0];
 *     hv[1] += 20 * v[1];
 *     return p[0] * p[0] + 10 * p[1] * p[1];
 * };
 *
 * // from any gradient, by central differences of it
 * HessianVectorObjective approximate = HessianVectorObjective.byFiniteDifferences(FunctionsGrad::rosenbrock);
 * }</pre>
 *
 * <p>The one method has the shape of a generated forward-over-reverse method,
 * {@code double f(double[] p, double[] v, double[] dP, double[] hv)}, so a method reference fits.
 * As an {@link Objective} it evaluates with {@code v = 0} and drops the (zero) product, which
 * costs what a Hessian-vector product costs; an algorithm that needs many gradients alone is
 * better served by the plain gradient.
 */
@FunctionalInterface
public interface HessianVectorObjective extends Objective {

    /**
     * The value at {@code params}; adds the gradient at {@code params} into {@code gradient} and
     * the Hessian at {@code params} times {@code direction} into {@code hessianVector}. Must not
     * modify {@code params} or {@code direction}.
     *
     * @param params the point, one entry per parameter
     * @param direction the vector v the Hessian multiplies; same length as {@code params}
     * @param gradient receives the partial derivatives, added to what it already holds
     * @param hessianVector receives H v, added to what it already holds
     * @return the value at {@code params}
     */
    double valueGradientAndHessianVector(double[] params, double[] direction, double[] gradient,
            double[] hessianVector);

    /** The value and the gradient, from {@link #valueGradientAndHessianVector} along the zero direction. */
    @Override
    default double valueAndGradient(double[] params, double[] gradient) {
        double[] zero = new double[params.length];
        return valueGradientAndHessianVector(params, zero, gradient, new double[params.length]);
    }

    /**
     * Hessian-vector products of {@code objective} by central differences of its gradient along
     * the direction: {@code H v ~ (g(p + h u) - g(p - h u)) / 2h * |v|} with {@code u = v / |v|}
     * and {@code h = 6e-6 * max(1, |p|)} (the cube root of the double's precision, which balances
     * the h^2 error of the difference against the rounding the division by h magnifies). Where
     * the gradient is smooth over that step, each component is within about 1e-9 of
     * {@code |H| |v|} (relative to the largest curvature times the direction's length); at a
     * kink of the gradient (relu, abs, max) it is wrong, as every finite difference is.
     *
     * <p>Each call evaluates {@code objective} three times: at {@code p} for the value and the
     * gradient, and at the two shifted points (once, at {@code p}, when the direction is zero).
     * It allocates its scratch arrays per call, so it may be shared between threads when
     * {@code objective} may.
     *
     * @throws IllegalArgumentException if {@code objective} is null
     */
    static HessianVectorObjective byFiniteDifferences(Objective objective) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        return new FiniteDifferenceHessianVector(objective);
    }
}
