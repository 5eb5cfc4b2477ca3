package io.microautograd.visualize;

import java.util.EnumSet;
import java.util.Set;

/**
 * Writes a {@link GraphSnapshot} as Graphviz DOT text in micrograd's style: a box per value
 * holding its label, data and (optionally) grad, a small ellipse per operation, and edges along
 * the data flow.
 *
 * <p>Every label is an HTML-like label escaped by {@link LabelText}, so no user text can end a
 * string, open a record field or inject DOT. Node ids are generated ({@code n7}, {@code n7_op}),
 * never taken from labels.
 */
final class DotWriter {

    private static final String FONT = "sans-serif";
    private static final String TABLE = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\"";
    private static final int LEGEND_PADDING = 10;
    private static final Set<GradientHealth> LEGEND = EnumSet.of(
            GradientHealth.VANISHING, GradientHealth.EXPLODING, GradientHealth.NON_FINITE);

    private final boolean showGradients;
    private final RankDirection direction;
    private final GradientThresholds highlight;

    /**
     * @param highlight thresholds for colouring values by {@link GradientHealth}, with a legend;
     *     {@code null} for no colouring
     */
    DotWriter(boolean showGradients, RankDirection direction, GradientThresholds highlight) {
        this.showGradients = showGradients;
        this.direction = direction;
        this.highlight = highlight;
    }

    /** One picture of {@code graph}. */
    String write(GraphSnapshot graph) {
        StringBuilder dot = header();
        appendGraph(dot, graph, "n", highlight, "  ");
        return footer(dot);
    }

    /**
     * Two pictures of one graph, in clusters titled "before backward" and "after backward", the
     * first above (left to right) or left of (top to bottom) the second. Only the second is
     * coloured: before backward every gradient is zero, and calling them all vanishing would say
     * nothing.
     */
    String writeComparison(GraphSnapshot before, GraphSnapshot after) {
        StringBuilder dot = header();
        // Graphviz lays left-to-right graphs out top to bottom and turns them, which stacks the
        // clusters in reverse order of writing; write "after" first so "before" ends up on top.
        if (direction == RankDirection.LEFT_TO_RIGHT) {
            appendCluster(dot, "after", "after backward", after, highlight);
            appendCluster(dot, "before", "before backward", before, null);
        } else {
            appendCluster(dot, "before", "before backward", before, null);
            appendCluster(dot, "after", "after backward", after, highlight);
        }
        return footer(dot);
    }

    private StringBuilder header() {
        StringBuilder dot = new StringBuilder(4096);
        dot.append("digraph computation {\n");
        dot.append("  graph [rankdir=").append(direction.dotName()).append(", fontname=\"").append(FONT).append("\"];\n");
        dot.append("  node [shape=plain, fontname=\"").append(FONT).append("\", fontsize=12];\n");
        dot.append("  edge [arrowsize=0.7];\n");
        return dot;
    }

    private String footer(StringBuilder dot) {
        if (highlight != null) {
            appendLegend(dot);
        }
        return dot.append("}\n").toString();
    }

    private void appendCluster(StringBuilder dot, String id, String title, GraphSnapshot graph,
            GradientThresholds colouring) {
        dot.append("  subgraph cluster_").append(id).append(" {\n");
        dot.append("    label=<").append(LabelText.html(title)).append(">;\n");
        appendGraph(dot, graph, id, colouring, "    ");
        dot.append("  }\n");
    }

    private void appendGraph(StringBuilder dot, GraphSnapshot graph, String idPrefix,
            GradientThresholds colouring, String indent) {
        for (GraphSnapshot.Node node : graph.nodes()) {
            String id = idPrefix + node.index();
            dot.append(indent).append(id).append(" [label=<").append(valueTable(node, colouring)).append(">];\n");
            if (node.inputs().length == 0) {
                continue;
            }
            String opId = id + "_op";
            dot.append(indent).append(opId).append(" [label=<").append(LabelText.html(node.op().name()))
                    .append(">, shape=ellipse, style=filled, fillcolor=\"#eeeeee\", margin=\"0.05,0.02\"];\n");
            dot.append(indent).append(opId).append(" -> ").append(id).append(";\n");
            for (int input : node.inputs()) {
                dot.append(indent).append(idPrefix).append(input).append(" -> ").append(opId).append(";\n");
            }
        }
    }

    private String valueTable(GraphSnapshot.Node node, GradientThresholds colouring) {
        StringBuilder table = new StringBuilder(TABLE);
        if (colouring != null) {
            GradientHealth health = node.health(colouring);
            if (health.highlighted()) {
                table.append(" BGCOLOR=\"").append(health.color()).append('"');
            }
        }
        table.append("><TR>");
        if (!node.label().isEmpty()) {
            table.append("<TD>").append(LabelText.html(node.label())).append("</TD>");
        }
        table.append("<TD>data ").append(NumberText.format(node.data())).append("</TD>");
        if (showGradients) {
            table.append("<TD>grad ").append(NumberText.format(node.grad())).append("</TD>");
        }
        return table.append("</TR></TABLE>").toString();
    }

    /**
     * The legend's cells get more padding than the value boxes: the embedded Graphviz estimates
     * text widths from Times's metrics, narrower than the rasteriser's sans-serif, and on a line
     * as long as "exploding: |grad| &gt; 1000" the difference exceeds a value box's padding.
     */
    private void appendLegend(StringBuilder dot) {
        dot.append("  subgraph cluster_legend {\n    label=<gradient health>;\n    legend [label=<").append(TABLE).append('>');
        for (GradientHealth health : LEGEND) {
            dot.append("<TR><TD CELLPADDING=\"").append(LEGEND_PADDING).append("\" BGCOLOR=\"").append(health.color())
                    .append("\">")
                    .append(LabelText.html(health.describe(highlight))).append("</TD></TR>");
        }
        dot.append("</TABLE>>];\n  }\n");
    }
}
