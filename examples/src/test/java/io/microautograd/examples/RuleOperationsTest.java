package io.microautograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.gradcheck.GradientCheckReport;
import io.microautograd.gradcheck.ValueObjective;
import io.microautograd.optim.Objective;
import io.microautograd.visualize.GradientTrace;
import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * One {@code @Derivative} or {@code @Pullback} declaration serves both paths: where the runtime is
 * on the class path the processor writes the rules' {@code Value} operations ({@code GammaRulesOps},
 * {@code ArrayRulesOps}), which {@code GradientCheck} checks like any operation, catching a rule
 * off by a factor of 2.
 */
class RuleOperationsTest {

    @Test
    void theGeneratedOperationIsTheRuleOnTheValuePath() {
        Value x = Value.of(3.5);
        Value y = GammaRulesOps.logGamma(x);
        y.backward();
        assertEquals(Gamma.logGamma(3.5), y.data());
        assertEquals(Gamma.digamma(3.5), x.grad());
        assertTrue(y.toString().contains("logGamma"), y.toString());
    }

    @Test
    void gradientCheckPassesTheCompiledRule() {
        GradientCheck.standard().assertGradientNear(GammaRulesOps.LOG_GAMMA, new double[] {4}, 3.5, 20, 18);
    }

    @Test
    void binaryAndNaryRulesGiveOperationsTooWithTheOutputPassedToRulesThatTakeIt() {
        GradientCheck check = GradientCheck.standard();
        check.assertGradientNear(BetaRulesOps.LOG_BETA, new double[] {2, 3}, 1.5, 20, 18);
        check.assertGradientNear(BetaRulesOps.BLEND, new double[] {0.7, -1.2, 0.4}, 0.5, 20, 18);
        Value a = Value.of(0.7);
        Value b = Value.of(-1.2);
        Value c = Value.of(0.4);
        BetaRulesOps.blend(a, b, c).backward();
        assertEquals(-1.2 + Math.sin(0.4), a.grad(), 1e-15);
        assertEquals(0.7 * Math.cos(0.4), c.grad(), 1e-15);
    }

    @Test
    void gradientCheckCatchesACompiledRuleOffByTwoAndNamesIt() {
        GradientCheckReport report = GradientCheck.standard().checkNear(DoubledRulesOps.DIGAMMA, new double[] {4},
                3.5, 20, 18);
        assertFalse(report.passed());
        assertEquals(2.0, report.analytic() / report.numeric(), 1e-6);
        assertTrue(report.toString().contains("\"digamma\""), report.toString());
    }

    @Test
    void aPullbackRuleGivesTheTargetOnNodesWhoseGradientsAreCentralDifferences() {
        GradientCheck check = GradientCheck.standard();
        check.assertGradientNear(onEngine(p -> ArrayRulesOps.softNorm(p).mul(p[0])),
                new double[] {0.3, -1.2, 2.0, 0.7}, 1, 20, 18);
        double[] center = {1.7, 0.3, -1.2, 0.8, 1.1, 0.4, -0.6, 0.5, -0.7, 1.3, -0.4};
        check.assertGradientNear(onEngine(p -> ArrayRulesOps.scaledRow(p[0], new Value[][] {slice(p, 1, 3),
                slice(p, 4, 3)}, 1, slice(p, 7, 3), p[10])), center, 1, 20, 18);
        check.assertGradientNear(onEngine(p -> ArrayRulesOps.picked(p, new int[] {2, 0, 2})),
                new double[] {0.9, -0.4, 1.6}, 1, 20, 18);
    }

    @Test
    void aPullbackOperationIsOneNodeNamedAfterItsTargetInToStringAndTheTrace() {
        Value[] w = Value.of(0.5, -0.7, 1.3);
        Value y = ArrayRulesOps.scaledRow(Value.of(2), new Value[][] {Value.of(1, 2, 3), Value.of(0.3, 0.4, -0.6)}, 1,
                w, Value.of(-0.4));
        y.backward();
        assertEquals(ArrayRules.scaledRow(2, new double[][] {{1, 2, 3}, {0.3, 0.4, -0.6}}, 1,
                new double[] {0.5, -0.7, 1.3}, -0.4), y.data());
        assertEquals(2 * 0.3, w[0].grad(), 1e-15);
        assertEquals(11, y.inputs().size(), "the inputs flattened, the int kept out");
        assertTrue(y.toString().contains("scaledRow"), y.toString());
        assertTrue(GradientTrace.of(y).toString().contains("scaledRow"));
    }

    @Test
    void theIndicesOfAPullbackOperationAreTheCallsEvenIfTheCallerChangesThemLater() {
        int[] idx = {2, 0, 2};
        Value[] a = Value.of(0.9, -0.4, 1.6);
        Value y = ArrayRulesOps.picked(a, idx);
        idx[0] = 1;
        y.backward();
        assertEquals(2 * 2 * 1.6, a[2].grad(), 1e-15);
        assertEquals(0, a[1].grad());
    }

    @Test
    void gradientCheckPassesAPullbackOperationAndCatchesOneOffByTwoNamingIt() {
        Value y = ArrayRulesOps.scaledRow(Value.of(2), new Value[][] {Value.of(1, 2), Value.of(3, 4)}, 0,
                Value.of(5, 6), Value.of(7));
        GradientCheck.standard().assertGradientNear(y.op(), new double[] {1.7, 0.3, -1.2, 0.8, 1.1, 0.5, -0.7, -0.4},
                1, 20, 18);
        GradientCheckReport report = GradientCheck.standard().checkNear(DoubledRulesOps.sumSquares(Value.of(1, 2))
                .op(), new double[] {0.8, -1.3}, 1, 20, 18);
        assertFalse(report.passed());
        assertEquals(2.0, report.analytic() / report.numeric(), 1e-6);
        assertTrue(report.toString().contains("\"sumSquares\""), report.toString());
    }

    @Test
    void aJaggedMatrixOrArraysTheTargetCannotTakeAreRefusedClearly() {
        IllegalArgumentException jagged = assertThrows(IllegalArgumentException.class, () -> ArrayRulesOps.scaledRow(
                Value.of(2), new Value[][] {Value.of(1, 2), {Value.of(3)}}, 0, Value.of(5, 6), Value.of(7)));
        assertEquals("operation \"scaledRow\" takes m as a matrix, whose rows have one length, but row 1 has length 1"
                + " and row 0 length 2", jagged.getMessage());
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class, () -> ArrayRulesOps
                .scaledRow(Value.of(2), new Value[][] {Value.of(1, 2)}, 0, Value.of(5, 6, 7), Value.of(7)));
        assertTrue(tooShort.getMessage().startsWith("operation \"scaledRow\" does not take arguments of these"
                + " lengths (s a scalar, m 1 x 2, w of length 3, t a scalar): "), tooShort.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> ArrayRulesOps
                .softNorm(new Value[] {Value.of(1), null}));
        assertEquals("input x[1] of operation \"softNorm\" is null", missing.getMessage());
    }

    @Test
    void aGradientThroughAPullbackOperationCannotBeDifferentiatedAgainAndSaysWhich() {
        Value[] a = Value.of(0.3, -1.2);
        Value y = ArrayRulesOps.softNorm(a);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> y.differentiate(a));
        assertTrue(e.getMessage().contains("\"softNorm\" has its backward rule in doubles only"), e.getMessage());
    }

    /** The objective of {@code function} on the engine: its value and its leaves' gradients after backward. */
    private static Objective onEngine(ValueObjective function) {
        return (params, gradient) -> {
            Value[] leaves = Value.of(params);
            Value y = function.apply(leaves);
            y.backward();
            for (int i = 0; i < leaves.length; i++) {
                gradient[i] += leaves[i].grad();
            }
            return y.data();
        };
    }

    private static Value[] slice(Value[] values, int from, int length) {
        return Arrays.copyOfRange(values, from, from + length);
    }
}
