package io.microautograd.accuracy;

import static io.microautograd.accuracy.HighPrecision.ulpsOff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.accuracy.TrueDerivatives.Reference;
import io.microautograd.engine.BuiltIns;
import io.microautograd.engine.Op;
import io.microautograd.engine.Value;
import io.microautograd.fuzz.InMemoryCompiler;
import io.microautograd.processor.DifferentiableProcessor;
import io.microautograd.processor.diff.DerivativeRules;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.MathFunction;
import io.microautograd.processor.ir.UnaryOp;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every local derivative of both paths against the truth, at ordinary points and in the tails:
 * each row of the {@code Value} engine's {@link BuiltIns} through {@link Value#localPartials()}, and each
 * row of the processor's rule table through the code the processor generates for a method that
 * applies the primitive alone to its parameters (so the gradient is the row's partial, times an
 * adjoint of 1). Each partial must be within {@link #ULPS} units in the last place of the true
 * partial, computed to 60 digits by {@link HighPrecision}: the referee may not be the weaker
 * party, and neither may the compiled path. A rule that {@link TrueDerivatives} does not cover
 * fails {@link #everyRuleOfBothPathsHasATrueDerivative()}.
 */
class DerivativeAccuracyTest {

    /**
     * Units in the last place a partial may be off: a few roundings of the formula, and the up to
     * 2.5 ulps that {@code Math}'s cosh, sinh and tanh may be off by their specification.
     */
    static final double ULPS = 8;

    private static final String CLASS = "accuracy.Rules";
    private static Class<?> generated;

    @BeforeAll
    static void compileTheRuleTable() throws ClassNotFoundException {
        String methods = compiledReferences().map(r -> "    @Differentiable\n    static double "
                + methodName(r.compiledPrimitive()) + "(double a, double b) {\n        return "
                + javaExpression(r.compiledPrimitive()) + ";\n    }\n").collect(Collectors.joining("\n"));
        InMemoryCompiler.Result result = InMemoryCompiler.compile(Map.of(CLASS, "package accuracy;\n\n"
                + "import io.microautograd.Differentiable;\n\npublic class Rules {\n" + methods + "}\n"),
                new DifferentiableProcessor());
        assertTrue(result.success(), result.errors());
        generated = result.classes().loadClass(CLASS + "Grad");
    }

    static Stream<Reference> engineReferences() {
        return TrueDerivatives.ALL.stream().filter(r -> r.engineOp() != null);
    }

    static Stream<Reference> compiledReferences() {
        return TrueDerivatives.ALL.stream().filter(r -> r.compiledPrimitive() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engineReferences")
    void engineRuleIsWithinAFewUlpsOfTheTruth(Reference reference) {
        List<String> wrong = new ArrayList<>();
        for (double[] point : reference.points()) {
            Value node = reference.engine().apply(Value.of(point));
            assertEquals(reference.engineOp(), node.op(), "the reference builds a node of its operation");
            compare(reference, point, node.localPartials(), wrong);
        }
        assertTrue(wrong.isEmpty(), "Value engine, " + reference + ":\n" + String.join("\n", wrong));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compiledReferences")
    void compiledRuleIsWithinAFewUlpsOfTheTruth(Reference reference) throws ReflectiveOperationException {
        Method method = generated.getMethod(methodName(reference.compiledPrimitive()), double.class, double.class,
                double[].class);
        List<String> wrong = new ArrayList<>();
        for (double[] point : reference.points()) {
            double[] gradient = new double[2];
            try {
                method.invoke(null, point[0], point.length > 1 ? point[1] : 0.0, gradient);
            } catch (InvocationTargetException e) {
                throw new AssertionError(reference + " threw at " + Arrays.toString(point), e.getCause());
            }
            compare(reference, point, gradient, wrong);
        }
        assertTrue(wrong.isEmpty(), "compiled, " + reference + ":\n" + String.join("\n", wrong));
    }

    @Test
    void everyRuleOfBothPathsHasATrueDerivative() {
        Set<Op> engine = engineReferences().map(Reference::engineOp).collect(Collectors.toSet());
        Set<Op> rows = new HashSet<>(BuiltIns.all());
        rows.remove(BuiltIns.LEAF);
        assertEquals(rows, engine, "every row of BuiltIns but LEAF needs a reference in TrueDerivatives");
        Set<Object> compiled = compiledReferences().map(Reference::compiledPrimitive).collect(Collectors.toSet());
        // Math.clamp is Java 21's, so this JDK 17 test cannot compile it; its row's partials are
        // exactly 0 or 1, checked on JDK 25 by the processor's MathClampTest.
        compiled.add(MathFunction.CLAMP);
        assertEquals(DerivativeRules.primitives(), compiled,
                "every row of DerivativeRules needs a reference in TrueDerivatives");
    }

    /** The comparison can fail: the textbook y (1 - y), 1 - y^2 and y + 1 are far off in the tails. */
    @Test
    void theComparisonCatchesFormulasThatLoseTheirDigits() {
        double sigmoid = 1 / (1 + Math.exp(-20));
        assertTrue(ulpsOff(sigmoid * (1 - sigmoid), truth("sigmoid", 20)) > ULPS, "sigmoid'(20) as y (1 - y)");
        double tanh = Math.tanh(5);
        assertTrue(ulpsOff(1 - tanh * tanh, truth("tanh", 5)) > ULPS, "tanh'(5) as 1 - y^2");
        assertTrue(ulpsOff(Math.expm1(-40) + 1, truth("expm1", -40)) > ULPS, "expm1'(-40) as y + 1");
    }

    /** Adds to {@code wrong} a line for each partial further than {@link #ULPS} from the truth. */
    private static void compare(Reference reference, double[] point, double[] partials, List<String> wrong) {
        BigDecimal[] truth = reference.truth().at(Arrays.stream(point).mapToObj(HighPrecision::of)
                .toArray(BigDecimal[]::new));
        for (int i = 0; i < partials.length; i++) {
            BigDecimal expected = i < truth.length ? truth[i] : BigDecimal.ZERO;
            double off = ulpsOff(partials[i], expected);
            if (!(off <= ULPS)) {
                wrong.add(String.format(Locale.ROOT, "  at %s partial %d is %s, the truth %s: %.3g ulps off",
                        Arrays.toString(point), i, partials[i], expected.round(MathContext.DECIMAL64), off));
            }
        }
    }

    private static BigDecimal truth(String name, double x) {
        Reference reference = TrueDerivatives.ALL.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow();
        return reference.truth().at(new BigDecimal[] {HighPrecision.of(x)})[0];
    }

    /**
     * The primitive applied to the method's parameters a (and b), as Java source; functions that
     * take ints get them by casts, which carry no derivative, and fma a constant third argument.
     */
    private static String javaExpression(Object primitive) {
        if (primitive instanceof MathFunction f) {
            return switch (f) {
                case FMA -> "Math.fma(a, b, 2.5)";
                case SCALB -> "Math.scalb(a, (int) b)";
                case FLOOR_DIV, FLOOR_MOD -> "Math." + f.javaName() + "((int) a, (int) b)";
                default -> "Math." + f.javaName() + (f.arity() == 1 ? "(a)" : "(a, b)");
            };
        }
        if (primitive instanceof BinaryOp op) {
            return "a " + op.symbol() + " b";
        }
        return ((UnaryOp) primitive).symbol() + "a";
    }

    /** A method name per primitive, such as {@code mathFunctionTanh} or {@code binaryOpAdd}. */
    private static String methodName(Object primitive) {
        String kind = primitive.getClass().getSimpleName();
        String name = primitive.toString().toLowerCase(Locale.ROOT);
        return Character.toLowerCase(kind.charAt(0)) + kind.substring(1) + Character.toUpperCase(name.charAt(0))
                + name.substring(1);
    }
}
