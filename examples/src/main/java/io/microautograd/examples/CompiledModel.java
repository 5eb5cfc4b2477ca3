package io.microautograd.examples;

import io.microautograd.data.Dataset;
import io.microautograd.train.TrainableModel;

/**
 * A {@link TrainableModel} whose loss gradient was compiled at build time: the parameters are
 * one {@code double[]} the generated code reads directly, and a subclass supplies the loss of a
 * batch with its gradient and the prediction. No graph is built at any step.
 */
abstract class CompiledModel implements TrainableModel {

    private final double[] parameters;
    private final String layout;

    /**
     * A model starting at {@code initial}.
     *
     * @param count the number of parameters the model has
     * @param layout what the parameters are, in order, for error messages (for example "w1, w2, b")
     * @throws IllegalArgumentException if {@code initial} does not hold {@code count} values
     */
    CompiledModel(double[] initial, int count, String layout) {
        this.layout = layout;
        requireLength("initial", initial, count);
        this.parameters = initial.clone();
    }

    /** The loss of the batch given as rows, its gradient added into {@code gradient}. */
    abstract double lossAndGradient(double[] parameters, double[][] inputs, double[] targets, double[] gradient);

    /** The model's single output for {@code input} at {@code parameters}. */
    abstract double output(double[] parameters, double[] input);

    @Override
    public final int parameterCount() {
        return parameters.length;
    }

    @Override
    public final double[] parameters() {
        return parameters.clone();
    }

    @Override
    public final void setParameters(double[] values) {
        requireLength("values", values, parameters.length);
        System.arraycopy(values, 0, parameters, 0, parameters.length);
    }

    @Override
    public final double lossAndGradient(Dataset data, int[] batch, double[] gradient) {
        if (batch.length == 0) {
            throw new IllegalArgumentException("batch must hold at least one sample index, got none");
        }
        requireLength("gradient", gradient, parameters.length);
        double[][] inputs = new double[batch.length][];
        double[] targets = new double[batch.length];
        for (int i = 0; i < batch.length; i++) {
            inputs[i] = data.input(batch[i]);
            targets[i] = data.target(batch[i], 0);
        }
        return lossAndGradient(parameters, inputs, targets, gradient);
    }

    @Override
    public final double[] predict(double[] input) {
        return new double[] {output(parameters, input)};
    }

    private void requireLength(String name, double[] values, int count) {
        if (values.length != count) {
            throw new IllegalArgumentException(name + " must hold " + count + " parameters (" + layout + "), got "
                    + values.length);
        }
    }
}
