package io.microautograd.nn;

import io.microautograd.engine.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A multi-layer perceptron: fully connected {@link Layer}s applied one after another. The Java
 * form of the seed's {@code MLP(2, [(4, "relu"), (4, "relu"), (1, "linear")])}:
 *
 * <pre>{@code
 * import static io.microautograd.nn.LayerSpec.layer;
 *
 * MLP model = MLP.of(2, 42, layer(4, RELU), layer(4, RELU), layer(1, LINEAR));
 * Value[] out = model.forward(new double[] {2.0, 3.0});
 * }</pre>
 *
 * <p><b>Parameter order</b> (of {@link #parameters()} and every flat view of them): layer by
 * layer from the input; within a layer, neuron by neuron; within a neuron, its weights in input
 * order, then its bias. For a layer with {@code nin} inputs, neuron {@code j}'s weight {@code i}
 * therefore sits at {@code offset + j * (nin + 1) + i} and its bias at
 * {@code offset + j * (nin + 1) + nin}, where {@code offset} counts the parameters of the
 * earlier layers. Code that computes the same network on a flat {@code double[]} (for example a
 * compiled gradient) must use this order so that the two can share optimizers and checkpoints.
 *
 * <p><b>Initialisation</b> is reproducible: one {@link Random} seeded with {@code seed} draws
 * every weight, in parameter order, with the scale the layer's activation asks for
 * ({@link Activation#initialization()}); biases start at 0.
 */
public final class MLP implements Module {

    private final int inputSize;
    private final List<Layer> layers;
    private final List<Value> parameters;

    private MLP(int inputSize, long seed, LayerSpec[] specs) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("the number of inputs must be at least 1, got " + inputSize);
        }
        if (specs.length == 0) {
            throw new IllegalArgumentException("an MLP needs at least one layer, got none");
        }
        Random random = new Random(seed);
        List<Layer> made = new ArrayList<>(specs.length);
        List<Value> all = new ArrayList<>();
        int nin = inputSize;
        for (LayerSpec spec : specs) {
            if (spec == null) {
                throw new IllegalArgumentException("layer specs must not be null, got " + Arrays.toString(specs));
            }
            Layer layer = new Layer(nin, spec.size(), spec.activation(), random);
            made.add(layer);
            all.addAll(layer.parameters());
            nin = spec.size();
        }
        this.inputSize = inputSize;
        this.layers = Collections.unmodifiableList(made);
        this.parameters = Collections.unmodifiableList(all);
    }

    /**
     * An MLP reading {@code inputSize} numbers through the given layers, in order, with weights
     * drawn from {@code seed}.
     */
    public static MLP of(int inputSize, long seed, LayerSpec... layers) {
        return new MLP(inputSize, seed, layers.clone());
    }

    /** The network's outputs for {@code x}, as nodes of one graph whose leaves are the parameters and {@code x}. */
    public Value[] forward(Value[] x) {
        requireInputSize(x.length);
        Value[] signal = x;
        for (Layer layer : layers) {
            signal = layer.forward(signal);
        }
        return signal;
    }

    /** The network's outputs for {@code x}, which enters the graph as constant leaves. */
    public Value[] forward(double[] x) {
        return forward(Value.of(x));
    }

    /** The network's outputs for {@code x} on plain doubles, without building a graph: for evaluation. */
    public double[] predict(double[] x) {
        requireInputSize(x.length);
        double[] signal = x;
        for (Layer layer : layers) {
            signal = layer.predict(signal);
        }
        return signal;
    }

    /** The layers, from the input to the output. */
    public List<Layer> layers() {
        return layers;
    }

    /** The number of inputs. */
    public int inputSize() {
        return inputSize;
    }

    /** The number of outputs: the size of the last layer. */
    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /** Every parameter in the order the class documentation gives. */
    @Override
    public List<Value> parameters() {
        return parameters;
    }

    /**
     * A summary: the sizes and activations of the layers and the parameter count, for example
     * {@code MLP(2 -> 4 relu -> 4 relu -> 1 linear, 37 parameters)}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("MLP(").append(inputSize);
        for (Layer layer : layers) {
            text.append(" -> ").append(layer.outputSize()).append(' ').append(layer.activation().seedName());
        }
        return text.append(", ").append(parameters.size()).append(" parameters)").toString();
    }

    private void requireInputSize(int actual) {
        if (actual != inputSize) {
            throw new IllegalArgumentException("input must have length " + inputSize + ", got " + actual);
        }
    }
}
