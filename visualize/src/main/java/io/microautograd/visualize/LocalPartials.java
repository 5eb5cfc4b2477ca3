package io.microautograd.visualize;

import io.microautograd.engine.Value;
import java.util.OptionalDouble;

/**
 * The local partial derivative of an operation's output with respect to each of its inputs, for
 * the gradient trace's per-edge contributions. The maths stays in the engine's rule table
 * ({@link Value#localPartials()}); this class only marks the slots an operation never
 * differentiates (the constant exponent of {@code pow(double)}, the bounds of {@code clamp}).
 */
final class LocalPartials {

    private LocalPartials() {
    }

    /** The partials of {@code node}'s operation, one per input; empty for a constant operand. */
    static OptionalDouble[] of(Value node) {
        double[] partials = node.localPartials();
        OptionalDouble[] out = new OptionalDouble[partials.length];
        for (int i = 0; i < partials.length; i++) {
            out[i] = node.op().differentiates(i) ? OptionalDouble.of(partials[i]) : OptionalDouble.empty();
        }
        return out;
    }
}
