package io.microautograd.compiled;

import io.microautograd.Differentiable;
import io.microautograd.losses.Losses;

/**
 * The compiled MLP's forward pass and per-sample losses, written as plain Java over the flat
 * parameter array and compiled to reverse-mode gradients by our annotation processor at build
 * time (into {@code MlpKernelsGrad}). Only {@code params} is differentiated.
 *
 * <p>The parameters follow {@link io.microautograd.nn.MLP}'s documented order (layer by layer,
 * neuron by neuron, each neuron's weights in input order then its bias), and each formula is
 * written the way the {@code Value} engine computes it, operation for operation, so the two
 * paths agree to rounding. The architecture arrives as a {@code double[]} layout, because the
 * compiler takes {@code double}, {@code int}, {@code long}, {@code boolean}, {@code double[]}
 * and {@code double[][]} parameters but no {@code int[]}; {@link MlpLayout} builds and
 * documents it.
 */
final class MlpKernels {

    /** Activation codes in a layout; {@link MlpLayout} maps {@link io.microautograd.nn.Activation}s onto them. */
    static final int RELU = 0;
    static final int TANH = 1;
    static final int SIGMOID = 2;
    static final int LINEAR = 3;

    /** Positions in a layout: the input width, the number of layers, the number of units (inputs included). */
    static final int INPUT_SIZE = 0;
    static final int LAYER_COUNT = 1;
    static final int UNIT_COUNT = 2;
    /** Where the (size, activation) pairs of the layers start. */
    static final int FIRST_LAYER = 3;

    private MlpKernels() {
    }

    /**
     * Output {@code k} of the network {@code layout} at {@code params} for input {@code x}.
     * Every unit's value, the inputs first, lives in one local array, one layer after another.
     */
    @Differentiable(wrt = "params")
    static double output(double[] params, double[] layout, double[] x, int k) {
        int layers = (int) layout[LAYER_COUNT];
        int nin = (int) layout[INPUT_SIZE];
        double[] units = new double[(int) layout[UNIT_COUNT]];
        for (int i = 0; i < nin; i++) {
            units[i] = x[i];
        }
        int in = 0;
        int p = 0;
        for (int l = 0; l < layers; l++) {
            int nout = (int) layout[FIRST_LAYER + 2 * l];
            int activation = (int) layout[FIRST_LAYER + 2 * l + 1];
            int out = in + nin;
            for (int j = 0; j < nout; j++) {
                double z = 0;
                for (int i = 0; i < nin; i++) {
                    z += params[p + i] * units[in + i];
                }
                z += params[p + nin];
                p += nin + 1;
                units[out + j] = activate(z, activation);
            }
            in = out;
            nin = nout;
        }
        return units[in + k];
    }

    /** The activation with code {@code activation} at {@code z}, as {@code Value}'s relu, tanh, sigmoid or identity. */
    @Differentiable(wrt = "z")
    static double activate(double z, int activation) {
        if (activation == RELU) {
            return z > 0 ? z : 0;
        }
        if (activation == TANH) {
            return Math.tanh(z);
        }
        if (activation == SIGMOID) {
            return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        }
        return z;
    }

    /** Mean squared error over the outputs: mean_k (out_k - target_k)^2, as {@code Loss.mse()}. */
    @Differentiable(wrt = "params")
    static double mse(double[] params, double[] layout, double[] x, double[] target) {
        double sum = 0;
        for (int k = 0; k < target.length; k++) {
            double error = output(params, layout, x, k) - target[k];
            sum += error * error;
        }
        return sum / target.length;
    }

    /** Binary cross-entropy of a probability output, clamped as {@code Losses.binaryCrossEntropy}. */
    @Differentiable(wrt = "params")
    static double binaryCrossEntropy(double[] params, double[] layout, double[] x, double[] target) {
        double probability = output(params, layout, x, 0);
        double p = Math.min(Math.max(probability, Losses.PROBABILITY_EPSILON), 1 - Losses.PROBABILITY_EPSILON);
        double t = target[0];
        return -(Math.log(p) * t + Math.log(1 - p) * (1 - t));
    }

    /** Binary cross-entropy of a logit output, as {@code Losses.binaryCrossEntropyWithLogits}. */
    @Differentiable(wrt = "params")
    static double binaryCrossEntropyWithLogits(double[] params, double[] layout, double[] x, double[] target) {
        double z = output(params, layout, x, 0);
        double t = target[0];
        if (z >= 0) {
            return z * (1 - t) + Math.log(Math.exp(-z) + 1);
        }
        return z * -t + Math.log(Math.exp(z) + 1);
    }

    /** The hinge loss max(0, 1 - y s) with label 1 positive and 0 or -1 negative, as {@code Losses.hinge}. */
    @Differentiable(wrt = "params")
    static double hinge(double[] params, double[] layout, double[] x, double[] target) {
        double sign = target[0] == 1 ? 1 : -1;
        double margin = output(params, layout, x, 0) * -sign + 1;
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
