package io.microautograd.losses;

import io.microautograd.engine.Value;

/**
 * The library's losses, one name each for both paths: {@code new ValueMlpModel(mlp, Loss.HINGE)}
 * on the {@code Value} engine and {@code new CompiledMlpModel(net, Loss.HINGE, 0)} on compiled
 * gradients compute the same numbers. Each constant holds its formula on {@code Value}s and the
 * checks of its outputs and targets, which both paths run; the compiled MLP's kernel computes the
 * same formula operation for operation ({@code io.microautograd.compiled}).
 *
 * <p>A loss reads a sample's output row against its target row: one target per output for
 * {@link #MSE}, a single label for the others. Labels: 0 or 1 (a probability in between for the
 * cross-entropies) for the binary losses of one output, a class index 0, 1, ... for
 * {@link #SOFTMAX_CROSS_ENTROPY}, whose network has one output (a logit) per class.
 */
public enum Loss implements SampleLoss {

    /** Mean squared error over the outputs, mean_k (out_k - target_k)^2, one target per output. */
    MSE {
        @Override
        Value formula(Value[] outputs, double[] target) {
            Value[] squares = new Value[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                squares[k] = outputs[k].sub(target[k]).pow(2);
            }
            return Value.sum(squares).mul(1.0 / outputs.length);
        }

        @Override
        public int targetWidth(int outputs) {
            if (outputs < 1) {
                throw new IllegalArgumentException("MSE needs a network with at least one output, got " + outputs);
            }
            return outputs;
        }

        @Override
        void checkLabel(double label, int outputs) {
        }
    },

    /**
     * Binary cross-entropy -(t log p + (1 - t) log(1 - p)) of one probability output p (a sigmoid
     * layer) against a target t in [0, 1], p clamped to [{@link #PROBABILITY_EPSILON},
     * 1 - epsilon] so that the loss stays finite; beyond the clamp the gradient is 0, as in Keras.
     * Prefer {@link #BINARY_CROSS_ENTROPY_WITH_LOGITS} where the model can output a raw score.
     */
    BINARY_CROSS_ENTROPY {
        @Override
        Value formula(Value[] outputs, double[] target) {
            double t = target[0];
            Value p = outputs[0].clamp(PROBABILITY_EPSILON, 1 - PROBABILITY_EPSILON);
            Value positive = p.log().mul(t);
            Value negative = Value.of(1).sub(p).log().mul(1 - t);
            return positive.add(negative).neg();
        }

        @Override
        void checkLabel(double label, int outputs) {
            requireProbability(label);
        }
    },

    /**
     * The binary cross-entropy of sigmoid(z) for one logit output z (a linear layer) against a
     * target t in [0, 1], computed without forming the probability: max(z, 0) - z t +
     * log1p(e^-|z|). It never overflows, its gradient, sigmoid(z) - t, never vanishes on a wrong
     * answer, and log1p keeps the cost of a confident right answer (about e^-|z|) where
     * log(1 + e^-|z|) rounds it to 0 from |z| = 37 on.
     */
    BINARY_CROSS_ENTROPY_WITH_LOGITS {
        @Override
        Value formula(Value[] outputs, double[] target) {
            Value logit = outputs[0];
            double t = target[0];
            // The two branches are the same function written so that exp never sees a positive argument.
            if (logit.data() >= 0) {
                return logit.mul(1 - t).add(logit.neg().exp().log1p());
            }
            return logit.mul(-t).add(logit.exp().log1p());
        }

        @Override
        void checkLabel(double label, int outputs) {
            requireProbability(label);
        }
    },

    /**
     * The hinge (max-margin) loss of micrograd's demo, max(0, 1 - y s), of one raw-score output s
     * and a binary label y, given as 1 for the positive class and 0 or -1 for the negative one, so
     * that data labelled for cross-entropy works unchanged.
     */
    HINGE {
        @Override
        Value formula(Value[] outputs, double[] target) {
            double sign = target[0] == 1 ? 1 : -1;
            return outputs[0].mul(-sign).add(1).relu();
        }

        @Override
        void checkLabel(double label, int outputs) {
            if (label != 1 && label != 0 && label != -1) {
                throw new IllegalArgumentException("hinge label must be 1 for the positive class and 0 or -1 "
                        + "for the negative class, got " + label);
            }
        }
    },

    /**
     * Softmax cross-entropy from logits, PyTorch's {@code cross_entropy} and Keras's sparse
     * categorical cross-entropy: -log softmax(z)_y = log sum_k e^(z_k) - z_y for the outputs z of a
     * network with one logit per class (a linear layer of at least two) and the class index y.
     * Computed as log sum_k e^(z_k - m) - (z_y - m) with m the largest logit, so that no exp
     * overflows and the sum is at least 1; the gradient is softmax(z) - onehot(y). m is a node of
     * the graph (max sends its gradient to the first of equal logits), as in the compiled kernel,
     * though its partial, 1 - sum_k softmax(z)_k, is 0 up to rounding.
     */
    SOFTMAX_CROSS_ENTROPY {
        @Override
        Value formula(Value[] outputs, double[] target) {
            Value largest = outputs[0];
            for (int k = 1; k < outputs.length; k++) {
                largest = largest.max(outputs[k]);
            }
            Value[] exps = new Value[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                exps[k] = outputs[k].sub(largest).exp();
            }
            return Value.sum(exps).log().sub(outputs[(int) target[0]].sub(largest));
        }

        @Override
        public int targetWidth(int outputs) {
            if (outputs < 2) {
                throw new IllegalArgumentException("SOFTMAX_CROSS_ENTROPY needs a network with one output per class,"
                        + " at least two, got " + outputs);
            }
            return 1;
        }

        @Override
        void checkLabel(double label, int outputs) {
            if (!(label >= 0 && label < outputs && label == Math.rint(label))) {
                throw new IllegalArgumentException("softmax cross-entropy label must be a class index, an integer "
                        + "from 0 to " + (outputs - 1) + ", got " + label);
            }
        }
    };

    /**
     * Probabilities are clamped to [EPSILON, 1 - EPSILON] by {@link #BINARY_CROSS_ENTROPY}, the
     * value Keras uses, so a confident wrong answer costs about 16, not infinity.
     */
    public static final double PROBABILITY_EPSILON = 1e-7;

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the target row does not suit this loss and this many
     *     outputs (see {@link #checkTarget})
     */
    @Override
    public final Value apply(Value[] outputs, double[] target) {
        checkTarget(target, outputs.length);
        return formula(outputs, target);
    }

    /**
     * The width of the target rows this loss reads for a network of {@code outputs} outputs: one
     * per output for {@link #MSE}, one label for the others.
     *
     * @throws IllegalArgumentException if this loss cannot read that many outputs
     */
    public int targetWidth(int outputs) {
        if (outputs != 1) {
            throw new IllegalArgumentException(this + " needs a network with one output, got " + outputs);
        }
        return 1;
    }

    /**
     * Checks one sample's target row against a network of {@code outputs} outputs, as both paths
     * do before computing the loss.
     *
     * @throws IllegalArgumentException if the network does not suit this loss, the row has another
     *     width than {@link #targetWidth}, or its label is not one this loss reads
     */
    public final void checkTarget(double[] target, int outputs) {
        requireTargetWidth(target.length, outputs);
        checkLabel(target[0], outputs);
    }

    /**
     * Checks that target rows of width {@code width} are what this loss reads for a network of
     * {@code outputs} outputs.
     *
     * @throws IllegalArgumentException if the network does not suit this loss or the width is not
     *     {@link #targetWidth}
     */
    public final void requireTargetWidth(int width, int outputs) {
        int expected = targetWidth(outputs);
        if (width != expected) {
            throw new IllegalArgumentException(this + " needs target rows of width " + expected + " for a network of "
                    + "output width " + outputs + ", got width " + width);
        }
    }

    /** The loss of outputs and a target that {@link #checkTarget} accepted. */
    abstract Value formula(Value[] outputs, double[] target);

    /** Checks a sample's first target, its label for every loss but {@link #MSE}. */
    abstract void checkLabel(double label, int outputs);

    private static void requireProbability(double target) {
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("cross-entropy target must be in [0, 1], got " + target);
        }
    }
}
