package io.microautograd.examples;

/**
 * The linear model y = w1 x1 + w2 x2 + b trained through its compiled gradient
 * ({@code LinearModelGrad}): one generated call computes the batch's mean squared error and adds
 * its gradient straight into the trainer's array. Parameters in the order w1, w2, b, which is the
 * order of a one-neuron {@code MLP}'s weights and bias.
 */
final class CompiledLinearRegression extends CompiledModel {

    /**
     * A model starting at {@code w1, w2, b}.
     *
     * @throws IllegalArgumentException if there are not exactly three values
     */
    CompiledLinearRegression(double[] initial) {
        super(initial, 3, "w1, w2, b");
    }

    @Override
    double lossAndGradient(double[] parameters, double[][] inputs, double[] targets, double[] gradient) {
        return LinearModelGrad.meanSquaredError(parameters[0], parameters[1], parameters[2], inputs, targets,
                gradient);
    }

    @Override
    double output(double[] parameters, double[] input) {
        return parameters[0] * input[0] + parameters[1] * input[1] + parameters[2];
    }
}
