package io.microautograd.gradbench.evals;

import io.microautograd.Differentiable;

/**
 * GradBench's {@code saddle} eval (Pearlmutter and Siskind): the saddle point of f(a, b) = |a|^2 -
 * |b|^2 on R^2 x R^2, found as the argmin over a of the max over b, both by {@link
 * GradientDescent} from the start. The argmin descends along the gradient of {@link #innerMax},
 * which is itself a descent along the gradient of {@link #objective}: a derivative through a loop
 * of derivatives, nested, each from the library. The outer (argmin) and the inner (max) gradients
 * are each by forward mode (the generated tangents along the unit vectors) or by reverse mode (the
 * generated gradient), the eval's four functions.
 */
public final class Saddle {

    private Saddle() {
    }

    /** f(a, b) = (a0^2 + a1^2) - (b0^2 + b1^2), the eval's {@code (x1^2 + y1^2) - (x2^2 + y2^2)}. */
    @Differentiable(order = 2)
    public static double objective(double a0, double a1, double b0, double b1) {
        return (a0 * a0 + a1 * a1) - (b0 * b0 + b1 * b1);
    }

    /**
     * max over b of f(a, b): the value of {@link #objective} where {@link GradientDescent}'s steps
     * from {@code start} on -f stop, each step's gradient with respect to b from the generated code,
     * by forward mode when {@code forward}, else by reverse mode. Differentiated with respect to a,
     * through every step.
     */
    @Differentiable(wrt = {"a0", "a1"})
    public static double innerMax(double a0, double a1, double start0, double start1, boolean forward) {
        double[] gradient = new double[4];
        double b0 = start0;
        double b1 = start1;
        double value = -objective(a0, a1, b0, b1);
        double g0 = 0;
        double g1 = 0;
        boolean moved = true;
        int steps = 0;
        double eta = GradientDescent.TOLERANCE;
        while (true) {
            if (moved) {
                if (forward) {
                    g0 = -SaddleGrad.objectiveTangent(a0, a1, b0, b1, 0, 0, 1, 0);
                    g1 = -SaddleGrad.objectiveTangent(a0, a1, b0, b1, 0, 0, 0, 1);
                } else {
                    gradient[2] = 0;
                    gradient[3] = 0;
                    SaddleGrad.objective(a0, a1, b0, b1, gradient);
                    g0 = -gradient[2];
                    g1 = -gradient[3];
                }
                moved = false;
            }
            if (Math.sqrt(g0 * g0 + g1 * g1) <= GradientDescent.TOLERANCE) {
                break;
            }
            if (steps == GradientDescent.STEPS_BEFORE_DOUBLING) {
                eta *= 2;
                steps = 0;
            } else {
                double next0 = b0 - eta * g0;
                double next1 = b1 - eta * g1;
                double step0 = b0 - next0;
                double step1 = b1 - next1;
                if (Math.sqrt(step0 * step0 + step1 * step1) <= GradientDescent.TOLERANCE) {
                    break;
                }
                double nextValue = -objective(a0, a1, next0, next1);
                if (nextValue < value) {
                    b0 = next0;
                    b1 = next1;
                    value = nextValue;
                    moved = true;
                    steps++;
                } else {
                    eta /= 2;
                    steps = 0;
                }
            }
        }
        return objective(a0, a1, b0, b1);
    }

    /**
     * The saddle point from {@code start}: a = argmin of {@link #innerMax}, then b = argmax of f(a,
     * .), the outer gradients by forward mode when {@code outerForward}, the inner ones when {@code
     * innerForward}.
     *
     * @return a0, a1, b0, b1
     */
    public static double[] saddle(double[] start, boolean outerForward, boolean innerForward) {
        double[] a = GradientDescent.argmin(new GradientDescent.Objective() {
            @Override
            public double value(double[] x) {
                return innerMax(x[0], x[1], start[0], start[1], innerForward);
            }

            @Override
            public void gradient(double[] x, double[] gradient) {
                if (outerForward) {
                    gradient[0] = SaddleGrad.innerMaxTangent(x[0], x[1], start[0], start[1], innerForward, 1, 0);
                    gradient[1] = SaddleGrad.innerMaxTangent(x[0], x[1], start[0], start[1], innerForward, 0, 1);
                } else {
                    gradient[0] = 0;
                    gradient[1] = 0;
                    SaddleGrad.innerMax(x[0], x[1], start[0], start[1], innerForward, gradient);
                }
            }
        }, start);
        double[] b = GradientDescent.argmax(new GradientDescent.Objective() {
            @Override
            public double value(double[] y) {
                return objective(a[0], a[1], y[0], y[1]);
            }

            @Override
            public void gradient(double[] y, double[] gradient) {
                if (outerForward) {
                    gradient[0] = SaddleGrad.objectiveTangent(a[0], a[1], y[0], y[1], 0, 0, 1, 0);
                    gradient[1] = SaddleGrad.objectiveTangent(a[0], a[1], y[0], y[1], 0, 0, 0, 1);
                } else {
                    double[] all = new double[4];
                    SaddleGrad.objective(a[0], a[1], y[0], y[1], all);
                    gradient[0] = all[2];
                    gradient[1] = all[3];
                }
            }
        }, start);
        return new double[] {a[0], a[1], b[0], b[1]};
    }
}
