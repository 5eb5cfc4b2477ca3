package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.BuiltIns;
import io.microautograd.engine.Op;
import io.microautograd.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientTraceTest {

    @Test
    void edgesCarryTheRulesPartialsAndConstantOperandsNone() {
        Value x = Value.of(1.5).label("x");
        Value y = Value.of(-2.0).label("y");
        Value out = x.mul(y).add(x.pow(3)).add(y.clamp(-1, 1)).label("out");
        out.backward();
        GradientTrace trace = GradientTrace.of(out);

        GradientTrace.Entry product = entryWithOp(trace, BuiltIns.MUL);
        assertEquals(-2.0, product.inputs().get(0).localPartial().orElseThrow(), "d(xy)/dx = y");
        assertEquals(1.5, product.inputs().get(1).localPartial().orElseThrow(), "d(xy)/dy = x");
        GradientTrace.Entry power = entryWithOp(trace, BuiltIns.POW);
        assertEquals(3 * 1.5 * 1.5, power.inputs().get(0).localPartial().orElseThrow(), 1e-12);
        assertTrue(power.inputs().get(1).localPartial().isEmpty(), "the constant exponent");
        GradientTrace.Entry clamp = entryWithOp(trace, BuiltIns.CLAMP);
        assertEquals(0.0, clamp.inputs().get(0).localPartial().orElseThrow(), "y is outside [-1, 1]");
        assertTrue(clamp.inputs().get(1).localPartial().isEmpty() && clamp.inputs().get(2).localPartial().isEmpty());
    }

    private static GradientTrace.Entry entryWithOp(GradientTrace trace, Op op) {
        return trace.entries().stream().filter(e -> e.op() == op).findFirst().orElseThrow();
    }

    @Test
    void contributionsLeavingEachValueAddUpToItsGradient() {
        Value loss = SampleGraphs.mlpLoss(7, 2, 4, 1);
        loss.backward();
        GradientTrace trace = GradientTrace.of(loss);

        double[] received = new double[trace.entries().size()];
        for (GradientTrace.Entry entry : trace.entries()) {
            for (GradientTrace.Edge edge : entry.inputs()) {
                received[edge.input()] += edge.contribution().orElse(0);
            }
        }
        for (GradientTrace.Entry entry : trace.entries()) {
            if (entry.index() == trace.entries().size() - 1) {
                assertEquals(1.0, entry.grad(), "the root");
            } else if (entry.health() != GradientHealth.CONSTANT_OPERAND) {
                assertEquals(entry.grad(), received[entry.index()], 1e-12 * (1 + Math.abs(entry.grad())), entry.name());
            }
        }
    }

    @Test
    void traceReadsTheGraphWithoutChangingIt() {
        Value loss = SampleGraphs.mlpLoss(3, 2, 3, 1);
        loss.backward();
        List<Double> before = loss.topologicalOrder().stream().map(Value::grad).toList();

        GradientTrace.of(loss);

        assertEquals(before, loss.topologicalOrder().stream().map(Value::grad).toList());
    }

    @Test
    void textListsEachValueRootFirstWithItsEdges() {
        Value out = SampleGraphs.deadReluAndExploding();
        out.backward();
        String text = GradientTrace.of(out).toString();
        List<String> lines = text.lines().toList();

        assertTrue(lines.get(0).startsWith("gradient flow from #"), lines.get(0));
        assertTrue(lines.get(1).matches("#\\d+ out  \\[\\+]  data=5000\\.0000  grad=1\\.0000"), lines.get(1));
        assertTrue(text.contains(" dead relu  [relu]  data=0.0000  grad=1.0000\n"), text);
        assertTrue(text.matches("(?s).*#\\d+ pre  \\[\\+]  data=-1\\.5000  grad=0\\.0000  \\(vanishing: grad = 0\\)\n"
                + "    <- #\\d+  local=1\\.0000  contribution=0\\.0000\n.*"), text);
        assertTrue(text.matches("(?s).*#\\d+ x  \\[leaf]  data=1\\.0000  grad=5000\\.0000  \\(exploding: .*"), text);
    }

    @Test
    void labelsWithLineBreaksStayOnTheirLine() {
        Value x = Value.of(1).label("two\nlines\tand\u0001");
        String text = GradientTrace.of(x.exp()).toString();

        assertTrue(text.contains("    <- #0 two\\nlines\\tand\\u0001  local=2.7183  contribution=0.0000\n"), text);
        assertTrue(text.contains("#0 two\\nlines\\tand\\u0001  [leaf]"), text);
    }

    @Test
    void constantOperandsAreMarkedInTheText() {
        Value x = Value.of(3).label("x");
        Value square = x.pow(2).label("square");
        square.backward();
        String text = GradientTrace.of(square).toString();

        assertTrue(text.contains("    <- #0 x  local=6.0000  contribution=6.0000\n"), text);
        assertTrue(text.contains("    <- #1  constant operand, no gradient\n"), text);
        assertTrue(text.contains("#1  [leaf]  data=2.0000  grad=0.0000  (constant operand, receives no gradient)"), text);
        assertFalse(text.contains("vanishing"), text);
    }
}
