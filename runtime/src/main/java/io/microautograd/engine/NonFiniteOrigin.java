package io.microautograd.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the first NaN or infinity of a graph came from: the operation that made one out of
 * finite numbers, in its forward formula (a node's data) or in its backward rule (what it sent an
 * input), or a leaf that holds one. The trainer adds it to its message when training diverges on
 * a {@code Value}-engine model; a wrong rule of your own is the usual culprit.
 *
 * <pre>{@code
 * loss.backward();
 * NonFiniteOrigin.of(loss).ifPresent(System.out::println);
 * // the backward rule of operation "softplus" made NaN for input 0 out of finite numbers (inputs [0.5], ...)
 * }</pre>
 */
public final class NonFiniteOrigin {

    private NonFiniteOrigin() {
    }

    /**
     * The first non-finite number of the graph behind {@code root}, described for a message: in
     * the forward direction, the first node (inputs first) whose data is not finite though its
     * inputs' are, or a leaf that is not; otherwise (every node's data is finite), after
     * {@link Value#backward()}, the first node from the root down whose rule sent a non-finite
     * contribution to an input though its gradient is finite. Empty where every number is finite. The
     * rules are run again on copies; the graph is not changed.
     */
    public static Optional<String> of(Value root) {
        List<Value> order = root.topologicalOrder();
        for (Value node : order) {
            if (!Double.isFinite(node.data) && finite(node.inputs)) {
                return Optional.of(node.op == BuiltIns.LEAF ? "the leaf " + node + " holds " + node.data
                        : "operation " + node.op + " made " + node.data + " out of the finite inputs "
                                + Arrays.toString(Value.data(node.inputs)));
            }
        }
        for (int n = order.size() - 1; n >= 0; n--) {
            Value node = order.get(n);
            if (!Double.isFinite(node.grad)) {
                continue;
            }
            double[] contributions = node.contributions(node.grad);
            for (int i = 0; i < contributions.length; i++) {
                if (!Double.isFinite(contributions[i])) {
                    return Optional.of("the backward rule of operation " + node.op + " made " + contributions[i]
                            + " for input " + i + " out of finite numbers (inputs "
                            + Arrays.toString(Value.data(node.inputs)) + ", output " + node.data + ", gradient "
                            + node.grad + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean finite(Value[] values) {
        for (Value value : values) {
            if (!Double.isFinite(value.data)) {
                return false;
            }
        }
        return true;
    }
}
