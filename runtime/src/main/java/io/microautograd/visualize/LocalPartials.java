package io.microautograd.visualize;

import io.microautograd.engine.Op;
import io.microautograd.engine.Value;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The local partial derivative of an operation's output with respect to each of its inputs, for
 * the gradient trace's per-edge contributions.
 *
 * <p>The engine keeps its derivative rules inside {@link Op} and exposes them only through
 * {@link Value#backward()}. Rather than copy those rules here, this class replays the operation
 * on fresh leaves holding the same input data and runs the engine's own backward on that
 * throwaway node: the leaves' gradients are the partials. The user's graph is never touched, so
 * its gradients stay as they were.
 */
final class LocalPartials {

    private LocalPartials() {
    }

    /**
     * The partials of {@code op} at {@code inputData}, one per input in argument order; empty for
     * an input slot that the operation never differentiates (the constant exponent of
     * {@link Op#POW}, the bounds of {@link Op#CLAMP}).
     */
    static OptionalDouble[] of(Op op, double[] inputData) {
        OptionalDouble[] partials = new OptionalDouble[inputData.length];
        if (op == Op.LEAF) {
            return partials;
        }
        Value[] leaves = Value.of(inputData);
        Value out = replay(op, leaves, inputData);
        out.backward();
        List<Value> used = out.inputs();
        for (int i = 0; i < partials.length; i++) {
            // Constant operands are rebuilt by the engine as leaves of its own, so a slot whose
            // input is not our leaf is one the operation does not differentiate.
            boolean differentiated = i < used.size() && used.get(i) == leaves[i];
            partials[i] = differentiated ? OptionalDouble.of(leaves[i].grad()) : OptionalDouble.empty();
        }
        return partials;
    }

    private static Value replay(Op op, Value[] x, double[] data) {
        return switch (op) {
            case LEAF -> throw new IllegalArgumentException("a leaf has no operation to replay");
            case ADD -> Value.sum(x);
            case MUL -> x[0].mul(x[1]);
            case POW -> x[0].pow(data[1]);
            case POW_VALUE -> x[0].pow(x[1]);
            case EXP -> x[0].exp();
            case LOG -> x[0].log();
            case TANH -> x[0].tanh();
            case RELU -> x[0].relu();
            case SIGMOID -> x[0].sigmoid();
            case CLAMP -> x[0].clamp(data[1], data[2]);
        };
    }
}
