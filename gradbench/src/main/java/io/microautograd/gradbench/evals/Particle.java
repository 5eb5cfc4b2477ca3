package io.microautograd.gradbench.evals;

import io.microautograd.Differentiable;

/**
 * GradBench's {@code particle} eval (Pearlmutter and Siskind): a charged particle starts at (0, 8)
 * with velocity (0.75, 0) in the field of two fixed charges at (10, 10 - w) and (10, 0), and the
 * control w is chosen by {@link GradientDescent} so that it crosses the x axis at the origin. The
 * flight is Euler's method on the acceleration -grad p, p the potential, so the descent's
 * gradient in w is a derivative through a loop of gradients, nested, each from the library: the
 * outer (descent) and the inner (acceleration) gradients each by forward mode (the generated
 * tangents) or reverse mode (the generated gradient), the eval's four functions.
 */
public final class Particle {

    /** Euler's time step. */
    static final double DELTA_T = 0.1;

    private Particle() {
    }

    /** p(x; w) = 1 / |(10, 10 - w) - x| + 1 / |(10, 0) - x|, the charges in the eval's order. */
    @Differentiable(order = 2)
    public static double potential(double x0, double x1, double w) {
        double near0 = 10 - x0;
        double near1 = 10 - w - x1;
        double far0 = 10 - x0;
        double far1 = 0 - x1;
        return 1 / Math.sqrt(near0 * near0 + near1 * near1) + 1 / Math.sqrt(far0 * far0 + far1 * far1);
    }

    /**
     * The square of where the particle crosses the x axis: Euler steps until the position's y is
     * not above 0, then the straight line through the last position along the velocity, as
     * GradBench's C++ tools compute it. The acceleration is the potential's gradient in x from the
     * generated code, by forward mode when {@code forward}, else by reverse mode. Differentiated
     * with respect to w, through every step.
     */
    @Differentiable(wrt = "w")
    public static double flight(double w, boolean forward) {
        double[] gradient = new double[3];
        double x0 = 0;
        double x1 = 8;
        double v0 = 0.75;
        double v1 = 0;
        double a0 = 0;
        double a1 = 0;
        while (true) {
            if (forward) {
                a0 = -ParticleGrad.potentialTangent(x0, x1, w, 1, 0, 0);
                a1 = -ParticleGrad.potentialTangent(x0, x1, w, 0, 1, 0);
            } else {
                gradient[0] = 0;
                gradient[1] = 0;
                ParticleGrad.potential(x0, x1, w, gradient);
                a0 = -gradient[0];
                a1 = -gradient[1];
            }
            x0 += DELTA_T * v0;
            x1 += DELTA_T * v1;
            if (x1 <= 0) {
                break;
            }
            v0 += DELTA_T * a0;
            v1 += DELTA_T * a1;
        }
        double crossing = x0 - x1 / v1 * v0;
        return crossing * crossing;
    }

    /**
     * The control the descent from {@code w0} stops at, its gradients by forward mode when {@code
     * outerForward}, the acceleration's when {@code innerForward}.
     */
    public static double particle(double w0, boolean outerForward, boolean innerForward) {
        return GradientDescent.argmin(new GradientDescent.Objective() {
            @Override
            public double value(double[] w) {
                return flight(w[0], innerForward);
            }

            @Override
            public void gradient(double[] w, double[] gradient) {
                if (outerForward) {
                    gradient[0] = ParticleGrad.flightTangent(w[0], innerForward, 1);
                } else {
                    gradient[0] = 0;
                    ParticleGrad.flight(w[0], innerForward, gradient);
                }
            }
        }, new double[] {w0})[0];
    }
}
