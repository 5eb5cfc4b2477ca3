package io.microautograd.examples;

import io.microautograd.Differentiable;

/**
 * A multilayer perceptron with two hidden layers of the same width and one linear output, and
 * the training losses of the moons and sine examples, as plain Java that the build
 * differentiates: the processor writes {@code TwoHiddenLayerNetworkGrad} with the gradients with
 * respect to {@code params}.
 *
 * <p>{@code params} holds the parameters in the order of {@link io.microautograd.nn.MLP}: layer by
 * layer, neuron by neuron, each neuron's weights then its bias; {@link #parameterCount} says how
 * many. So one array describes this network and the {@code MLP} with the same layers, and the
 * sums run in the order the {@code Value} engine's neurons add their terms: both paths compute
 * the same numbers to the last bit.
 */
public final class TwoHiddenLayerNetwork {

    private TwoHiddenLayerNetwork() {
    }

    /** The number of parameters with {@code inputs} inputs and two hidden layers of {@code hidden} units. */
    public static int parameterCount(int inputs, int hidden) {
        return (inputs + 1) * hidden + (hidden + 1) * hidden + hidden + 1;
    }

    /**
     * The network's output for one input: hidden layers of {@code hidden} units with tanh
     * ({@code tanh} true) or relu, then one linear unit.
     */
    @Differentiable(wrt = {"params"})
    public static double output(double[] params, double[] input, int hidden, boolean tanh) {
        int width = input.length;
        double[] first = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            int at = (width + 1) * j;
            double z = 0;
            for (int i = 0; i < width; i++) {
                z += params[at + i] * input[i];
            }
            first[j] = activation(z + params[at + width], tanh);
        }
        double[] second = new double[hidden];
        for (int k = 0; k < hidden; k++) {
            int at = (width + 1) * hidden + (hidden + 1) * k;
            double z = 0;
            for (int j = 0; j < hidden; j++) {
                z += params[at + j] * first[j];
            }
            second[k] = activation(z + params[at + hidden], tanh);
        }
        int at = (width + 1) * hidden + (hidden + 1) * hidden;
        double z = 0;
        for (int j = 0; j < hidden; j++) {
            z += params[at + j] * second[j];
        }
        return z + params[at + hidden];
    }

    /** tanh, or relu as max(0, z) (whose derivative at 0 is 0, as the engine's relu). */
    @Differentiable
    public static double activation(double z, boolean tanh) {
        return tanh ? Math.tanh(z) : Math.max(0, z);
    }

    /**
     * micrograd's moons loss for a relu network: the mean hinge loss max(0, 1 - s * output) over
     * the samples, with s = +1 for label 1 and -1 for label 0, plus {@code l2} times the sum of
     * the squared parameters.
     */
    @Differentiable(wrt = {"params"})
    public static double hingeLoss(double[] params, double[][] inputs, double[] labels, int hidden, double l2) {
        double total = 0;
        for (int s = 0; s < inputs.length; s++) {
            double sign = labels[s] == 1 ? 1 : -1;
            total += Math.max(0, 1 - sign * output(params, inputs[s], hidden, false));
        }
        double penalty = 0;
        for (int k = 0; k < params.length; k++) {
            penalty += params[k] * params[k];
        }
        return total * (1.0 / inputs.length) + penalty * l2;
    }

    /** The mean squared error of a tanh network over the samples. */
    @Differentiable(wrt = {"params"})
    public static double squaredError(double[] params, double[][] inputs, double[] targets, int hidden) {
        double total = 0;
        for (int s = 0; s < inputs.length; s++) {
            double error = output(params, inputs[s], hidden, true) - targets[s];
            total += error * error;
        }
        return total * (1.0 / inputs.length);
    }
}
