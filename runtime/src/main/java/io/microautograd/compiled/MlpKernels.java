package io.microautograd.compiled;

import io.microautograd.Differentiable;
import io.microautograd.losses.Losses;
import java.util.Arrays;

/**
 * The compiled MLP's forward pass and losses, written as plain Java over the flat parameter
 * array and compiled to reverse-mode gradients by our annotation processor at build time (into
 * {@code MlpKernelsGrad}). Only {@code params} is differentiated.
 *
 * <p>The parameters follow {@link io.microautograd.nn.MLP}'s documented order (layer by layer,
 * neuron by neuron, each neuron's weights in input order then its bias). Each activation and
 * loss is written the way the {@code Value} engine computes it, operation for operation; a dot
 * product is summed four inputs at a time, another order than the engine's, so the two paths
 * agree to rounding. The architecture arrives as an {@code int[]} layout, which the kernels only
 * read; {@link MlpLayout} builds and documents it.
 */
final class MlpKernels {

    /** Activation codes in a layout; {@link MlpLayout} maps {@link io.microautograd.nn.Activation}s onto them. */
    static final int RELU = 0;
    static final int TANH = 1;
    static final int SIGMOID = 2;
    static final int LINEAR = 3;

    /** Positions in a layout: the input width, the output width, the number of units (inputs included). */
    static final int INPUT_SIZE = 0;
    static final int OUTPUT_SIZE = 1;
    static final int UNIT_COUNT = 2;
    /** Where the records of the computed units start, {@link #UNIT_FIELDS} numbers each. */
    static final int FIRST_UNIT = 3;
    static final int UNIT_FIELDS = 4;
    /**
     * The fields of a unit's record: the first of the units it reads (which are consecutive),
     * how many it reads, the position of its first weight in the parameters (its bias follows its
     * weights), its activation code.
     */
    static final int FIRST_INPUT = 0;
    static final int FAN_IN = 1;
    static final int FIRST_WEIGHT = 2;
    static final int ACTIVATION = 3;

    /** The losses {@link #batch} sums over the samples: MSE over the outputs, or a binary loss of the one output. */
    static final int MSE = 0;
    static final int BINARY_CROSS_ENTROPY = 1;
    static final int BINARY_CROSS_ENTROPY_WITH_LOGITS = 2;
    static final int HINGE = 3;

    /** How many inputs one pass of a dot product combines. */
    private static final int GROUP = 4;

    private MlpKernels() {
    }

    /**
     * The outputs of the network {@code layout} at {@code params} for the one input {@code x}:
     * {@link #batch}'s forward pass for a single sample, for predictions. Through {@link #batch}
     * a sample would run dozens of loops of one iteration and allocate a row per unit, many
     * times as slow. It sums each dot product four inputs at a time, adds the bias and applies
     * the activation exactly as {@link #batch} does, so a prediction sees the numbers a training
     * step sees, bit for bit (a test holds the two together).
     */
    static double[] outputs(double[] params, int[] layout, double[] x) {
        int inputCount = layout[INPUT_SIZE];
        int unitCount = layout[UNIT_COUNT];
        double[] values = new double[unitCount];
        System.arraycopy(x, 0, values, 0, inputCount);
        for (int u = inputCount; u < unitCount; u++) {
            int record = FIRST_UNIT + UNIT_FIELDS * (u - inputCount);
            int in = layout[record + FIRST_INPUT];
            int fanIn = layout[record + FAN_IN];
            int w = layout[record + FIRST_WEIGHT];
            double z = 0;
            int i = 0;
            for (; i + GROUP <= fanIn; i += GROUP) {
                z += params[w + i] * values[in + i] + params[w + i + 1] * values[in + i + 1]
                        + params[w + i + 2] * values[in + i + 2] + params[w + i + 3] * values[in + i + 3];
            }
            for (; i < fanIn; i++) {
                z += params[w + i] * values[in + i];
            }
            double pre = z + params[w + fanIn];
            int activation = layout[record + ACTIVATION];
            values[u] = activation == RELU ? (pre > 0 ? pre : 0)
                    : activation == LINEAR ? pre : curved(pre, activation);
        }
        return Arrays.copyOfRange(values, unitCount - layout[OUTPUT_SIZE], unitCount);
    }

    /**
     * The summed {@code objective} (see {@link #MSE}) of a run of samples on the network
     * {@code layout} at {@code params}. The samples are held column by column:
     * {@code inputs[i][s]} is input i of sample s, {@code targets[k][s]} its target k, so every
     * loop of the forward pass, and of the generated reverse pass, runs over the samples, long and
     * unit-stride, where one sample per call leaves only a layer's short fan-in loops.
     *
     * <p>Written for the generated gradient. Each unit's dot product is summed four inputs at a
     * time, their weights in scalar locals: the reverse pass then adds four weights' partials in
     * four independent registers as it walks the samples, instead of reading and writing the
     * gradient array per sample. The sums and the activations live in separate matrices, and
     * the pre-activation passes through a local, so the sums are never taped: the reverse pass
     * tapes one pre-activation and one overwritten activation per unit and sample. The inputs
     * are copied into the activations' first rows, so every layer reads one matrix. The
     * matrices, like the tapes, are kept per thread by the generated code between calls.
     */
    @Differentiable(wrt = "params")
    static double batch(double[] params, int[] layout, double[][] inputs, double[][] targets, int objective) {
        int n = inputs[0].length;
        int inputCount = layout[INPUT_SIZE];
        int unitCount = layout[UNIT_COUNT];
        double[][] values = new double[unitCount][n];
        double[][] sums = new double[unitCount][n];
        for (int i = 0; i < inputCount; i++) {
            for (int s = 0; s < n; s++) {
                values[i][s] = inputs[i][s];
            }
        }
        for (int u = inputCount; u < unitCount; u++) {
            int record = FIRST_UNIT + UNIT_FIELDS * (u - inputCount);
            int in = layout[record + FIRST_INPUT];
            int fanIn = layout[record + FAN_IN];
            int w = layout[record + FIRST_WEIGHT];
            double[] z = sums[u];
            int i = 0;
            for (; i + GROUP <= fanIn; i += GROUP) {
                double w0 = params[w + i];
                double w1 = params[w + i + 1];
                double w2 = params[w + i + 2];
                double w3 = params[w + i + 3];
                double[] a0 = values[in + i];
                double[] a1 = values[in + i + 1];
                double[] a2 = values[in + i + 2];
                double[] a3 = values[in + i + 3];
                for (int s = 0; s < n; s++) {
                    z[s] += w0 * a0[s] + w1 * a1[s] + w2 * a2[s] + w3 * a3[s];
                }
            }
            for (; i < fanIn; i++) {
                double weight = params[w + i];
                double[] a = values[in + i];
                for (int s = 0; s < n; s++) {
                    z[s] += weight * a[s];
                }
            }
            double bias = params[w + fanIn];
            int activation = layout[record + ACTIVATION];
            double[] out = values[u];
            for (int s = 0; s < n; s++) {
                // Through a local, which the reverse pass tapes once per sample; read from z
                // there, every sum z accumulated would be taped to restore it. Relu and identity
                // are written out, so their reverse runs inline; only tanh and sigmoid call a pullback.
                double pre = z[s] + bias;
                out[s] = activation == RELU ? (pre > 0 ? pre : 0)
                        : activation == LINEAR ? pre : curved(pre, activation);
            }
        }
        int outputs = layout[OUTPUT_SIZE];
        int firstOutput = unitCount - outputs;
        double total = 0;
        if (objective == MSE) {
            for (int s = 0; s < n; s++) {
                double squares = 0;
                for (int k = 0; k < outputs; k++) {
                    double error = values[firstOutput + k][s] - targets[k][s];
                    squares += error * error;
                }
                total += squares / outputs;
            }
            return total;
        }
        double[] scores = values[firstOutput];
        double[] labels = targets[0];
        for (int s = 0; s < n; s++) {
            total += binaryLoss(scores[s], labels[s], objective);
        }
        return total;
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
     * The binary loss {@code loss} of the one output {@code output} against the target
     * {@code t}: binary cross-entropy of a probability (clamped as
     * {@code Losses.binaryCrossEntropy}), of a logit (as
     * {@code Losses.binaryCrossEntropyWithLogits}), or the hinge loss max(0, 1 - y s) with label
     * 1 positive and 0 or -1 negative (as {@code Losses.hinge}).
     */
    @Differentiable(wrt = "output")
    static double binaryLoss(double output, double t, int loss) {
        if (loss == BINARY_CROSS_ENTROPY) {
            double p = Math.min(Math.max(output, Losses.PROBABILITY_EPSILON), 1 - Losses.PROBABILITY_EPSILON);
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
