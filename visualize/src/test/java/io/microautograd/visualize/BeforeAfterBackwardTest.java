package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import org.junit.jupiter.api.Test;

class BeforeAfterBackwardTest {

    /** The statements of {@code subgraph cluster_<name>}, which DotWriter closes with a line "  }". */
    private static String cluster(String dot, String name) {
        int start = dot.indexOf("  subgraph cluster_" + name + " {\n");
        assertTrue(start >= 0, "no cluster " + name + " in " + dot);
        return dot.substring(start, dot.indexOf("\n  }\n", start));
    }

    @Test
    void showsTheGraphTwiceWithGradientsBeforeAndAfter() {
        Value z = SampleGraphs.readmeExample();
        String dot = GraphRenderer.builder().showGradients(false).build().drawBeforeAndAfterBackward(z).dot();

        assertEquals(1.0, z.grad(), "backward ran");
        String before = cluster(dot, "before");
        String after = cluster(dot, "after");
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

        String before = cluster(dot, "before");
        String after = cluster(dot, "after");
        assertFalse(before.contains("BGCOLOR"), before);
        assertTrue(after.contains("BGCOLOR=\"" + GradientHealth.VANISHING.color() + "\""), after);
        assertTrue(after.contains("BGCOLOR=\"" + GradientHealth.EXPLODING.color() + "\""), after);
    }
}
