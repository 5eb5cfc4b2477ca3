package io.microautograd.losses;

import io.microautograd.engine.Value;
import java.util.List;

/**
 * The terms of a batch's loss beside the samples' own ({@link Loss}): their mean, and the L2
 * penalty on the parameters. Each returns a node, so {@code backward()} on the result fills in
 * the gradients of everything it was computed from.
 */
public final class Losses {

    private Losses() {
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
}
