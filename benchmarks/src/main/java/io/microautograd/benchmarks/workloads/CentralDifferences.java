package io.microautograd.benchmarks.workloads;

import java.util.function.ToDoubleFunction;

/** The gradient by central finite differences: the baseline every autodiff tool is compared with. */
public final class CentralDifferences {

    private CentralDifferences() {
    }

    /**
     * Writes d f / d x_i into {@code gradient} for every i, two evaluations of f per coordinate,
     * with the step {@code 1e-6 * max(1, |x_i|)}. {@code x} is perturbed in place and restored.
     */
    public static void gradient(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
        for (int i = 0; i < x.length; i++) {
            double original = x[i];
            double h = 1e-6 * Math.max(1, Math.abs(original));
            x[i] = original + h;
            double plus = f.applyAsDouble(x);
            x[i] = original - h;
            double minus = f.applyAsDouble(x);
            x[i] = original;
            gradient[i] = (plus - minus) / (2 * h);
        }
    }
}
