package io.microautograd.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse mode that builds the gradient as a graph ({@link Value#differentiate}), the engine's
 * form of PyTorch's {@code create_graph=True}: the same sweep as {@link Value#backward()}, in
 * reverse topological order, but each node's gradient is a {@link Value} and each operation
 * contributes through its rule written in engine operations ({@code Op.backwardGraph}). The
 * gradients are then ordinary nodes, computed from the graph's own nodes, so that their
 * {@code backward()} gives second derivatives. Nothing of the graph is changed: no node's
 * {@code grad} is touched.
 */
final class GradientGraph {

    private GradientGraph() {
    }

    /** d(output)/d(input) for each of {@code inputs}, as nodes; a constant 0 for an input output does not depend on. */
    static Value[] of(Value output, Value... inputs) {
        for (int k = 0; k < inputs.length; k++) {
            if (inputs[k] == null) {
                throw new IllegalArgumentException("input " + k + " to differentiate with respect to is null");
            }
        }
        List<Value> order = output.topologicalOrder();
        for (Value node : order) {
            node.requireInputsUnchanged();
        }
        // Every consumer of a node comes after it in the order, so when the reverse sweep
        // reaches a node, all of its contributions are in and can be summed as one node.
        Map<Value, List<Value>> contributions = new IdentityHashMap<>();
        contributions.put(output, new ArrayList<>(List.of(Value.of(1))));
        Map<Value, Value> gradients = new IdentityHashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            Value node = order.get(i);
            List<Value> received = contributions.remove(node);
            if (received == null) {
                continue;
            }
            Value gradient = received.size() == 1 ? received.get(0) : Value.sum(received);
            gradients.put(node, gradient);
            if (node.op == BuiltIns.LEAF) {
                continue;
            }
            Value[] sent = node.op.backwardGraph(node, gradient);
            for (int k = 0; k < sent.length; k++) {
                if (sent[k] != null) {
                    contributions.computeIfAbsent(node.inputs[k], input -> new ArrayList<>(2)).add(sent[k]);
                }
            }
        }
        Value[] result = new Value[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            Value gradient = gradients.get(inputs[k]);
            result[k] = gradient != null ? gradient : Value.of(0);
        }
        return result;
    }
}
