package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import org.junit.jupiter.api.Test;

class LargeGraphTest {

    @Test
    void mlp2x16x16x1LossIsRefusedWithAPointerToTheTrace() {
        Value loss = SampleGraphs.mlpLoss(1, 2, 16, 16, 1);
        loss.backward();
        int values = loss.topologicalOrder().size();

        GraphTooLargeException refused = assertThrows(GraphTooLargeException.class,
                () -> GraphRenderer.defaults().draw(loss));

        assertEquals(values, refused.valueCount());
        assertEquals(GraphRenderer.DEFAULT_MAX_VALUES, refused.limit());
        assertTrue(refused.getMessage().contains(values + " values"), refused.getMessage());
        assertTrue(refused.getMessage().contains("GradientTrace.of(root)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("maxValues"), refused.getMessage());
        assertEquals(values, GradientTrace.of(loss).entries().size(), "the trace takes any size");
    }

    @Test
    void smallMlpLossIsDrawn() {
        Value loss = SampleGraphs.mlpLoss(1, 2, 8, 1);
        int values = loss.topologicalOrder().size();
        DotReader dot = new DotReader(GraphRenderer.defaults().draw(loss).dot());

        long valueNodes = dot.nodes.keySet().stream().filter(id -> !id.endsWith("_op")).count();
        assertEquals(values, valueNodes);
        assertTrue(values <= GraphRenderer.DEFAULT_MAX_VALUES, values + " values");
    }

    @Test
    void limitIsConfigurableAndCountsValues() {
        Value z = SampleGraphs.readmeExample();

        assertThrows(GraphTooLargeException.class, () -> GraphRenderer.builder().maxValues(3).build().draw(z));
        GraphRenderer.builder().maxValues(4).build().draw(z);
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> GraphRenderer.builder().maxValues(0));
        assertTrue(zero.getMessage().contains("maxValues") && zero.getMessage().contains("0"), zero.getMessage());
    }

    @Test
    void refusedComparisonDoesNotRunBackward() {
        Value z = SampleGraphs.readmeExample();
        GraphRenderer tiny = GraphRenderer.builder().maxValues(2).build();

        assertThrows(GraphTooLargeException.class, () -> tiny.drawBeforeAndAfterBackward(z));
        assertEquals(0.0, z.grad());
    }
}
