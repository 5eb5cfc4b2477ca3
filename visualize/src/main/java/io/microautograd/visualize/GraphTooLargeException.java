package io.microautograd.visualize;

/**
 * Thrown instead of drawing a graph with more values than a {@link GraphRenderer} allows: such a
 * picture would be an illegible hairball that takes long to lay out. {@link GradientTrace} shows
 * any graph as text.
 */
public final class GraphTooLargeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int valueCount;
    private final int limit;

    GraphTooLargeException(int valueCount, int limit) {
        super("the graph has " + valueCount + " values, more than the limit of " + limit
                + " for a legible picture; print GradientTrace.of(root) for a text trace of every value"
                + " and its gradient flow, or raise the limit with GraphRenderer.builder().maxValues(n)");
        this.valueCount = valueCount;
        this.limit = limit;
    }

    /** How many values (nodes of the {@code Value} graph) the refused graph has. */
    public int valueCount() {
        return valueCount;
    }

    /** The renderer's limit that the graph exceeds. */
    public int limit() {
        return limit;
    }
}
