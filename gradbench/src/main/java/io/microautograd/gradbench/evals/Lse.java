package io.microautograd.gradbench.evals;

import io.microautograd.Differentiable;

/** GradBench's {@code lse} eval: log-sum-exp of a vector, by the max-shift trick its README gives. */
public final class Lse {

    private Lse() {
    }

    /**
     * log(sum exp(x_i)), computed as max + log(sum exp(x_i - max)) so that no exp overflows. The
     * benchmarks module's ADBench GMM has the same method: the tool ships on its own, and neither
     * module depends on the other.
     */
    @Differentiable
    public static double logSumExp(double[] x) {
        double max = x[0];
        for (int i = 1; i < x.length; i++) {
            max = Math.max(max, x[i]);
        }
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.exp(x[i] - max);
        }
        return max + Math.log(sum);
    }
}
