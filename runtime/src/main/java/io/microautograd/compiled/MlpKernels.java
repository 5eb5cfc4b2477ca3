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
 * paths agree to rounding. The architecture arrives as an {@code int[]} layout, which the
 * kernels only read; {@link MlpLayout} builds and documents it.
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

    /**
     * What one sample's network outputs are turned into: a loss (MSE, BINARY_CROSS_ENTROPY,
     * BINARY_CROSS_ENTROPY_WITH_LOGITS, HINGE, each read against the target), or output k itself
     * (code {@code FIRST_OUTPUT + k}, the target unread), for predictions.
     */
    static final int MSE = 0;
    static final int BINARY_CROSS_ENTROPY = 1;
    static final int BINARY_CROSS_ENTROPY_WITH_LOGITS = 2;
    static final int HINGE = 3;
    static final int FIRST_OUTPUT = 4;

    private MlpKernels() {
    }

    /**
     * The value of {@code objective} (see {@link #MSE}) for the sample ({@code x}, {@code target})
     * on the network {@code layout} at {@code params}. The forward pass runs once, unit by unit,
     * into one local array holding every unit's value, the inputs first, one layer after
     * another. Written for the generated gradient: one flat loop over the units reads each
     * unit's wiring from the layout, which the method never writes, so the reverse sweep
     * recomputes it instead of taping it; a unit's slot holds its pre-activation before its
     * activation, so the reverse sweep finds the pre-activation on the tape and the running sum
     * of the dot product is never taped. Two numbers per unit are taped, none per weight.
     */
    @Differentiable(wrt = "params")
    static double sample(double[] params, int[] layout, double[] x, double[] target, int objective) {
        int inputs = layout[INPUT_SIZE];
        int unitCount = layout[UNIT_COUNT];
        double[] units = new double[unitCount];
        for (int i = 0; i < inputs; i++) {
            units[i] = x[i];
        }
        for (int u = inputs; u < unitCount; u++) {
            int record = FIRST_UNIT + UNIT_FIELDS * (u - inputs);
            int in = layout[record + FIRST_INPUT];
            int fanIn = layout[record + FAN_IN];
            int w = layout[record + FIRST_WEIGHT];
            double z = 0;
            for (int i = 0; i < fanIn; i++) {
                z += params[w + i] * units[in + i];
            }
            units[u] = z + params[w + fanIn];
            units[u] = activate(units[u], layout[record + ACTIVATION]);
        }
        int firstOutput = unitCount - layout[OUTPUT_SIZE];
        if (objective >= FIRST_OUTPUT) {
            return units[firstOutput + objective - FIRST_OUTPUT];
        }
        if (objective == MSE) {
            double sum = 0;
            for (int k = 0; k < target.length; k++) {
                double error = units[firstOutput + k] - target[k];
                sum += error * error;
            }
            return sum / target.length;
        }
        return binaryLoss(units[firstOutput], target[0], objective);
    }

    /**
     * The activation with code {@code activation} at {@code z}, as {@code Value}'s relu, tanh,
     * sigmoid or identity. The piecewise-linear ones come first and the curved ones sit in a
     * kernel of their own, so that this one's generated pullback, called once per unit, stays
     * small enough for the JIT to inline.
     */
    @Differentiable(wrt = "z")
    static double activate(double z, int activation) {
        if (activation == RELU) {
            return z > 0 ? z : 0;
        }
        if (activation == LINEAR) {
            return z;
        }
        return curved(z, activation);
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
                return output * (1 - t) + Math.log(Math.exp(-output) + 1);
            }
            return output * -t + Math.log(Math.exp(output) + 1);
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
