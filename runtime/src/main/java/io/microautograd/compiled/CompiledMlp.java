package io.microautograd.compiled;

import io.microautograd.nn.LayerSpec;
import io.microautograd.nn.MLP;
import java.util.List;

/**
 * A multi-layer perceptron on one flat {@code double[]} of parameters, its gradients compiled at
 * build time: the twin of {@link MLP} with the same architecture spec, the same activations
 * and the same documented parameter order (layer by layer, neuron by neuron, each neuron's
 * weights in input order then its bias), so weights move between the two unchanged.
 *
 * <pre>{@code
 * CompiledMlp net = CompiledMlp.of(2, 42, layer(16, RELU), layer(16, RELU), layer(1, LINEAR));
 * MLP same = net.toValueMlp();               // a Value-engine network with the same weights
 * CompiledMlp back = CompiledMlp.from(same); // and back
 * }</pre>
 *
 * <p>{@link #of} draws the initial weights exactly as {@link MLP#of} does with the same seed.
 * Train it with a {@link CompiledMlpModel}. Prediction runs a plain forward pass of one sample
 * that computes what the training kernel computes, bit for bit.
 *
 * <p>The network keeps its parameters in the order its kernels read, each layer's weights
 * transposed, so that training moves no parameter between orders; {@link #parameters()} and
 * {@link #setParameters(double[])} speak {@link MLP}'s order, and {@link CompiledMlpModel} the
 * kernels' (see {@link CompiledMlpModel#toNetworkOrder(double[])}).
 */
public final class CompiledMlp {

    private final MlpLayout layout;
    /** In the compiled order (see {@link MlpLayout}). */
    private final double[] parameters;

    /** The network {@code layout} with the parameters {@code values}, given in {@link MLP}'s order. */
    private CompiledMlp(MlpLayout layout, double[] values) {
        this.layout = layout;
        this.parameters = layout.toCompiledOrder(values);
    }

    /**
     * An MLP reading {@code inputSize} numbers through {@code layers}, with the weights
     * {@code MLP.of(inputSize, seed, layers)} would draw.
     */
    public static CompiledMlp of(int inputSize, long seed, LayerSpec... layers) {
        MlpLayout layout = new MlpLayout(inputSize, List.of(layers.clone()));
        return new CompiledMlp(layout, layout.valueMlp(seed).parameterValues());
    }

    /** An MLP with {@code network}'s architecture and a copy of its current weights. */
    public static CompiledMlp from(MLP network) {
        return new CompiledMlp(MlpLayout.of(network), network.parameterValues());
    }

    /** A new {@code Value}-engine MLP with this architecture and a copy of the current weights. */
    public MLP toValueMlp() {
        MLP network = layout.valueMlp(0);
        network.setParameterValues(parameters());
        return network;
    }

    /** The network's outputs for {@code x}. */
    public double[] predict(double[] x) {
        return predict(layout, parameters, x);
    }

    /** The outputs for {@code x} of the network {@code layout} with parameters {@code params} in the compiled order. */
    static double[] predict(MlpLayout layout, double[] params, double[] x) {
        if (x.length != layout.inputSize()) {
            throw new IllegalArgumentException("input must have length " + layout.inputSize() + ", got " + x.length);
        }
        DenseProducts products = DenseProducts.VECTORIZED;
        return products != null ? LayerwiseBatch.outputs(layout.encoded(), products, params, x)
                : MlpKernels.outputs(params, layout.encoded(), x);
    }

    /** A copy of the parameters, in the documented order. */
    public double[] parameters() {
        return layout.toNetworkOrder(parameters);
    }

    /**
     * Replaces the parameters by {@code values}, in the documented order.
     *
     * @throws IllegalArgumentException if {@code values} does not hold one number per parameter
     */
    public void setParameters(double[] values) {
        if (values.length != parameters.length) {
            throw new IllegalArgumentException("values must hold one number per parameter (" + parameters.length
                    + "), got " + values.length);
        }
        System.arraycopy(layout.toCompiledOrder(values), 0, parameters, 0, values.length);
    }

    /** The number of parameters. */
    public int parameterCount() {
        return parameters.length;
    }

    /** The number of inputs. */
    public int inputSize() {
        return layout.inputSize();
    }

    /** The number of outputs: the size of the last layer. */
    public int outputSize() {
        return layout.outputSize();
    }

    /** The layers' sizes and activations, from the input to the output. */
    public List<LayerSpec> layers() {
        return layout.layers();
    }

    MlpLayout layout() {
        return layout;
    }

    /** The live parameter array, in the compiled order, for the model that trains this network in place. */
    double[] parameterArray() {
        return parameters;
    }

    /**
     * A summary in {@link MLP#toString()}'s form, for example
     * {@code CompiledMlp(2 -> 16 relu -> 1 linear, 65 parameters)}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("CompiledMlp(").append(layout.inputSize());
        for (LayerSpec layer : layout.layers()) {
            text.append(" -> ").append(layer.size()).append(' ').append(layer.activation().seedName());
        }
        return text.append(", ").append(parameters.length).append(" parameters)").toString();
    }
}
