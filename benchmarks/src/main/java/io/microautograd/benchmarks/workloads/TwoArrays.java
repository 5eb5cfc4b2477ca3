package io.microautograd.benchmarks.workloads;

import io.microautograd.Differentiable;

/**
 * A function of two arrays that it only reads, the workload that shows what the generated
 * methods' checks of their array arguments cost: one array may be passed for both.
 */
public final class TwoArrays {

    private TwoArrays() {
    }

    /** The sum over i of a[i] b[i] + a[i]^2: a few operations per element, so that a fixed cost per call shows. */
    @Differentiable
    public static double products(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i] + a[i] * a[i];
        }
        return s;
    }
}
