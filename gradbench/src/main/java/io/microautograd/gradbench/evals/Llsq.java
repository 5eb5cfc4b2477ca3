package io.microautograd.gradbench.evals;

import io.microautograd.Differentiable;

/**
 * GradBench's {@code llsq} eval (cmpad's {@code llsq_obj}): half the squared residual of fitting
 * sign(t) on n points of [-1, 1] by the polynomial with coefficients x.
 */
public final class Llsq {

    private Llsq() {
    }

    /** y(x) = 1/2 sum_i (s_i - sum_j x_j t_i^j)^2 with t_i = -1 + 2i/(n-1) and s_i = sign(t_i). */
    @Differentiable(wrt = "x")
    public static double objective(double[] x, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double t = -1 + i * 2.0 / (n - 1);
            double residual = Math.signum(t);
            double power = 1;
            for (int j = 0; j < x.length; j++) {
                residual -= x[j] * power;
                power *= t;
            }
            sum += residual * residual;
        }
        return sum / 2;
    }
}
