package io.microautograd.compiled;

import io.microautograd.nn.Activation;
import io.microautograd.nn.Layer;
import io.microautograd.nn.LayerSpec;
import io.microautograd.nn.MLP;
import java.util.ArrayList;
import java.util.List;

/**
 * An MLP's architecture (input width and layer specs) and its encoding as the {@code double[]}
 * the compiled kernels read, since the compiler takes no {@code int[]} parameter:
 *
 * <pre>
 * [inputSize, layerCount, unitCount, size_1, activation_1, size_2, activation_2, ...]
 * </pre>
 *
 * where unitCount is the input width plus every layer's size (the length of the kernels'
 * one array of unit values) and each activation is a code of {@link MlpKernels} (RELU, TANH,
 * SIGMOID, LINEAR). Every number is a small integer, exact as a double.
 */
final class MlpLayout {

    private final int inputSize;
    private final List<LayerSpec> layers;
    private final double[] encoded;
    private final int parameterCount;

    MlpLayout(int inputSize, List<LayerSpec> layers) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("the number of inputs must be at least 1, got " + inputSize);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs at least one layer, got none");
        }
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
        this.encoded = new double[MlpKernels.FIRST_LAYER + 2 * layers.size()];
        encoded[MlpKernels.INPUT_SIZE] = inputSize;
        encoded[MlpKernels.LAYER_COUNT] = layers.size();
        int units = inputSize;
        int parameters = 0;
        int nin = inputSize;
        for (int l = 0; l < layers.size(); l++) {
            LayerSpec layer = layers.get(l);
            encoded[MlpKernels.FIRST_LAYER + 2 * l] = layer.size();
            encoded[MlpKernels.FIRST_LAYER + 2 * l + 1] = code(layer.activation());
            units += layer.size();
            parameters += layer.size() * (nin + 1);
            nin = layer.size();
        }
        encoded[MlpKernels.UNIT_COUNT] = units;
        this.parameterCount = parameters;
    }

    /** The architecture of {@code network}. */
    static MlpLayout of(MLP network) {
        List<LayerSpec> specs = new ArrayList<>();
        for (Layer layer : network.layers()) {
            specs.add(new LayerSpec(layer.outputSize(), layer.activation()));
        }
        return new MlpLayout(network.inputSize(), specs);
    }

    int inputSize() {
        return inputSize;
    }

    int outputSize() {
        return layers.get(layers.size() - 1).size();
    }

    List<LayerSpec> layers() {
        return layers;
    }

    int parameterCount() {
        return parameterCount;
    }

    /** The layout array the kernels read; shared, never to be written. */
    double[] encoded() {
        return encoded;
    }

    /** A {@code Value} MLP of this architecture, its weights drawn from {@code seed} as {@link MLP#of} draws them. */
    MLP valueMlp(long seed) {
        return MLP.of(inputSize, seed, layers.toArray(new LayerSpec[0]));
    }

    private static int code(Activation activation) {
        switch (activation) {
            case RELU:
                return MlpKernels.RELU;
            case TANH:
                return MlpKernels.TANH;
            case SIGMOID:
                return MlpKernels.SIGMOID;
            case LINEAR:
                return MlpKernels.LINEAR;
            default:
                throw new IllegalArgumentException("the compiled MLP has no kernel for activation " + activation);
        }
    }
}
