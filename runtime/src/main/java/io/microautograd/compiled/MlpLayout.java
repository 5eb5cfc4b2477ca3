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
 * [inputSize, outputSize, layerCount, unitCount, weightRows, widest,
 *  then per layer: fanIn, size, firstWeight, firstUnit, firstRow, activation]
 * </pre>
 *
 * where unitCount is the number of computed units (every layer's size: the width of a sample's
 * row of sums and activations, the layers in order), weightRows the sum of the layers' fan-ins
 * (the row kernel's rows of weights, one per input of a layer) and widest the size of
 * the largest layer (their length). Each layer gives how many units it reads (the previous
 * layer, or the inputs), its size, where its parameters start (in the compiled order below),
 * where its units start in a sample's row, where its
 * rows of weights start, and its activation as a code of {@link MlpKernels} (RELU,
 * TANH, SIGMOID, LINEAR).
 *
 * <p>The kernels read the parameters in the <em>compiled order</em>: layer by layer as in
 * {@link MLP}'s documented order, and within a layer of {@code size} units reading {@code fanIn}
 * units, the weight of input i of unit j at {@code i * size + j} and the bias of unit j at
 * {@code fanIn * size + j}. It is the transpose, within each layer, of {@link MLP}'s order (unit
 * j's weights in input order and then its bias at {@code j * (fanIn + 1)}), so that one input's
 * weights to every unit of a layer are a contiguous run: the row kernel's inner loops walk it.
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
        int[] encoded = new int[MlpKernels.FIRST_LAYER + MlpKernels.LAYER_FIELDS * layers.size()];
        encoded[MlpKernels.INPUT_SIZE] = inputSize;
        encoded[MlpKernels.OUTPUT_SIZE] = layers.get(layers.size() - 1).size();
        encoded[MlpKernels.LAYER_COUNT] = layers.size();
        int record = MlpKernels.FIRST_LAYER;
        int fanIn = inputSize;
        int firstWeight = 0;
        int firstUnit = 0;
        int firstRow = 0;
        int widest = 0;
        for (LayerSpec layer : layers) {
            encoded[record + MlpKernels.FAN_IN] = fanIn;
            encoded[record + MlpKernels.SIZE] = layer.size();
            encoded[record + MlpKernels.FIRST_WEIGHT] = firstWeight;
            encoded[record + MlpKernels.FIRST_UNIT] = firstUnit;
            encoded[record + MlpKernels.FIRST_ROW] = firstRow;
            encoded[record + MlpKernels.ACTIVATION] = code(layer.activation());
            record += MlpKernels.LAYER_FIELDS;
            firstWeight += layer.size() * (fanIn + 1);
            firstUnit += layer.size();
            firstRow += fanIn;
            widest = Math.max(widest, layer.size());
            fanIn = layer.size();
        }
        encoded[MlpKernels.UNIT_COUNT] = firstUnit;
        encoded[MlpKernels.WEIGHT_ROWS] = firstRow;
        encoded[MlpKernels.WIDEST] = widest;
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

    /** {@code values}, one per parameter in {@link MLP}'s order, in the compiled order. */
    double[] toCompiledOrder(double[] values) {
        return reorder(values, true);
    }

    /** {@code values}, one per parameter in the compiled order, in {@link MLP}'s order. */
    double[] toNetworkOrder(double[] values) {
        return reorder(values, false);
    }

    /** A copy of {@code values} moved from one order into the other, each layer's block transposed. */
    private double[] reorder(double[] values, boolean toCompiled) {
        double[] reordered = new double[values.length];
        int first = 0;
        int fanIn = inputSize;
        for (LayerSpec layer : layers) {
            int size = layer.size();
            for (int j = 0; j < size; j++) {
                for (int i = 0; i <= fanIn; i++) {
                    int network = first + j * (fanIn + 1) + i;
                    int compiled = first + i * size + j;
                    if (toCompiled) {
                        reordered[compiled] = values[network];
                    } else {
                        reordered[network] = values[compiled];
                    }
                }
            }
            first += size * (fanIn + 1);
            fanIn = size;
        }
        return reordered;
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
