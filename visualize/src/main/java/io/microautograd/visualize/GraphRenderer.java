package io.microautograd.visualize;

import io.microautograd.engine.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Draws {@link Value} computation graphs with Graphviz: the Java form of the seed's
 * {@code visualize_computation} and {@code compare_before_after_backward}.
 *
 * <pre>{@code
 * Value x = Value.of(2).label("x");
 * Value y = Value.of(-3).label("y");
 * Value z = x.mul(y).label("output");
 * z.backward();
 * GraphRenderer.visualize(z, Path.of("graph.svg"), true);
 *
 * GraphRenderer debugging = GraphRenderer.builder().highlightGradients().build();
 * debugging.draw(loss).writeTo(Path.of("loss.png"));
 * }</pre>
 *
 * <p>A renderer is immutable and may be shared between threads (as long as each graph is drawn
 * while no other thread changes it). See the package documentation for the size limit and the
 * choice of Graphviz engine.
 */
public final class GraphRenderer {

    /** The default {@link Builder#maxValues(int)}: a 2-16-1 MLP's loss on one sample (154 values) still fits. */
    public static final int DEFAULT_MAX_VALUES = 200;

    private final boolean showGradients;
    private final RankDirection direction;
    private final GradientThresholds highlight;
    private final RenderEngine engine;
    private final int maxValues;

    private GraphRenderer(Builder builder) {
        this.showGradients = builder.showGradients;
        this.direction = builder.direction;
        this.highlight = builder.highlight;
        this.engine = builder.engine;
        this.maxValues = builder.maxValues;
    }

    /** A builder starting from the defaults: gradients shown, left to right, no highlighting, engine AUTO. */
    public static Builder builder() {
        return new Builder();
    }

    /** A renderer with every default. */
    public static GraphRenderer defaults() {
        return builder().build();
    }

    /**
     * Writes a picture of the graph behind {@code root} to {@code file}, in the format its extension
     * names: the seed's {@code visualize_computation(root, filename, show_gradients)}.
     */
    public static Path visualize(Value root, Path file, boolean showGradients) {
        return builder().showGradients(showGradients).build().draw(root).writeTo(file);
    }

    /**
     * A picture of {@code root} and every value it depends on, with the data and gradients they
     * hold now.
     *
     * @throws GraphTooLargeException if the graph has more values than {@link Builder#maxValues(int)}
     */
    public GraphPicture draw(Value root) {
        GraphSnapshot graph = GraphSnapshot.of(checkedOrder(root));
        return new GraphPicture(new DotWriter(showGradients, direction, highlight).write(graph), engine);
    }

    /**
     * Runs {@code root.backward()} and returns one picture of the graph twice, its gradients as they
     * were before and as they are after: the seed's {@code compare_before_after_backward}. Gradients
     * are always shown; highlighting, if on, colours the "after" half. Like any backward, this
     * accumulates into the leaves' gradients.
     *
     * @throws GraphTooLargeException if the graph has more values than {@link Builder#maxValues(int)};
     *     backward is not run then
     */
    public GraphPicture drawBeforeAndAfterBackward(Value root) {
        List<Value> order = checkedOrder(root);
        GraphSnapshot before = GraphSnapshot.of(order);
        root.backward();
        GraphSnapshot after = GraphSnapshot.of(order);
        return new GraphPicture(new DotWriter(true, direction, highlight).writeComparison(before, after), engine);
    }

    private List<Value> checkedOrder(Value root) {
        Objects.requireNonNull(root, "root == null");
        List<Value> order = root.topologicalOrder();
        if (order.size() > maxValues) {
            throw new GraphTooLargeException(order.size(), maxValues);
        }
        return order;
    }

    /** Settings for a {@link GraphRenderer}; each setter returns this builder. */
    public static final class Builder {
        private boolean showGradients = true;
        private RankDirection direction = RankDirection.LEFT_TO_RIGHT;
        private GradientThresholds highlight;
        private RenderEngine engine = RenderEngine.AUTO;
        private int maxValues = DEFAULT_MAX_VALUES;

        private Builder() {
        }

        /** Whether each value's box shows its gradient next to its data (default true). */
        public Builder showGradients(boolean show) {
            this.showGradients = show;
            return this;
        }

        /** Which way data flows across the picture (default left to right). */
        public Builder direction(RankDirection direction) {
            this.direction = Objects.requireNonNull(direction, "direction == null");
            return this;
        }

        /** Colours values by {@link GradientHealth} under {@link GradientThresholds#DEFAULT}, with a legend. */
        public Builder highlightGradients() {
            return highlightGradients(GradientThresholds.DEFAULT);
        }

        /** Colours values by {@link GradientHealth} under {@code thresholds}, with a legend. */
        public Builder highlightGradients(GradientThresholds thresholds) {
            this.highlight = Objects.requireNonNull(thresholds, "thresholds == null");
            return this;
        }

        /** Which Graphviz lays pictures out (default {@link RenderEngine#AUTO}). */
        public Builder engine(RenderEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine == null");
            return this;
        }

        /**
         * The most values a picture may have (default {@value GraphRenderer#DEFAULT_MAX_VALUES});
         * larger graphs are refused with a {@link GraphTooLargeException}.
         *
         * @throws IllegalArgumentException if {@code maxValues < 1}
         */
        public Builder maxValues(int maxValues) {
            if (maxValues < 1) {
                throw new IllegalArgumentException("maxValues must be at least 1, got " + maxValues);
            }
            this.maxValues = maxValues;
            return this;
        }

        /** The renderer with these settings. */
        public GraphRenderer build() {
            return new GraphRenderer(this);
        }
    }
}
