package io.microautograd.losses;

import io.microautograd.engine.Value;

/**
 * The loss of one sample on the {@code Value} engine: the model's outputs for the sample against
 * its target row. A trainer averages it over a batch. The library's losses are the constants of
 * {@link Loss}, which the compiled MLP computes too; a loss of your own is a lambda, for the
 * {@code Value} path: {@code (out, target) -> out[0].sub(target[0]).abs()}.
 */
@FunctionalInterface
public interface SampleLoss {

    /**
     * The loss of {@code outputs} against {@code target}, as a node of the outputs' graph.
     *
     * @throws IllegalArgumentException if the outputs or the target do not suit the loss
     */
    Value apply(Value[] outputs, double[] target);
}
