package io.microautograd.examples;

import io.microautograd.data.Dataset;
import io.microautograd.train.TrainableModel;

/**
 * The linear model y = w1 x1 + w2 x2 + b trained through its compiled gradient
 * ({@code LinearModelGrad}): no graph is built, the generated pullback adds each sample's
 * gradient, scaled by 1/batch size, straight into the trainer's array. Parameters in the order
 * w1, w2, b, which is the order of a one-neuron {@code MLP}'s weights and bias.
 */
final class CompiledLinearRegression implements TrainableModel {

    private final double[] parameters;

    /**
     * A model starting at {@code w1, w2, b}.
     *
     * @throws IllegalArgumentException if there are not exactly three values
     */
    CompiledLinearRegression(double[] initial) {
        if (initial.length != 3) {
            throw new IllegalArgumentException("a linear model of two inputs has 3 parameters (w1, w2, b), got "
                    + initial.length);
        }
        this.parameters = initial.clone();
    }

    @Override
    public int parameterCount() {
        return parameters.length;
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public void setParameters(double[] values) {
        if (values.length != parameters.length) {
            throw new IllegalArgumentException("values must hold 3 parameters (w1, w2, b), got " + values.length);
        }
        System.arraycopy(values, 0, parameters, 0, parameters.length);
    }

    @Override
    public double lossAndGradient(Dataset data, int[] batch, double[] gradient) {
        if (batch.length == 0) {
            throw new IllegalArgumentException("batch must hold at least one sample index, got none");
        }
        double weight = 1.0 / batch.length;
        double loss = 0;
        for (int i : batch) {
            loss += LinearModelGrad.squaredErrorPullback(parameters[0], parameters[1], parameters[2],
                    data.input(i, 0), data.input(i, 1), data.target(i, 0), weight, gradient);
        }
        return loss * weight;
    }

    @Override
    public double[] predict(double[] input) {
        return new double[] {parameters[0] * input[0] + parameters[1] * input[1] + parameters[2]};
    }
}
