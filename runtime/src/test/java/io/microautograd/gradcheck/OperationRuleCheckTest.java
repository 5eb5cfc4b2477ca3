package io.microautograd.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.BuiltIns;
import io.microautograd.engine.Op;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The gradient check verifies the rule of an operation, and names the operation in its report. */
class OperationRuleCheckTest {

    private static final double[][] POINTS = {{-1.5}, {0.3}, {2.0}};

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static Op.Unary softplus(Op.Derivative derivative) {
        return Op.unary("softplus", x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), derivative);
    }

    @Test
    void aRightRulePasses() {
        GradientCheckReport report = GradientCheck.standard().assertGradient(softplus((x, y) -> sigmoid(x)), POINTS);
        assertTrue(report.passed(), report.toString());
        assertTrue(report.toString().startsWith("Gradient check of operation \"softplus\" passed on 3 point(s): worst"
                + " error "), report.toString());
    }

    /** The classic bug of hand-written derivatives: the 2 of d(x^2) applied twice, or a term counted twice. */
    @Test
    void aRuleOffByAFactorOfTwoIsCaughtAndNamed() {
        Op.Unary doubled = softplus((x, y) -> 2 * sigmoid(x));
        GradientMismatchError error = assertThrows(GradientMismatchError.class,
                () -> GradientCheck.standard().assertGradient(doubled, POINTS));

        GradientCheckReport report = error.report();
        double[] point = report.point();
        assertEquals(2 * sigmoid(point[0]), report.analytic(), 1e-15);
        assertEquals(sigmoid(point[0]), report.numeric(), 1e-9);
        assertEquals(0.5, report.worstError(), 1e-8, "the rule is twice the truth");
        assertEquals("Gradient check of operation \"softplus\" failed on 3 point(s): worst error "
                + report.worstError() + " > tolerance 1.0E-6 at parameter 0 of point " + report.pointIndex() + " "
                + Arrays.toString(point) + ": analytic " + report.analytic() + ", numeric " + report.numeric() + ".",
                error.getMessage());
    }

    @Test
    void binaryAndNaryRulesAreCheckedAtRandomPoints() {
        Op.Binary logAddExp = Op.binary("logaddexp", (a, b) -> Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))),
                (a, b, y) -> Math.exp(a - y), (a, b, y) -> 2 * Math.exp(b - y));
        GradientCheckReport binary = GradientCheck.standard().checkNear(logAddExp, new double[] {0, 0}, 3, 10, 7);
        assertFalse(binary.passed(), binary.toString());
        assertEquals(1, binary.parameterIndex(), "the second partial is the wrong one");

        Op.Nary norm = Op.naryVjp("norm", x -> Math.sqrt(Arrays.stream(x).map(v -> v * v).sum()),
                (x, y, gradient) -> Arrays.stream(x).map(v -> gradient * v / y).toArray());
        assertTrue(GradientCheck.standard().assertGradientNear(norm, new double[] {1, -2, 3}, 0.5, 10, 7).passed());
        Op.Nary twiceTheNorm = Op.naryVjp("norm", x -> Math.sqrt(Arrays.stream(x).map(v -> v * v).sum()),
                (x, y, gradient) -> Arrays.stream(x).map(v -> 2 * gradient * v / y).toArray());
        GradientMismatchError error = assertThrows(GradientMismatchError.class, () -> GradientCheck.standard()
                .assertGradientNear(twiceTheNorm, new double[] {1, -2, 3}, 0.5, 10, 7));
        assertTrue(error.getMessage().startsWith("Gradient check of operation \"norm\" failed on 10 point(s)"),
                error.getMessage());
    }

    @Test
    void theEnginesOwnRulesPass() {
        for (Op op : new Op[] {BuiltIns.TANH, BuiltIns.SIGMOID, BuiltIns.EXPM1}) {
            assertTrue(GradientCheck.standard().checkNear(op, new double[] {0.4}, 1, 5, 3).passed(), op.name());
        }
        for (Op op : new Op[] {BuiltIns.ATAN2, BuiltIns.HYPOT, BuiltIns.DIV, BuiltIns.SUM}) {
            assertTrue(GradientCheck.standard().checkNear(op, new double[] {0.4, -2.7}, 1, 5, 3).passed(), op.name());
        }
    }

    @Test
    void anOperationIsCheckedOnItsOwnInputs() {
        assertEquals("operation \"^\" keeps input 1 as a constant operand, which gets no gradient; check a function of"
                + " its other inputs", assertThrows(IllegalArgumentException.class,
                        () -> GradientCheck.standard().check(BuiltIns.POW, new double[] {2, 3})).getMessage());
        assertEquals("operation \"softplus\" takes 1 input, got 2", assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.standard().check(softplus((x, y) -> sigmoid(x)), new double[] {2, 3}))
                .getMessage());
        assertEquals("operation must not be null", assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.standard().check((Op) null, POINTS)).getMessage());
    }
}
