package io.microautograd.compiled;

import io.microautograd.nn.Activation;
import io.microautograd.nn.Layer;
import io.microautograd.nn.LayerSpec;
import io.microautograd.nn.MLP;
import java.util.ArrayList;
import java.util.List;

/**
 * An MLP's architecture (input width and layer specs) and its encoding as the {@code int[]} the
 * compiled kernels read (a read-only parameter of theirs):
 *
 * <pre>
 * [inputSize, outputSize, unitCount, then per computed unit: firstInput, fanIn, firstWeight, activation]
 * </pre>
 *
 * where unitCount is the input width plus every layer's size (the length of the kernels' one
 * array of unit values, the inputs first, then the layers in order), and each computed unit,
 * layer by layer, gives the first of the consecutive units it reads (the previous layer), how
 * many it reads, where its weights start in the parameters (its bias follows them) and its
 * activation as a code of {@link MlpKernels} (RELU, TANH, SIGMOID, LINEAR).
 */
final class MlpLayout {

    private final int inputSize;
    private final List<LayerSpec> layers;
    private final int[] encoded;

    MlpLayout(int inputSize, List<LayerSpec> layers) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("the number of inputs must be at least 1, got " + inputSize);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs at least one layer, got none");
        }
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
        this.encoded = encode(inputSize, this.layers);
    }

    /** The layout array of the network reading {@code inputSize} numbers through {@code layers}. */
    private static int[] encode(int inputSize, List<LayerSpec> layers) {
        int units = inputSize;
        for (LayerSpec layer : layers) {
            units += layer.size();
        }
        int[] encoded = new int[MlpKernels.FIRST_UNIT + MlpKernels.UNIT_FIELDS * (units - inputSize)];
        encoded[MlpKernels.INPUT_SIZE] = inputSize;
        encoded[MlpKernels.OUTPUT_SIZE] = layers.get(layers.size() - 1).size();
        encoded[MlpKernels.UNIT_COUNT] = units;
        int record = MlpKernels.FIRST_UNIT;
        int firstInput = 0;
        int fanIn = inputSize;
        int firstWeight = 0;
        for (LayerSpec layer : layers) {
            for (int j = 0; j < layer.size(); j++) {
                encoded[record + MlpKernels.FIRST_INPUT] = firstInput;
                encoded[record + MlpKernels.FAN_IN] = fanIn;
                encoded[record + MlpKernels.FIRST_WEIGHT] = firstWeight;
                encoded[record + MlpKernels.ACTIVATION] = code(layer.activation());
                record += MlpKernels.UNIT_FIELDS;
                firstWeight += fanIn + 1;
            }
            firstInput += fanIn;
            fanIn = layer.size();
        }
        return encoded;
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

    /** The layout array the kernels read; shared, never to be written. */
    int[] encoded() {
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
