package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twins of methods that call functions with a user's rule: the call is one node of the rule's
 * {@code Value} operation ({@code RulesOps.target(...)}, taking {@code Value[]} for an array under a
 * {@code @Pullback} rule), for rules in the caller's class, in another class of the same build and
 * compiled in an earlier javac run, in straight code and in loops, also where the rule replaces a
 * {@code @Differentiable} helper or a {@code Math} function; the twin's value is the original's to
 * the bit and its gradient the compiled one to 1e-12 ({@link ValueTwinCheck}, through
 * {@link ArrayGradientCheck}). A method whose callee's rule has no operation has no twin, and the
 * twin class's javadoc says why.
 */
class ValueTwinsOfRulesTest {

    private static GeneratedCode code;
    private static ArrayGradientCheck check;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile(ValueTwinCheck.withEngine(CustomDerivativesTest.SPECIAL, CustomDerivativesTest.RULES,
                CustomDerivativesTest.MODEL));
        check = new ArrayGradientCheck(code, "p.Model");
    }

    @Test
    void straightCodeCallsTheRulesOperationsOnceEach() throws Exception {
        check.check("straight", new Object[] {0.7, -0.4}, "a:0", "b:1");
        check.check("straight", new Object[] {-1.3, 2.1}, "a:0", "b:1");
        String twins = source("p.ModelValues");
        assertTrue(twins.contains("Value s = SpecialRulesOps.logistic(a.mul(b)).add(SpecialRulesOps.mix(a, b))"
                + ".label(\"s\");"), twins);
        assertTrue(twins.contains("return s.mul(SpecialRulesOps.mix(b, Value.of(0.5).mul(a)))"
                + ".add(ModelOps.cube(a.sub(b)));"), twins);
        assertEquals(Map.of("cube", 1L, "logistic", 1L, "mix", 2L),
                ruleNodes(twin("straight", value(0.7), value(-0.4)), "cube", "logistic", "mix"));
    }

    @Test
    void aLoopMakesANodeOfEachOperationPerTrip() throws Exception {
        double[] w = {0.3, -1.2, 0.8, 2.0};
        check.check("looped", new Object[] {w, 0.25}, "w:0", "c:1");
        Object values = java.lang.reflect.Array.newInstance(valueClass(), w.length);
        for (int i = 0; i < w.length; i++) {
            java.lang.reflect.Array.set(values, i, value(w[i]));
        }
        assertEquals(Map.of("logistic", 4L, "mix", 4L),
                ruleNodes(twin("looped", values, value(0.25)), "logistic", "mix"));
    }

    @Test
    void wrtSubsetsAndCallsBetweenAnnotatedMethods() {
        check.check("firstOnly", new Object[] {0.9, -0.6}, "a:0");
        check.check("caller", new Object[] {0.45, -0.8}, "a:0", "b:1");
        assertTrue(source("p.ModelValues").contains("return ModelValues.firstOnly(a.mul(a), Value.of(1.5))"
                + ".add(SpecialRulesOps.logistic(ModelValues.looped(pair, b)));"), source("p.ModelValues"));
    }

    /** The compiled gradient uses the rule, not the helper's derived pullback; the twin must too. */
    @Test
    void aRuleReplacingAHelperIsTheTwinsOperationNotTheHelpersTwin() {
        assertTrue(source("p.ModelValues").contains("return ModelOps.clipped(x).add(x);"), source("p.ModelValues"));
        for (double x : new double[] {3.0, 0.25, -2.0}) {
            double compiled = (double) GeneratedCode.component(code.call("p.ModelGrad", "usesClipped", x), "x");
            ValueTwinCheck.check(code, "p.Model", "usesClipped", new Object[] {x}, new int[] {0},
                    new Object[] {compiled});
        }
        assertEquals(2.0, (double) GeneratedCode.component(code.call("p.ModelGrad", "usesClipped", 3.0), "x"),
                "the clipped slope 1 plus 1, which the twin matched");
    }

    @Test
    void aReplacedMathFunctionIsItsRulesOperation() {
        check.check("rootAtZero", new Object[] {1.25}, "x:0");
        check.check("rootAtZero", new Object[] {-0.5}, "x:0");
        assertTrue(source("p.ModelValues").contains("return ModelOps.sqrt(x.mul(x)).add(x);"), source("p.ModelValues"));
    }

    @Test
    void aRuleWithoutAPartialForEveryParameterLeavesItsCallersWithoutATwinAndSaysWhy() {
        assertEquals(List.of("caller", "clipped", "firstOnly", "looped", "rootAtZero", "straight", "usesClipped"),
                twins(code, "p.ModelValues"));
        assertTrue(source("p.ModelValues").contains(" * <p>Methods without a twin, and why:\n * <ul>\n"
                + " * <li>{@code partialRuleWithConstant}: it calls shift, whose @Derivative rules give no partial"
                + " for b, so it has no Value operation</li>\n * </ul>\n"), source("p.ModelValues"));
    }

    @Test
    void rulesCompiledEarlierWithTheEngineAreFoundThroughUseRulesOrInTheTargetsClass(@TempDir Path classes) {
        GeneratedCode rules = GeneratedCode.of(GeneratedCode.javac("-parameters").compile(ValueTwinCheck.withEngine(
                RulesCompiledElsewhereTest.SPECIAL, RulesCompiledElsewhereTest.RULES)));
        GeneratedCode later = rules.compileAfter(classes, loopOverRules());
        assertTrue(source(later, "p.ModelValues").contains(
                "s = SpecialRulesOps.mix(SpecialRulesOps.logistic(s.mul(b)), a);"),
                source(later, "p.ModelValues"));
        assertTrue(source(later, "p.ModelValues").contains("return s.add(SpecialOps.cube(a));"),
                source(later, "p.ModelValues"));
        ArrayGradientCheck check = new ArrayGradientCheck(later, "p.Model");
        check.check("f", new Object[] {0.4, -0.9}, "a:0", "b:1");
        check.check("f", new Object[] {-1.3, 0.6}, "a:0", "b:1");
    }

    @Test
    void rulesCompiledEarlierWithoutTheEngineHaveNoOperationAndTheirCallersNoTwin(@TempDir Path classes) {
        GeneratedCode rules = GeneratedCode.of(GeneratedCode.javac("-parameters").compile(
                RulesCompiledElsewhereTest.SPECIAL, RulesCompiledElsewhereTest.RULES));
        GeneratedCode later = rules.compileAfter(classes, ValueTwinCheck.withEngine(loopOverRules()));
        assertEquals(List.of(), twins(later, "p.ModelValues"));
        assertTrue(source(later, "p.ModelValues").contains("<li>{@code f}: it calls mix, whose rules were"
                + " compiled elsewhere without a Value operation (no SpecialRulesOps.mix(Value, Value)): compile them"
                + " with the engine on the class path</li>"), source(later, "p.ModelValues"));
    }

    /** A @Pullback rule's operation takes the array as {@code Value[]}; the caller's twin calls it. */
    @Test
    void aPullbackRulesOperationIsTheCallInItsCallersTwin() {
        GeneratedCode pullback = GeneratedCode.compile(ValueTwinCheck.withEngine(JavaFileObjects.forSourceString(
                "p.Norms", """
                package p;

                import io.microautograd.Differentiable;
                import io.microautograd.Pullback;

                class Norms {
                    static double squares(double[] a) {
                        double s = 0;
                        for (double x : a) {
                            s += x * x;
                        }
                        return s;
                    }

                    @Pullback(of = Norms.class, method = "squares")
                    static double squaresPullback(double[] a, double seed, double[] dA) {
                        for (int i = 0; i < a.length; i++) {
                            dA[i] += seed * 2 * a[i];
                        }
                        return squares(a);
                    }

                    @Differentiable
                    static double scaled(double[] a, double c) {
                        return c * squares(a);
                    }
                }
                """)));
        new ArrayGradientCheck(pullback, "p.Norms").check("scaled", new Object[] {new double[] {0.3, -1.2, 2.0}, 0.7},
                "a:0", "c:1");
        assertEquals(List.of("scaled"), twins(pullback, "p.NormsValues"));
        assertTrue(source(pullback, "p.NormsValues").contains("return c.mul(NormsOps.squares(a));"),
                source(pullback, "p.NormsValues"));
    }

    /** A loop through rules of {@code q.SpecialRules}, named by {@code @UseRules}, and of {@code q.Special} itself. */
    private static JavaFileObject loopOverRules() {
        return RulesCompiledElsewhereTest.model("@UseRules(SpecialRules.class)", """
                double s = b;
                        for (int i = 0; i < 3; i++) {
                            s = Special.mix(Special.logistic(s * b), a);
                        }
                        return s + Special.cube(a);""");
    }

    /** How many nodes of {@code result}'s graph each of the named operations made. */
    private static Map<String, Long> ruleNodes(Object result, String... operations) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (Object node : (List<?>) result.getClass().getMethod("topologicalOrder").invoke(result)) {
            Object op = node.getClass().getMethod("op").invoke(node);
            String name = (String) op.getClass().getMethod("name").invoke(op);
            if (Arrays.asList(operations).contains(name)) {
                counts.merge(name, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Object twin(String method, Object... arguments) {
        return code.call("p.ModelValues", method, arguments);
    }

    private static Class<?> valueClass() throws ClassNotFoundException {
        return code.loader().loadClass("io.microautograd.engine.Value");
    }

    private static Object value(double x) throws Exception {
        return valueClass().getMethod("of", double.class).invoke(null, x);
    }

    private static String source(String generatedClass) {
        return source(code, generatedClass);
    }

    private static String source(GeneratedCode compiled, String generatedClass) {
        return ValueTwinTest.source(compiled.compilation(), generatedClass);
    }

    private static List<String> twins(GeneratedCode compiled, String twinClass) {
        return ValueTwinTest.twins(compiled, twinClass);
    }
}
