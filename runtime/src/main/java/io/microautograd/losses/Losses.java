package io.microautograd.losses;

import io.microautograd.engine.Value;
import java.util.List;

/**
 * Loss functions on the {@link Value} engine: each returns a node, so {@code backward()} on the
 * result (or on a sum that contains it) fills in the gradients of everything it was computed from.
 */
public final class Losses {

    /**
     * Probabilities are clamped to [EPSILON, 1 - EPSILON] by {@link #binaryCrossEntropy}, the
     * value Keras uses, so a confident wrong answer costs about 16, not infinity.
     */
    public static final double PROBABILITY_EPSILON = 1e-7;

    private Losses() {
    }

    /** (prediction - target)^2. */
    public static Value squaredError(Value prediction, double target) {
        return prediction.sub(target).pow(2);
    }

    /**
     * -(t log p + (1 - t) log(1 - p)) for a probability p (for example a sigmoid output) and a
     * target t in [0, 1], with p clamped to [{@link #PROBABILITY_EPSILON}, 1 - epsilon] so that the
     * loss stays finite. Beyond the clamp the gradient is 0, as in Keras; prefer
     * {@link #binaryCrossEntropyWithLogits} where the model can output a raw score.
     */
    public static Value binaryCrossEntropy(Value probability, double target) {
        requireProbability(target);
        Value p = probability.clamp(PROBABILITY_EPSILON, 1 - PROBABILITY_EPSILON);
        Value positive = p.log().mul(target);
        Value negative = Value.of(1).sub(p).log().mul(1 - target);
        return positive.add(negative).neg();
    }

    /**
     * The binary cross-entropy of sigmoid(logit) against a target t in [0, 1], computed from the
     * logit z without forming the probability: max(z, 0) - z t + log1p(e^-|z|). It never
     * overflows, its gradient, sigmoid(z) - t, never vanishes on a wrong answer, and log1p keeps
     * the cost of a confident right answer (about e^-|z|) where log(1 + e^-|z|) rounds it to 0
     * from |z| = 37 on.
     */
    public static Value binaryCrossEntropyWithLogits(Value logit, double target) {
        requireProbability(target);
        // The two branches are the same function written so that exp never sees a positive argument.
        if (logit.data() >= 0) {
            return logit.mul(1 - target).add(logit.neg().exp().log1p());
        }
        return logit.mul(-target).add(logit.exp().log1p());
    }

    /**
     * The hinge (max-margin) loss of micrograd's demo, max(0, 1 - y s), for a score s and a
     * binary label y. The label may be given as +1 / -1 or as 1 / 0; 0 means the negative class,
     * so that data labelled for cross-entropy works unchanged.
     *
     * @throws IllegalArgumentException if the label is not -1, 0 or 1
     */
    public static Value hinge(Value score, double label) {
        if (label != 1 && label != 0 && label != -1) {
            throw new IllegalArgumentException("hinge label must be 1 for the positive class and 0 or -1 "
                    + "for the negative class, got " + label);
        }
        double sign = label == 1 ? 1 : -1;
        return score.mul(-sign).add(1).relu();
    }

    /**
     * The mean of {@code terms}, as one sum node times 1/n: the usual reduction of per-sample
     * losses over a batch.
     *
     * @throws IllegalArgumentException if there are no terms
     */
    public static Value mean(List<Value> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("the mean needs at least one term, got none");
        }
        return Value.sum(terms).mul(1.0 / terms.size());
    }

    /**
     * The L2 penalty {@code strength * sum p^2} over {@code parameters} (micrograd's demo uses
     * strength 1e-4). Adding it to a loss pulls every parameter towards 0 by 2 strength p.
     *
     * @throws IllegalArgumentException if strength is negative or not finite
     */
    public static Value l2(List<Value> parameters, double strength) {
        if (!(strength >= 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("L2 strength must be finite and >= 0, got " + strength);
        }
        Value[] squares = new Value[parameters.size()];
        for (int i = 0; i < squares.length; i++) {
            squares[i] = parameters.get(i).mul(parameters.get(i));
        }
        return Value.sum(squares).mul(strength);
    }

    private static void requireProbability(double target) {
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("cross-entropy target must be in [0, 1], got " + target);
        }
    }
}
