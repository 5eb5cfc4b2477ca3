package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import org.junit.jupiter.api.Test;

class GradientHighlightTest {

    private static final GraphRenderer HIGHLIGHTING = GraphRenderer.builder().highlightGradients().build();

    private static String fillOf(DotReader dot, String label) {
        String table = dot.valueLabelled(label).label();
        int start = table.indexOf("BGCOLOR=\"");
        int firstRow = table.indexOf("<TR>");
        return start < 0 || start > firstRow ? "" : table.substring(start + 9, table.indexOf('"', start + 9));
    }

    @Test
    void deadReluStarvesItsInputsAndTheHugeSlopeExplodes() {
        Value out = SampleGraphs.deadReluAndExploding();
        out.backward();
        DotReader dot = new DotReader(HIGHLIGHTING.draw(out).dot());

        for (String starved : new String[] {"pre", "w", "b"}) {
            assertEquals(GradientHealth.VANISHING.color(), fillOf(dot, starved), starved);
        }
        assertEquals(GradientHealth.EXPLODING.color(), fillOf(dot, "x"), "x gets 5000 through x * 5000");
        for (String healthy : new String[] {"out", "dead relu", "big"}) {
            assertEquals("", fillOf(dot, healthy), healthy);
        }
    }

    @Test
    void infiniteGradientIsNonFiniteAndTheConstantExponentIsLeftAlone() {
        Value zero = Value.of(0).label("zero");
        Value inverse = zero.pow(-1).label("inverse");
        inverse.backward();
        DotReader dot = new DotReader(HIGHLIGHTING.draw(inverse).dot());

        assertEquals(GradientHealth.NON_FINITE.color(), fillOf(dot, "zero"), "d(1/x)/dx at 0 is -inf");
        DotReader.Node exponent = dot.nodes.values().stream()
                .filter(n -> n.label().contains("data -1.0000")).findFirst().orElseThrow();
        assertFalse(exponent.label().contains("BGCOLOR=\"" + GradientHealth.VANISHING.color()), exponent.label());
    }

    @Test
    void thresholdsAreTheUsers() {
        Value out = SampleGraphs.deadReluAndExploding();
        out.backward();
        GraphRenderer lenient = GraphRenderer.builder().highlightGradients(new GradientThresholds(0, 1e4)).build();

        assertEquals("", fillOf(new DotReader(lenient.draw(out).dot()), "x"), "5000 is below 1e4");
    }

    @Test
    void legendNamesEveryHighlightWithItsColourAndThreshold() {
        Value out = SampleGraphs.deadReluAndExploding();
        out.backward();
        String legend = new DotReader(HIGHLIGHTING.draw(out).dot()).nodes.get("legend").label();

        assertTrue(legend.contains("BGCOLOR=\"" + GradientHealth.VANISHING.color() + "\">vanishing: grad = 0<"), legend);
        assertTrue(legend.contains("BGCOLOR=\"" + GradientHealth.EXPLODING.color() + "\">exploding: |grad| &gt; 1000<"),
                legend);
        assertTrue(legend.contains("BGCOLOR=\"" + GradientHealth.NON_FINITE.color() + "\">grad is NaN or infinite<"), legend);
        // The embedded Graphviz underestimates long texts in the rasteriser's font: each legend
        // cell is padded by 10 pixels, against the value boxes' 4, so its text stays inside.
        assertEquals(3, legend.split("<TD CELLPADDING=\"10\"", -1).length - 1, legend);
    }

    @Test
    void withoutHighlightingNothingIsColouredAndThereIsNoLegend() {
        Value out = SampleGraphs.deadReluAndExploding();
        out.backward();
        String dot = GraphRenderer.defaults().draw(out).dot();

        assertFalse(dot.contains("BGCOLOR"), dot);
        assertFalse(new DotReader(dot).nodes.containsKey("legend"));
    }

    @Test
    void classifyDrawsTheLinesAtTheThresholds() {
        GradientThresholds thresholds = new GradientThresholds(1e-6, 10);

        assertEquals(GradientHealth.VANISHING, GradientHealth.classify(-1e-6, true, thresholds));
        assertEquals(GradientHealth.HEALTHY, GradientHealth.classify(2e-6, true, thresholds));
        assertEquals(GradientHealth.HEALTHY, GradientHealth.classify(-10, true, thresholds));
        assertEquals(GradientHealth.EXPLODING, GradientHealth.classify(-10.5, true, thresholds));
        assertEquals(GradientHealth.NON_FINITE, GradientHealth.classify(Double.NaN, true, thresholds));
        assertEquals(GradientHealth.NON_FINITE, GradientHealth.classify(Double.NEGATIVE_INFINITY, true, thresholds));
        assertEquals(GradientHealth.CONSTANT_OPERAND, GradientHealth.classify(0, false, thresholds));
    }

    @Test
    void badThresholdsAreRefusedWithTheirValues() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new GradientThresholds(-1, 10));
        assertTrue(negative.getMessage().contains("vanishingAtOrBelow") && negative.getMessage().contains("-1"));
        IllegalArgumentException inverted = assertThrows(IllegalArgumentException.class,
                () -> new GradientThresholds(5, 2));
        assertTrue(inverted.getMessage().contains("explodingAbove") && inverted.getMessage().contains("2.0"));
        assertThrows(IllegalArgumentException.class, () -> new GradientThresholds(0, Double.POSITIVE_INFINITY));
    }
}
