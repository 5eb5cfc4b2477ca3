package io.microautograd.train;

/**
 * A model's outputs as a function of its flat parameters and an input row: the prediction side
 * of a {@link PerSampleModel}.
 */
@FunctionalInterface
public interface ParameterizedPredictor {

    /** The outputs for {@code input} at {@code params}; must modify neither array. */
    double[] predict(double[] params, double[] input);
}
