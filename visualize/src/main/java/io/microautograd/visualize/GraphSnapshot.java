package io.microautograd.visualize;

import io.microautograd.engine.Op;
import io.microautograd.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A copy of a {@code Value} graph's structure and numbers at one moment, which pictures and traces
 * read instead of the live graph: a comparison can hold the graph before and after backward, and
 * nothing downstream can change the user's values.
 */
final class GraphSnapshot {

    /**
     * One value of the graph.
     *
     * @param index position in topological order (inputs first); the root is last
     * @param inputs indices of the operation's inputs, in argument order
     * @param partials d(this)/d(input) per input slot; empty where the slot is not differentiated
     * @param receivesGradient whether backward can send this value any gradient
     */
    record Node(int index, String label, Op op, double data, double grad, int[] inputs,
            OptionalDouble[] partials, boolean receivesGradient) {

        /** {@code #index}, followed by the label on one line when there is one: how traces name a value. */
        String name() {
            return label.isEmpty() ? "#" + index : "#" + index + " " + LabelText.oneLine(label);
        }

        GradientHealth health(GradientThresholds thresholds) {
            return GradientHealth.classify(grad, receivesGradient, thresholds);
        }
    }

    private final List<Node> nodes;

    private GraphSnapshot(List<Node> nodes) {
        this.nodes = Collections.unmodifiableList(nodes);
    }

    /** The graph that {@code root} depends on, each value once, as it is now. */
    static GraphSnapshot of(Value root) {
        return of(root.topologicalOrder());
    }

    /** The graph given by {@code order}, a topological order as {@link Value#topologicalOrder()} returns it. */
    static GraphSnapshot of(List<Value> order) {
        Map<Value, Integer> indexOf = new IdentityHashMap<>(order.size() * 2);
        for (int i = 0; i < order.size(); i++) {
            indexOf.put(order.get(i), i);
        }
        int[][] inputsOf = new int[order.size()][];
        OptionalDouble[][] partialsOf = new OptionalDouble[order.size()][];
        boolean[] receives = new boolean[order.size()];
        receives[order.size() - 1] = true;
        for (int i = 0; i < order.size(); i++) {
            List<Value> inputs = order.get(i).inputs();
            inputsOf[i] = new int[inputs.size()];
            for (int k = 0; k < inputs.size(); k++) {
                inputsOf[i][k] = indexOf.get(inputs.get(k));
            }
            partialsOf[i] = LocalPartials.of(order.get(i));
        }
        // Consumers come after their inputs, so walking backwards settles each consumer first.
        for (int i = order.size() - 1; i >= 0; i--) {
            for (int k = 0; k < inputsOf[i].length; k++) {
                if (receives[i] && partialsOf[i][k].isPresent()) {
                    receives[inputsOf[i][k]] = true;
                }
            }
        }
        List<Node> nodes = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            Value value = order.get(i);
            nodes.add(new Node(i, value.label(), value.op(), value.data(), value.grad(), inputsOf[i],
                    partialsOf[i], receives[i]));
        }
        return new GraphSnapshot(nodes);
    }

    /** Every value, inputs before the values computed from them; the root last. */
    List<Node> nodes() {
        return nodes;
    }

    /** The value the graph was taken from. */
    Node root() {
        return nodes.get(nodes.size() - 1);
    }
}
