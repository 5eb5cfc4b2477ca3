package io.microautograd.compiled;

import io.microautograd.Differentiable;
import io.microautograd.losses.Loss;

/**
 * The compiled MLP's forward pass and losses, written as plain Java over the flat parameter
 * array and compiled to reverse-mode gradients by our annotation processor at build time (into
 * {@code MlpKernelsGrad}). Only {@code params} is differentiated.
 *
 * <p>The parameters are in the compiled order {@link MlpLayout} documents (layer by layer, each
 * layer's weights input by input, each input's weights to the layer's units in order, then the
 * layer's biases: within each layer, the transpose of {@link io.microautograd.nn.MLP}'s). Each
 * activation and loss is written the way the {@code Value} engine computes it, operation for
 * operation; a dot product is summed four inputs at a time, another order than the engine's, so
 * the two paths agree to rounding. The architecture arrives as an {@code int[]} layout, which the kernels only
 * read; {@link MlpLayout} builds and documents it.
 */
final class MlpKernels {

    /** Activation codes in a layout; {@link MlpLayout} maps {@link io.microautograd.nn.Activation}s onto them. */
    static final int RELU = 0;
    static final int TANH = 1;
    static final int SIGMOID = 2;
    static final int LINEAR = 3;

    /**
     * Positions in a layout: the input width, the output width, the number of layers, of computed
     * units, of rows of transposed weights, and the size of the largest layer.
     */
    static final int INPUT_SIZE = 0;
    static final int OUTPUT_SIZE = 1;
    static final int LAYER_COUNT = 2;
    static final int UNIT_COUNT = 3;
    static final int WEIGHT_ROWS = 4;
    static final int WIDEST = 5;
    /** Where the records of the layers start, {@link #LAYER_FIELDS} numbers each. */
    static final int FIRST_LAYER = 6;
    static final int LAYER_FIELDS = 6;
    /**
     * The fields of a layer's record: how many units it reads, its size, the position of its first
     * weight in the parameters, of its first unit in a sample's row, of its first row of
     * transposed weights, and its activation code.
     */
    static final int FAN_IN = 0;
    static final int SIZE = 1;
    static final int FIRST_WEIGHT = 2;
    static final int FIRST_UNIT = 3;
    static final int FIRST_ROW = 4;
    static final int ACTIVATION = 5;

    /** The codes {@link #sampleLoss} selects a {@link Loss} by. */
    static final int MSE = 0;
    static final int BINARY_CROSS_ENTROPY = 1;
    static final int BINARY_CROSS_ENTROPY_WITH_LOGITS = 2;
    static final int HINGE = 3;
    static final int SOFTMAX_CROSS_ENTROPY = 4;

    /**
     * How many inputs one pass of a dot product combines. Private, so that the processor reads it
     * as the literal it is: a loop stepping by a constant it reads as a field records its index
     * instead of counting it.
     */
    private static final int GROUP = 4;
    /** How many samples one pass over a group of weight rows serves, so that the rows stay in cache. */
    private static final int BLOCK = 16;

    private MlpKernels() {
    }

    /** The code of {@code loss} in the kernels: every {@link Loss} has one, or this does not compile. */
    static int code(Loss loss) {
        return switch (loss) {
            case MSE -> MSE;
            case BINARY_CROSS_ENTROPY -> BINARY_CROSS_ENTROPY;
            case BINARY_CROSS_ENTROPY_WITH_LOGITS -> BINARY_CROSS_ENTROPY_WITH_LOGITS;
            case HINGE -> HINGE;
            case SOFTMAX_CROSS_ENTROPY -> SOFTMAX_CROSS_ENTROPY;
        };
    }

    /**
     * The outputs of the network {@code layout} at {@code params} for the one input {@code x}:
     * the kernels' forward pass for a single sample, for predictions, on the parameters as they
     * are. It sums each dot product four inputs at a time, adds the bias and applies the
     * activation exactly as {@link #rowBatch} and {@link #columnBatch} do, so a prediction sees
     * the numbers a training step sees, bit for bit (a test holds the three together).
     */
    static double[] outputs(double[] params, int[] layout, double[] x) {
        double[] in = x;
        for (int l = 0; l < layout[LAYER_COUNT]; l++) {
            int record = FIRST_LAYER + LAYER_FIELDS * l;
            int fanIn = layout[record + FAN_IN];
            int grouped = fanIn - fanIn % GROUP;
            int size = layout[record + SIZE];
            double[] out = new double[size];
            for (int j = 0; j < size; j++) {
                // params[w + i * size] is the weight of input i of unit j, params[w + fanIn * size] its bias.
                int w = layout[record + FIRST_WEIGHT] + j;
                double z = 0;
                for (int i = 0; i < grouped; i += GROUP) {
                    z += in[i] * params[w + i * size] + in[i + 1] * params[w + (i + 1) * size]
                            + in[i + 2] * params[w + (i + 2) * size] + in[i + 3] * params[w + (i + 3) * size];
                }
                for (int i = grouped; i < fanIn; i++) {
                    z += in[i] * params[w + i * size];
                }
                out[j] = activate(z + params[w + fanIn * size], layout[record + ACTIVATION]);
            }
            in = out;
        }
        return in;
    }

    /**
     * The summed loss ({@link #sampleLoss}, selected by a code) of a run of samples on the network
     * {@code layout} at {@code params}, the inputs in columns: {@code inputs[i][s]} is input i of
     * sample s; {@code targets[s]} is sample s's target row. For narrow layers: see
     * {@link SampleLayout}.
     *
     * <p>Written for the generated gradient. Every loop of the forward pass, and of the reverse
     * pass generated from it, runs over the samples, long and unit-stride. Each unit's dot product
     * is summed four inputs at a time, their weights in scalar locals: the reverse pass then adds
     * four weights' partials in four independent registers as it walks the samples, instead of
     * reading and writing the gradient array per sample. The sums and the activations live in
     * separate matrices, and the pre-activation passes through a local, so the sums are never
     * taped: the reverse pass tapes one pre-activation and one overwritten activation per unit
     * and sample. The inputs are copied into the activations' first rows, so every layer reads
     * one matrix. The matrices, like the tapes, are kept per thread by the generated code between
     * calls.
     */
    @Differentiable(wrt = "params")
    static double columnBatch(double[] params, int[] layout, double[][] inputs, double[][] targets, int loss) {
        int n = inputs[0].length;
        int inputCount = layout[INPUT_SIZE];
        int unitCount = inputCount + layout[UNIT_COUNT];
        double[][] values = new double[unitCount][n];
        double[][] sums = new double[unitCount][n];
        for (int i = 0; i < inputCount; i++) {
            for (int s = 0; s < n; s++) {
                values[i][s] = inputs[i][s];
            }
        }
        for (int l = 0; l < layout[LAYER_COUNT]; l++) {
            int record = FIRST_LAYER + LAYER_FIELDS * l;
            int fanIn = layout[record + FAN_IN];
            int first = inputCount + layout[record + FIRST_UNIT];
            int in = first - fanIn;
            int grouped = fanIn - fanIn % GROUP;
            int activation = layout[record + ACTIVATION];
            int size = layout[record + SIZE];
            for (int j = 0; j < size; j++) {
                // params[w + i * size] is the weight of input i of unit j, params[w + fanIn * size] its bias.
                int w = layout[record + FIRST_WEIGHT] + j;
                double[] z = sums[first + j];
                for (int i = 0; i < grouped; i += GROUP) {
                    double w0 = params[w + i * size];
                    double w1 = params[w + (i + 1) * size];
                    double w2 = params[w + (i + 2) * size];
                    double w3 = params[w + (i + 3) * size];
                    double[] a0 = values[in + i];
                    double[] a1 = values[in + i + 1];
                    double[] a2 = values[in + i + 2];
                    double[] a3 = values[in + i + 3];
                    for (int s = 0; s < n; s++) {
                        z[s] += w0 * a0[s] + w1 * a1[s] + w2 * a2[s] + w3 * a3[s];
                    }
                }
                for (int i = grouped; i < fanIn; i++) {
                    double weight = params[w + i * size];
                    double[] a = values[in + i];
                    for (int s = 0; s < n; s++) {
                        z[s] += weight * a[s];
                    }
                }
                double bias = params[w + fanIn * size];
                double[] out = values[first + j];
                for (int s = 0; s < n; s++) {
                    // Through a local, as in rowBatch.
                    double pre = z[s] + bias;
                    out[s] = activation == RELU ? (pre > 0 ? pre : 0)
                            : activation == LINEAR ? pre : curved(pre, activation);
                }
            }
        }
        int outputs = layout[OUTPUT_SIZE];
        double[] row = new double[outputs];
        double total = 0;
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < outputs; k++) {
                row[k] = values[unitCount - outputs + k][s];
            }
            total += sampleLoss(row, 0, outputs, targets[s], loss);
        }
        return total;
    }

    /**
     * The summed loss ({@link #sampleLoss}, selected by a code) of a run of samples on the network
     * {@code layout}, the samples in rows: {@code inputs[s]} is sample s's input row and
     * {@code targets[s]} its target row. The weights are the parameters' runs of one input's
     * weights, one row each ({@link KernelParameters}): {@code weights[row + i][unit + j]} is the
     * weight of input i of the layer's neuron j, whose bias is {@code biases[unit + j]}. For wide
     * layers: see {@link SampleLayout}.
     *
     * <p>Written for the generated gradient. Each layer's innermost loop runs over the layer's
     * neurons, {@code j} indexing the sums and the weights alike, and updates the sums element by
     * element, {@code z[j] += a0 * w0[j] + ... + a3 * w3[j]}, four inputs per pass, for a block of
     * {@link #BLOCK} samples per pass over those inputs' weights, which so stay in cache. Its
     * reversal updates the weights' adjoints element by element too ({@code dW0[j] += dZ[j] * a0}),
     * which the JIT vectorises like the forward loop; with the samples as the inner loop, as in
     * {@link #columnBatch}, each weight's partial is a sum over the samples, which the JIT keeps
     * scalar and in order. The first layer reads the inputs themselves, which are constants, so its
     * reversal computes no partials with respect to them: a layer reading a hidden layer does,
     * summing over its own neurons. The sums and the activations live in separate matrices, and
     * the pre-activation passes through a local, so the sums are never taped: the reverse pass
     * tapes one pre-activation per unit and sample. The matrices, like the tapes, are kept per
     * thread by the generated code between calls.
     */
    @Differentiable(wrt = {"weights", "biases"})
    static double rowBatch(double[][] weights, double[] biases, int[] layout, double[][] inputs, double[][] targets,
            int loss) {
        int n = inputs.length;
        int units = layout[UNIT_COUNT];
        double[][] sums = new double[n][units];
        double[][] values = new double[n][units];
        for (int l = 0; l < layout[LAYER_COUNT]; l++) {
            int record = FIRST_LAYER + LAYER_FIELDS * l;
            int fanIn = layout[record + FAN_IN];
            int unit = layout[record + FIRST_UNIT];
            int end = unit + layout[record + SIZE];
            int row = layout[record + FIRST_ROW];
            int grouped = fanIn - fanIn % GROUP;
            if (l == 0) {
                for (int first = 0; first < n; first += BLOCK) {
                    int last = Math.min(first + BLOCK, n);
                    for (int i = 0; i < grouped; i += GROUP) {
                        double[] w0 = weights[row + i];
                        double[] w1 = weights[row + i + 1];
                        double[] w2 = weights[row + i + 2];
                        double[] w3 = weights[row + i + 3];
                        for (int s = first; s < last; s++) {
                            double[] x = inputs[s];
                            double[] z = sums[s];
                            double x0 = x[i];
                            double x1 = x[i + 1];
                            double x2 = x[i + 2];
                            double x3 = x[i + 3];
                            for (int j = unit; j < end; j++) {
                                z[j] += x0 * w0[j] + x1 * w1[j] + x2 * w2[j] + x3 * w3[j];
                            }
                        }
                    }
                    for (int i = grouped; i < fanIn; i++) {
                        double[] wi = weights[row + i];
                        for (int s = first; s < last; s++) {
                            double[] z = sums[s];
                            double xi = inputs[s][i];
                            for (int j = unit; j < end; j++) {
                                z[j] += xi * wi[j];
                            }
                        }
                    }
                }
            } else {
                int in = unit - fanIn;
                for (int first = 0; first < n; first += BLOCK) {
                    int last = Math.min(first + BLOCK, n);
                    for (int i = 0; i < grouped; i += GROUP) {
                        double[] w0 = weights[row + i];
                        double[] w1 = weights[row + i + 1];
                        double[] w2 = weights[row + i + 2];
                        double[] w3 = weights[row + i + 3];
                        for (int s = first; s < last; s++) {
                            double[] a = values[s];
                            double[] z = sums[s];
                            double a0 = a[in + i];
                            double a1 = a[in + i + 1];
                            double a2 = a[in + i + 2];
                            double a3 = a[in + i + 3];
                            for (int j = unit; j < end; j++) {
                                z[j] += a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j];
                            }
                        }
                    }
                    for (int i = grouped; i < fanIn; i++) {
                        double[] wi = weights[row + i];
                        for (int s = first; s < last; s++) {
                            double[] z = sums[s];
                            double ai = values[s][in + i];
                            for (int j = unit; j < end; j++) {
                                z[j] += ai * wi[j];
                            }
                        }
                    }
                }
            }
            int activation = layout[record + ACTIVATION];
            for (int s = 0; s < n; s++) {
                double[] z = sums[s];
                double[] out = values[s];
                for (int j = unit; j < end; j++) {
                    // Through a local, which the reverse pass tapes once per sample; read from z
                    // there, every sum z accumulated would be taped to restore it. Relu and identity
                    // are written out, so their reverse runs inline; only tanh and sigmoid call a pullback.
                    double pre = z[j] + biases[j];
                    out[j] = activation == RELU ? (pre > 0 ? pre : 0)
                            : activation == LINEAR ? pre : curved(pre, activation);
                }
            }
        }
        int outputs = layout[OUTPUT_SIZE];
        double total = 0;
        for (int s = 0; s < n; s++) {
            total += sampleLoss(values[s], units - outputs, outputs, targets[s], loss);
        }
        return total;
    }

    /** The activation {@code activation} of a unit whose pre-activation is {@code pre}, as the kernels compute it. */
    @Differentiable(wrt = "pre")
    static double activate(double pre, int activation) {
        return activation == RELU ? (pre > 0 ? pre : 0) : activation == LINEAR ? pre : curved(pre, activation);
    }

    /** tanh, or the sigmoid computed as {@code Value}'s, which never overflows. */
    @Differentiable(wrt = "z")
    static double curved(double z, int activation) {
        if (activation == TANH) {
            return Math.tanh(z);
        }
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /**
     * The loss {@code loss} (a code of {@link #code}) of the {@code count} outputs
     * {@code outputs[first]} on against the target row {@code target}, computed as the
     * {@link Loss} constant's formula computes it on the {@code Value} engine.
     */
    @Differentiable(wrt = "outputs")
    static double sampleLoss(double[] outputs, int first, int count, double[] target, int loss) {
        if (loss == MSE) {
            double squares = 0;
            for (int k = 0; k < count; k++) {
                double error = outputs[first + k] - target[k];
                squares += error * error;
            }
            return squares * (1.0 / count);
        }
        if (loss == SOFTMAX_CROSS_ENTROPY) {
            double largest = outputs[first];
            for (int k = 1; k < count; k++) {
                largest = Math.max(largest, outputs[first + k]);
            }
            double sum = 0;
            for (int k = 0; k < count; k++) {
                sum += Math.exp(outputs[first + k] - largest);
            }
            return Math.log(sum) - (outputs[first + (int) target[0]] - largest);
        }
        double output = outputs[first];
        double t = target[0];
        if (loss == BINARY_CROSS_ENTROPY) {
            double p = Math.min(Math.max(output, Loss.PROBABILITY_EPSILON), 1 - Loss.PROBABILITY_EPSILON);
            return -(Math.log(p) * t + Math.log(1 - p) * (1 - t));
        }
        if (loss == BINARY_CROSS_ENTROPY_WITH_LOGITS) {
            if (output >= 0) {
                return output * (1 - t) + Math.log1p(Math.exp(-output));
            }
            return output * -t + Math.log1p(Math.exp(output));
        }
        double sign = t == 1 ? 1 : -1;
        double margin = output * -sign + 1;
        return margin > 0 ? margin : 0;
    }

    /** The L2 penalty strength * sum p^2, as {@code Losses.l2}. */
    @Differentiable(wrt = "params")
    static double l2(double[] params, double strength) {
        double sum = 0;
        for (int i = 0; i < params.length; i++) {
            sum += params[i] * params[i];
        }
        return sum * strength;
    }
}
