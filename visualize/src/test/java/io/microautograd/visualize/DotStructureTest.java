package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.MutableNode;
import guru.nidi.graphviz.parse.Parser;
import io.microautograd.engine.Value;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DotStructureTest {

    @Test
    void readmeExampleHasAValueNodePerValueAndAnOpNodePerOperationWiredAlongTheDataFlow() {
        Value z = SampleGraphs.readmeExample();
        DotReader dot = new DotReader(GraphRenderer.defaults().draw(z).dot());

        String x = dot.valueLabelled("x").id();
        String y = dot.valueLabelled("y").id();
        String zId = dot.valueLabelled("z").id();
        List<DotReader.Node> ops = dot.nodes.values().stream().filter(n -> n.id().endsWith("_op")).toList();
        assertEquals(4, dot.nodes.size() - ops.size(), "value nodes: x, y, x*y, z");
        assertEquals(2, ops.size(), "op nodes: * and +");

        String mulOp = ops.stream().filter(n -> n.label().equals("*")).findFirst().orElseThrow().id();
        String addOp = ops.stream().filter(n -> n.label().equals("+")).findFirst().orElseThrow().id();
        String product = mulOp.substring(0, mulOp.length() - "_op".length());
        assertEquals(List.of(x, y), dot.sourcesOf(mulOp), "x * y takes x then y");
        assertEquals(List.of(mulOp), dot.sourcesOf(product));
        assertEquals(List.of(product, x), dot.sourcesOf(addOp), "(x * y) + x");
        assertEquals(List.of(addOp), dot.sourcesOf(zId));
        assertEquals(6, dot.edges.size());
    }

    @Test
    void labelsShowDataAndGradientsAfterBackward() {
        Value z = SampleGraphs.readmeExample();
        z.backward();
        DotReader dot = new DotReader(GraphRenderer.defaults().draw(z).dot());

        // z = x*y + x: dz/dx = y + 1 = 4, dz/dy = x = 2.
        assertTrue(dot.valueLabelled("x").label().contains("<TD>data 2.0000</TD><TD>grad 4.0000</TD>"));
        assertTrue(dot.valueLabelled("y").label().contains("<TD>data 3.0000</TD><TD>grad 2.0000</TD>"));
        assertTrue(dot.valueLabelled("z").label().contains("<TD>data 8.0000</TD><TD>grad 1.0000</TD>"));
    }

    @Test
    void gradientsCanBeLeftOut() {
        Value z = SampleGraphs.readmeExample();
        z.backward();
        String dot = GraphRenderer.builder().showGradients(false).build().draw(z).dot();

        assertFalse(dot.contains("grad"), dot);
        assertTrue(new DotReader(dot).valueLabelled("x").label().contains("<TD>data 2.0000</TD></TR>"));
    }

    @Test
    void unlabelledValuesHaveNoLabelCell() {
        Value z = SampleGraphs.readmeExample();
        DotReader dot = new DotReader(GraphRenderer.defaults().draw(z).dot());
        String product = dot.nodes.values().stream().filter(n -> n.label().equals("*")).findFirst().orElseThrow().id()
                .replace("_op", "");

        assertTrue(dot.nodes.get(product).label().contains("<TR><TD>data 6.0000</TD>"), dot.nodes.get(product).label());
    }

    @Test
    void aValueUsedTwiceByOneOperationHasTwoEdges() {
        Value x = Value.of(3).label("x");
        Value square = x.mul(x).label("square");
        DotReader dot = new DotReader(GraphRenderer.defaults().draw(square).dot());

        String xId = dot.valueLabelled("x").id();
        assertEquals(List.of(xId, xId), dot.sourcesOf(dot.valueLabelled("square").id() + "_op"));
    }

    @Test
    void dataFlowsLeftToRightByDefaultAndTopToBottomOnRequest() {
        Value z = SampleGraphs.readmeExample();

        assertTrue(GraphRenderer.defaults().draw(z).dot().contains("rankdir=LR"));
        assertTrue(GraphRenderer.builder().direction(RankDirection.TOP_TO_BOTTOM).build().draw(z).dot()
                .contains("rankdir=TB"));
    }

    @Test
    void graphvizJavasParserReadsTheDotWithTheSameNodes() {
        Value z = SampleGraphs.readmeExample();
        z.backward();
        String dot = GraphRenderer.builder().highlightGradients().build().draw(z).dot();

        MutableGraph parsed = assertDoesNotThrow(() -> new Parser().read(dot));
        Set<String> parsedNames = new TreeSet<>();
        for (MutableNode node : parsed.nodes()) {
            parsedNames.add(node.name().toString());
        }
        for (MutableGraph cluster : parsed.graphs()) {
            cluster.nodes().forEach(node -> parsedNames.add(node.name().toString()));
        }
        assertEquals(new TreeSet<>(new DotReader(dot).nodes.keySet()), parsedNames);
    }
}
