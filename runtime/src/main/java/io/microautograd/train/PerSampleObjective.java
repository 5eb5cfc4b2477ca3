package io.microautograd.train;

/**
 * The loss of one sample as a function of a flat parameter array, with its gradient
 * <b>added</b> ({@code +=}) into caller storage: the per-sample form of
 * {@link io.microautograd.optim.Objective}. A generated allocation-free gradient fits it by a
 * one-line lambda, the model's constant arguments captured:
 *
 * <pre>{@code
 * // ModelGrad is generated from
 * // @Differentiable(wrt = "params") static double hinge(double[] params, int[] layout, double[] x, double[] target)
 * PerSampleObjective loss = (p, x, t, g) -> ModelGrad.hinge(p, layout, x, t, g);
 * }</pre>
 *
 * <p>{@link PerSampleModel} may call one instance from several threads at once, each with its
 * own input, target and gradient arrays and the same read-only parameters; implementations must
 * therefore keep no mutable state (generated static methods keep none).
 */
@FunctionalInterface
public interface PerSampleObjective {

    /**
     * The loss of the sample ({@code input}, {@code target}) at {@code params}; adds its
     * gradient with respect to {@code params} into {@code gradient}. Must modify none of the
     * first three arrays.
     */
    double lossAndGradient(double[] params, double[] input, double[] target, double[] gradient);
}
