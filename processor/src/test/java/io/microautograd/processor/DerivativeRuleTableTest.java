package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.processor.diff.DerivativeRules;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.MathFunction;
import io.microautograd.processor.ir.UnaryOp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the derivative rule table, each applied alone to (a, b), compiled, run and
 * checked against central finite differences inside the row's domain and away from its kinks.
 */
class DerivativeRuleTableTest {

    private static final double[] P1 = {0.37, 0.71};
    private static final double[] P2 = {1.3, 1.9};
    private static final double[] P3 = {-0.6, 0.45};
    private static final double[] P4 = {2.2, -1.15};
    private static final Map<Object, FunctionCase> ROWS = new LinkedHashMap<>();

    static {
        row(BinaryOp.ADD, "a + b", P1, P2, P3, P4);
        row(BinaryOp.SUB, "a - b", P1, P2, P3, P4);
        row(BinaryOp.MUL, "a * b", P1, P2, P3, P4);
        row(BinaryOp.DIV, "a / b", P1, P2, P3, P4);
        row(UnaryOp.NEG, "-a", P1, P3);
        row(UnaryOp.PLUS, "+a", P1, P3);
        row(UnaryOp.TO_FLOAT, "(float) a * b", P1, P3);
        row(MathFunction.SIN, "Math.sin(a)", P1, P2, P3, P4);
        row(MathFunction.COS, "Math.cos(a)", P1, P2, P3, P4);
        row(MathFunction.TAN, "Math.tan(a)", P1, P2, P3);
        row(MathFunction.ASIN, "Math.asin(a)", P1, P3);
        row(MathFunction.ACOS, "Math.acos(a)", P1, P3);
        row(MathFunction.ATAN, "Math.atan(a)", P1, P2, P3, P4);
        row(MathFunction.ATAN2, "Math.atan2(a, b)", P1, P2, P3, P4);
        row(MathFunction.SINH, "Math.sinh(a)", P1, P2, P3, P4);
        row(MathFunction.COSH, "Math.cosh(a)", P1, P2, P3, P4);
        row(MathFunction.TANH, "Math.tanh(a)", P1, P2, P3, P4);
        row(MathFunction.EXP, "Math.exp(a)", P1, P2, P3, P4);
        row(MathFunction.EXPM1, "Math.expm1(a)", P1, P2, P3, P4);
        row(MathFunction.LOG, "Math.log(a)", P1, P2, P4);
        row(MathFunction.LOG10, "Math.log10(a)", P1, P2, P4);
        row(MathFunction.LOG1P, "Math.log1p(a)", P1, P2, P3, P4);
        row(MathFunction.SQRT, "Math.sqrt(a)", P1, P2, P4);
        row(MathFunction.CBRT, "Math.cbrt(a)", P1, P2, P3, P4);
        row(MathFunction.POW, "Math.pow(a, b)", P1, P2, P4);
        row(MathFunction.HYPOT, "Math.hypot(a, b)", P1, P2, P3, P4);
        row(MathFunction.FMA, "Math.fma(a, b, a * b)", P1, P2, P3, P4);
        row(MathFunction.TO_RADIANS, "Math.toRadians(a) * b", P1, P2, P3, P4);
        row(MathFunction.TO_DEGREES, "Math.toDegrees(a) * b", P1, P2, P3, P4);
        row(MathFunction.COPY_SIGN, "Math.copySign(a, b) + Math.copySign(b, -a)", P1, P2, P3, P4);
        row(MathFunction.SCALB, "Math.scalb(a, 5) * b + Math.scalb(b, -3)", P1, P2, P3, P4);
        row(MathFunction.ROUND, "Math.round(a * 3) * b", P1, P2, P3, P4);
        row(MathFunction.FLOOR_DIV, "Math.floorDiv(-7, 2) * a + Math.floorDiv(9L, 4) * b", P1, P3);
        row(MathFunction.FLOOR_MOD, "Math.floorMod(-7, 2) * a + Math.floorMod(9L, -4) * b", P1, P3);
        row(MathFunction.ABS, "Math.abs(a)", P1, P3);
        row(MathFunction.MAX, "Math.max(a, b)", P1, P2, P3, P4);
        row(MathFunction.MIN, "Math.min(a, b)", P1, P2, P3, P4);
        row(MathFunction.SIGNUM, "Math.signum(a) * b", P1, P3);
        row(MathFunction.FLOOR, "Math.floor(a) * b", P1, P2, P3, P4);
        row(MathFunction.CEIL, "Math.ceil(a) * b", P1, P2, P3, P4);
        row(MathFunction.RINT, "Math.rint(a) * b", P1, P2, P3, P4);
    }

    private static GeneratedCode code;

    private static void row(Object primitive, String expression, double[]... points) {
        String name = "rule" + primitive.toString().charAt(0) + primitive.toString().substring(1)
                .toLowerCase(Locale.ROOT);
        ROWS.put(primitive, new FunctionCase(name, "@Differentiable", "double a, double b",
                "return " + expression + ";", new int[] {0, 1}, points, new Object[0]));
    }

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Rules", "package p;\n\nimport io.microautograd.Differentiable;\n\n"
                + "class Rules {\n" + ROWS.values().stream().map(FunctionCase::source).collect(Collectors.joining("\n"))
                + "}\n");
    }

    /** Every row but clamp's: Math.clamp is Java 21's, so {@link MathClampTest} checks it on JDK 25. */
    static List<Object> rows() {
        return DerivativeRules.primitives().stream().filter(p -> p != MathFunction.CLAMP).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowMatchesFiniteDifferences(Object primitive) {
        if (primitive == UnaryOp.TO_FLOAT) {
            roundingToFloatHasDerivativeOne();
            return;
        }
        ROWS.get(primitive).check(code, "p.Rules");
    }

    /**
     * The rounding to float is a staircase whose steps (a float's ulp, 6e-8 relative) are finer
     * than any difference step the other rows use, so its rule, derivative 1 as JAX's astype has,
     * is held to a central difference with a step of 1e-2, which the steps move by 1e-5 at most.
     */
    private static void roundingToFloatHasDerivativeOne() {
        for (double[] point : new double[][] {P1, P3}) {
            Object result = code.call("p.RulesGrad", "ruleTo_float", point[0], point[1]);
            double h = 1e-2;
            double difference = ((double) code.call("p.Rules", "ruleTo_float", point[0] + h, point[1])
                    - (double) code.call("p.Rules", "ruleTo_float", point[0] - h, point[1])) / (2 * h);
            assertEquals(point[1], (double) GeneratedCode.component(result, "a"));
            assertEquals(difference, (double) GeneratedCode.component(result, "a"), 1e-5);
            assertEquals((float) point[0], (double) GeneratedCode.component(result, "b"));
        }
    }

    @Test
    void everyRowOfTheTableIsChecked() {
        assertEquals(Set.copyOf(rows()), Set.copyOf(ROWS.keySet()));
    }

    /** Every operator with a derivative and every Math function of the subset has a row. */
    @Test
    void everyPrimitiveOfTheSubsetHasARow() {
        Set<Object> primitives = new java.util.HashSet<>(List.of(MathFunction.values()));
        List.of(BinaryOp.values()).stream().filter(op -> !op.isComparisonOrLogical() && op != BinaryOp.REM)
                .forEach(primitives::add);
        List.of(UnaryOp.values()).stream().filter(op -> op != UnaryOp.NOT).forEach(primitives::add);
        assertEquals(primitives, DerivativeRules.primitives());
    }
}
