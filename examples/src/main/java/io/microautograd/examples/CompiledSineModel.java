package io.microautograd.examples;

/**
 * The sine example's 1-12-12-1 tanh network trained through its compiled gradient
 * ({@code TwoHiddenLayerNetworkGrad.squaredError}), parameters in the order of
 * {@link io.microautograd.nn.MLP}.
 */
final class CompiledSineModel extends CompiledModel {

    static final int HIDDEN = 12;

    /**
     * A network starting at {@code initial} (for example an {@code MLP}'s parameter values).
     *
     * @throws IllegalArgumentException if {@code initial} does not hold the 193 parameters
     */
    CompiledSineModel(double[] initial) {
        super(initial, TwoHiddenLayerNetwork.parameterCount(1, HIDDEN), "1-12-12-1 weights and biases in MLP order");
    }

    @Override
    double lossAndGradient(double[] parameters, double[][] inputs, double[] targets, double[] gradient) {
        return TwoHiddenLayerNetworkGrad.squaredError(parameters, inputs, targets, HIDDEN, gradient);
    }

    @Override
    double output(double[] parameters, double[] input) {
        return TwoHiddenLayerNetwork.output(parameters, input, HIDDEN, true);
    }
}
