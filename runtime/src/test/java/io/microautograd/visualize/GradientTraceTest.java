package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Op;
import io.microautograd.engine.Value;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GradientTraceTest {

    /** Each operation as a function of its operands' data, written independently of LocalPartials. */
    private static final Map<Op, Function<double[], Value>> FORWARD = new EnumMap<>(Op.class);

    static {
        FORWARD.put(Op.ADD, d -> Value.sum(Value.of(d)));
        FORWARD.put(Op.MUL, d -> Value.of(d[0]).mul(Value.of(d[1])));
        FORWARD.put(Op.POW, d -> Value.of(d[0]).pow(d[1]));
        FORWARD.put(Op.POW_VALUE, d -> Value.of(d[0]).pow(Value.of(d[1])));
        FORWARD.put(Op.EXP, d -> Value.of(d[0]).exp());
        FORWARD.put(Op.LOG, d -> Value.of(d[0]).log());
        FORWARD.put(Op.TANH, d -> Value.of(d[0]).tanh());
        FORWARD.put(Op.RELU, d -> Value.of(d[0]).relu());
        FORWARD.put(Op.SIGMOID, d -> Value.of(d[0]).sigmoid());
        FORWARD.put(Op.CLAMP, d -> Value.of(d[0]).clamp(d[1], d[2]));
    }

    /** An operation, its operands' data, and the operand slots that are never differentiated. */
    static Stream<Arguments> operations() {
        return Stream.of(
                Arguments.of(Op.ADD, new double[] {1.3, -0.7, 2.1}, Set.of()),
                Arguments.of(Op.MUL, new double[] {1.5, -2.0}, Set.of()),
                Arguments.of(Op.POW, new double[] {1.7, 3.0}, Set.of(1)),
                Arguments.of(Op.POW_VALUE, new double[] {1.7, 1.3}, Set.of()),
                Arguments.of(Op.EXP, new double[] {0.4}, Set.of()),
                Arguments.of(Op.LOG, new double[] {2.5}, Set.of()),
                Arguments.of(Op.TANH, new double[] {0.3}, Set.of()),
                Arguments.of(Op.RELU, new double[] {0.8}, Set.of()),
                Arguments.of(Op.RELU, new double[] {-0.8}, Set.of()),
                Arguments.of(Op.SIGMOID, new double[] {0.2}, Set.of()),
                Arguments.of(Op.CLAMP, new double[] {0.3, -1.0, 1.0}, Set.of(1, 2)),
                Arguments.of(Op.CLAMP, new double[] {1.5, -1.0, 1.0}, Set.of(1, 2)));
    }

    @Test
    void everyOperationIsCovered() {
        Set<Op> covered = EnumSet.noneOf(Op.class);
        operations().forEach(arguments -> covered.add((Op) arguments.get()[0]));
        assertEquals(EnumSet.complementOf(EnumSet.of(Op.LEAF)), covered);
        assertEquals(covered, FORWARD.keySet());
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("operations")
    void localPartialsMatchCentralFiniteDifferences(Op op, double[] data, Set<Integer> constantSlots) {
        OptionalDouble[] partials = LocalPartials.of(op, data);

        assertEquals(data.length, partials.length);
        double h = 1e-6;
        for (int i = 0; i < data.length; i++) {
            if (constantSlots.contains(i)) {
                assertTrue(partials[i].isEmpty(), "slot " + i + " of " + op + " is a constant operand");
                continue;
            }
            double[] up = data.clone();
            double[] down = data.clone();
            up[i] += h;
            down[i] -= h;
            double expected = (FORWARD.get(op).apply(up).data() - FORWARD.get(op).apply(down).data()) / (2 * h);
            assertEquals(expected, partials[i].orElseThrow(), 1e-6, op + " slot " + i);
        }
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
