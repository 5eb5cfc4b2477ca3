package io.microautograd.visualize;

import io.microautograd.engine.Op;
import io.microautograd.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A text account of how the gradient flowed through a graph, for graphs too large to draw and
 * for terminals: every value from the root down, its data, its gradient and its
 * {@link GradientHealth}, and for each input of its operation the local partial derivative and
 * the contribution {@code partial * grad} that backward sent along that edge.
 *
 * <p>After one {@code backward()} from the root, a value's gradient is the sum of the
 * contributions on the edges leaving it, so each step of the chain rule can be checked by eye.
 * Leaves that accumulated over several backward calls without {@code zeroGrad()} hold more.
 *
 * <pre>{@code
 * loss.backward();
 * System.out.println(GradientTrace.of(loss));
 * }</pre>
 */
public final class GradientTrace {

    /**
     * One input edge of an operation.
     *
     * @param input the index of the input value (its {@link Entry#index()})
     * @param localPartial d(output)/d(input) at the current data; empty if the operation never
     *     differentiates this operand
     * @param contribution {@code localPartial * grad of the output}, what backward added to the
     *     input's gradient along this edge; empty with the partial
     */
    public record Edge(int input, OptionalDouble localPartial, OptionalDouble contribution) {
    }

    /**
     * One value of the graph.
     *
     * @param index the value's position in topological order (inputs first, the root last)
     * @param name {@code #index}, then the label if there is one
     * @param inputs the operation's inputs in argument order; empty for a leaf
     */
    public record Entry(int index, String name, Op op, double data, double grad, GradientHealth health,
            List<Edge> inputs) {
    }

    private final List<Entry> entries;
    private final GradientThresholds thresholds;

    private GradientTrace(List<Entry> entries, GradientThresholds thresholds) {
        this.entries = Collections.unmodifiableList(entries);
        this.thresholds = thresholds;
    }

    /** The trace of the graph behind {@code root} as it is now, judged by {@link GradientThresholds#DEFAULT}. */
    public static GradientTrace of(Value root) {
        return of(root, GradientThresholds.DEFAULT);
    }

    /** The trace of the graph behind {@code root} as it is now, judged by {@code thresholds}. */
    public static GradientTrace of(Value root, GradientThresholds thresholds) {
        Objects.requireNonNull(root, "root == null");
        Objects.requireNonNull(thresholds, "thresholds == null");
        List<GraphSnapshot.Node> nodes = GraphSnapshot.of(root).nodes();
        List<Entry> entries = new ArrayList<>(nodes.size());
        for (int i = nodes.size() - 1; i >= 0; i--) {
            GraphSnapshot.Node node = nodes.get(i);
            List<Edge> edges = new ArrayList<>(node.inputs().length);
            for (int k = 0; k < node.inputs().length; k++) {
                OptionalDouble partial = node.partials()[k];
                OptionalDouble contribution = partial.isPresent()
                        ? OptionalDouble.of(partial.getAsDouble() * node.grad())
                        : OptionalDouble.empty();
                edges.add(new Edge(node.inputs()[k], partial, contribution));
            }
            entries.add(new Entry(node.index(), node.name(), node.op(), node.data(), node.grad(),
                    node.health(thresholds), List.copyOf(edges)));
        }
        return new GradientTrace(entries, thresholds);
    }

    /** Every value, the root first, each before the values it was computed from. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entry for the value at topological {@code index}. */
    public Entry entry(int index) {
        if (index < 0 || index >= entries.size()) {
            throw new IllegalArgumentException("index must be in [0, " + entries.size() + "), got " + index);
        }
        return entries.get(entries.size() - 1 - index);
    }

    /** The trace as text, one line per value and one indented line per input edge. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append("gradient flow from ").append(entries.get(0).name()).append(", ").append(entries.size())
                .append(" values, root first; contribution = local partial * grad of the output\n");
        for (Entry entry : entries) {
            text.append(entry.name()).append("  [").append(entry.op().name())
                    .append("]  data=").append(NumberText.format(entry.data()))
                    .append("  grad=").append(NumberText.format(entry.grad()));
            if (entry.health() != GradientHealth.HEALTHY) {
                text.append("  (").append(entry.health().describe(thresholds)).append(')');
            }
            text.append('\n');
            for (Edge edge : entry.inputs()) {
                text.append("    <- ").append(entry(edge.input()).name());
                if (edge.localPartial().isPresent()) {
                    text.append("  local=").append(NumberText.format(edge.localPartial().getAsDouble()))
                            .append("  contribution=").append(NumberText.format(edge.contribution().getAsDouble()));
                } else {
                    text.append("  constant operand, no gradient");
                }
                text.append('\n');
            }
        }
        return text.toString();
    }
}
