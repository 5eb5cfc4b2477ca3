package io.microautograd.train;

/**
 * Anything that maps an input row to an output row: a trained model, or a network's
 * {@code predict} method ({@code mlp::predict}).
 */
@FunctionalInterface
public interface Predictor {

    /** The outputs for {@code input}. */
    double[] predict(double[] input);
}
