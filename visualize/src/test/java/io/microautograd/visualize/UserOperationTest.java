package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Op;
import io.microautograd.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An operation of the user's own is drawn and traced by its name, with its rule's partials. */
class UserOperationTest {

    private static final Op.Binary LOG_ADD_EXP = Op.binary("logaddexp",
            (a, b) -> Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))),
            (a, b, y) -> Math.exp(a - y),
            (a, b, y) -> Math.exp(b - y));

    @Test
    void theOperationIsNamedInThePictureAndTheTrace() {
        Value a = Value.of(0.5).label("a");
        Value b = Value.of(-1.0).label("b");
        Value out = LOG_ADD_EXP.apply(a, b).label("out");
        out.backward();

        DotReader dot = new DotReader(GraphRenderer.defaults().draw(out).dot());
        DotReader.Node op = dot.nodes.values().stream().filter(n -> n.id().endsWith("_op")).findFirst().orElseThrow();
        assertEquals("logaddexp", op.label());
        assertEquals(List.of(dot.valueLabelled("a").id(), dot.valueLabelled("b").id()), dot.sourcesOf(op.id()));

        GradientTrace trace = GradientTrace.of(out);
        assertTrue(trace.toString().contains("#2 out  [logaddexp]  data="), trace.toString());
        GradientTrace.Entry root = trace.entries().get(0);
        assertEquals(LOG_ADD_EXP, root.op());
        assertEquals(Math.exp(0.5 - out.data()), root.inputs().get(0).localPartial().orElseThrow(), 1e-15);
        assertEquals(Math.exp(-1.0 - out.data()), root.inputs().get(1).localPartial().orElseThrow(), 1e-15);
    }
}
