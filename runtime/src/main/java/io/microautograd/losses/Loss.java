package io.microautograd.losses;

import io.microautograd.engine.Value;

/**
 * The loss of one sample: the model's outputs for the sample against its target row. A trainer
 * averages it over a batch. Lambdas fit: {@code (out, target) -> Losses.squaredError(out[0], target[0])}.
 */
@FunctionalInterface
public interface Loss {

    /** The loss of {@code outputs} against {@code target}, as a node of the outputs' graph. */
    Value apply(Value[] outputs, double[] target);

    /** Mean squared error over the outputs: mean_k (out_k - target_k)^2. */
    static Loss mse() {
        return (outputs, target) -> {
            requireSameSize(outputs, target);
            Value[] squares = new Value[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                squares[k] = Losses.squaredError(outputs[k], target[k]);
            }
            return Value.sum(squares).mul(1.0 / outputs.length);
        };
    }

    /** {@link Losses#binaryCrossEntropy} of a single probability output (a sigmoid layer). */
    static Loss binaryCrossEntropy() {
        return (outputs, target) -> Losses.binaryCrossEntropy(single(outputs, target), target[0]);
    }

    /** {@link Losses#binaryCrossEntropyWithLogits} of a single raw-score output (a linear layer). */
    static Loss binaryCrossEntropyWithLogits() {
        return (outputs, target) -> Losses.binaryCrossEntropyWithLogits(single(outputs, target), target[0]);
    }

    /** {@link Losses#hinge} of a single raw-score output, labels 1 and 0 (or -1). */
    static Loss hinge() {
        return (outputs, target) -> Losses.hinge(single(outputs, target), target[0]);
    }

    private static Value single(Value[] outputs, double[] target) {
        if (outputs.length != 1 || target.length != 1) {
            throw new IllegalArgumentException("a binary loss needs one output and one target, got outputs of length "
                    + outputs.length + " and a target of length " + target.length);
        }
        return outputs[0];
    }

    private static void requireSameSize(Value[] outputs, double[] target) {
        if (outputs.length != target.length) {
            throw new IllegalArgumentException("outputs and target must have the same length, got lengths "
                    + outputs.length + " and " + target.length);
        }
    }
}
