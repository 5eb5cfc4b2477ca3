package io.microautograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.gradcheck.GradientCheckReport;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * One {@code @Derivative} declaration serves both paths: where the runtime is on the class path
 * the processor writes the rules' {@code Value} operations ({@code GammaRulesOps}), which
 * {@code GradientCheck} checks like any operation, catching a rule off by a factor of 2.
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
}
