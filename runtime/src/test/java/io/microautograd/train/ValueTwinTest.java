package io.microautograd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import io.microautograd.gradcheck.EngineComparison;
import io.microautograd.gradcheck.GradientCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The processor writes a Value twin of each compiled function when the engine is on the class path,
 * as it is for the runtime's tests ({@link Functions}): one line compares the compiled gradient
 * with the engine's, and the twin's graph is the function's, node by node, labelled, a call of a
 * function with a {@code @Derivative} rule one node of the rule's operation.
 */
class ValueTwinTest {

    @Test
    void oneLineComparesTheCompiledGradientWithTheEngines() {
        for (double[] point : new double[][] {{-1.2, 1.0, 0.5}, {3, 2, -1, 0.25}}) {
            EngineComparison comparison = GradientCheck.standard().withTolerance(1e-12)
                    .assertMatchesEngine(FunctionsGrad::rosenbrock, FunctionsValues::rosenbrock, point);
            assertEquals(0.0, comparison.valueError(), comparison.toString());
        }
    }

    @Test
    void aTwinCallsFunctionsWithRulesThroughTheRulesOperations() {
        for (double[] point : new double[][] {{0.3, -1.2, 0.8}, {-2, 1.5, 0.25, 3}}) {
            EngineComparison comparison = GradientCheck.standard().withTolerance(1e-12)
                    .assertMatchesEngine(FunctionsGrad::smoothHinge, FunctionsValues::smoothHinge, point);
            assertEquals(0.0, comparison.valueError(), comparison.toString());
        }
        List<Value> graph = FunctionsValues.smoothHinge(Value.of(0.3, -1.2, 0.8)).topologicalOrder();
        assertEquals(Map.of("smoothMax", 2L, "softplus", 2L), graph.stream().map(v -> v.op().name())
                .filter(Set.of("smoothMax", "softplus")::contains)
                .collect(Collectors.groupingBy(name -> name, Collectors.counting())));
    }

    @Test
    void theTwinsGraphHasANodePerOperationLabelledWithTheSourcesNames() {
        Value[] p = {Value.of(3).label("p0"), Value.of(2).label("p1")};
        Value himmelblau = FunctionsValues.himmelblau(p);
        assertEquals(0.0, himmelblau.data());
        List<Value> squares = himmelblau.inputs();
        assertEquals(List.of("*", "*"), squares.stream().map(v -> v.op().name()).toList());
        assertEquals("a", squares.get(0).inputs().get(0).label());
        assertEquals("b", squares.get(1).inputs().get(0).label());
        // a = p0 * p0 + p1 - 11 and b likewise, three nodes each (- 11 is + -11), then a * a, b * b and their sum
        assertEquals(9, himmelblau.topologicalOrder().stream().filter(v -> !v.inputs().isEmpty()).count());
        assertTrue(himmelblau.topologicalOrder().containsAll(List.of(p)));
    }
}
