package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import org.junit.jupiter.api.Test;

class BeforeAfterBackwardTest {

    @Test
    void showsTheGraphTwiceWithGradientsBeforeAndAfter() {
        Value z = SampleGraphs.readmeExample();
        String dot = GraphRenderer.builder().showGradients(false).build().drawBeforeAndAfterBackward(z).dot();

        assertEquals(1.0, z.grad(), "backward ran");
        String before = dot.substring(dot.indexOf("subgraph cluster_before"), dot.indexOf("subgraph cluster_after"));
        String after = dot.substring(dot.indexOf("subgraph cluster_after"));
        assertTrue(before.contains("label=<before backward>") && after.contains("label=<after backward>"), dot);

        DotReader beforeNodes = new DotReader(before);
        DotReader afterNodes = new DotReader(after);
        assertEquals(beforeNodes.nodes.size(), afterNodes.nodes.size());
        assertEquals(beforeNodes.edges.size(), afterNodes.edges.size());
        for (DotReader.Node node : beforeNodes.nodes.values()) {
            assertTrue(node.id().startsWith("before"), node.id());
            assertTrue(node.id().endsWith("_op") || node.label().contains("grad 0.0000"), node.label());
        }
        assertTrue(afterNodes.valueLabelled("x").label().contains("grad 4.0000"));
        assertTrue(afterNodes.valueLabelled("y").label().contains("grad 2.0000"));
        assertTrue(afterNodes.valueLabelled("z").label().contains("grad 1.0000"));
    }

    @Test
    void highlightingColoursOnlyTheAfterHalf() {
        Value out = SampleGraphs.deadReluAndExploding();
        String dot = GraphRenderer.builder().highlightGradients().build().drawBeforeAndAfterBackward(out).dot();

        String before = dot.substring(dot.indexOf("subgraph cluster_before"), dot.indexOf("subgraph cluster_after"));
        String after = dot.substring(dot.indexOf("subgraph cluster_after"), dot.indexOf("subgraph cluster_legend"));
        assertFalse(before.contains("BGCOLOR"), before);
        assertTrue(after.contains("BGCOLOR=\"" + GradientHealth.VANISHING.color() + "\""), after);
        assertTrue(after.contains("BGCOLOR=\"" + GradientHealth.EXPLODING.color() + "\""), after);
    }
}
