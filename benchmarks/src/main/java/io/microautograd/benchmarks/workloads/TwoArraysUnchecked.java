package io.microautograd.benchmarks.workloads;

/**
 * The allocation-free gradient of {@link TwoArrays#products} as the generated {@code TwoArraysGrad}
 * computes it, less the checks that no adjoint storage is one of the arrays: the yardstick that
 * {@code AliasCheckBenchmark} measures those checks against. {@code WorkloadsTest} holds its body
 * to the generated pullback's without those checks, so it follows the processor's output.
 */
public final class TwoArraysUnchecked {

    private TwoArraysUnchecked() {
    }

    /** {@code TwoArraysGrad.products(a, b, dA, dB)} without the checks that dA and dB are not a or b. */
    public static double products(double[] a, double[] b, double[] dA, double[] dB) {
        checkLength("dA", dA, a.length, "the length of a");
        checkLength("dB", dB, b.length, "the length of b");
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i] + a[i] * a[i];
        }
        double value = s;
        double dS = 1.0;
        if (dS != 0.0) {
            for (int i = a.length; i > 0; ) {
                i--;
                dA[i] += dS * b[i];
                dB[i] += dS * a[i];
                dA[i] += 2.0 * (dS * a[i]);
            }
        }
        return value;
    }

    private static void checkLength(String name, double[] storage, int length, String what) {
        if (storage.length != length) {
            throw new IllegalArgumentException(name + " must have length " + length + " (" + what + ") but has length "
                    + storage.length);
        }
    }
}
