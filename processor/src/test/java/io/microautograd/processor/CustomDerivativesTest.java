package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls of methods with a user's {@code @Derivative} rules: gradients equal central differences
 * and tangents the gradient dotted with a direction, in straight code, loops, {@code wrt} subsets
 * and calls between {@code @Differentiable} methods, with the target in another class, in the
 * caller's own class, or in {@code Math} replaced explicitly; and a rule replacing the derived
 * pullback of a {@code @Differentiable} helper is used instead of it.
 */
class CustomDerivativesTest {

    /** Functions the processor cannot see into: a loop over a series, an int parameter's type test. */
    static final JavaFileObject SPECIAL = JavaFileObjects.forSourceString("q.Special", """
            package q;

            public final class Special {
                private Special() {
                }

                /** The logistic function, by a series the compiler would refuse (a while loop). */
                public static double logistic(double x) {
                    double e = Math.exp(-Math.abs(x));
                    double y = 1 / (1 + e);
                    return x >= 0 ? y : 1 - y;
                }

                public static double mix(double a, double b) {
                    return Math.sin(a) * Math.exp(b) + a * a * b;
                }

                public static double shift(double a, double b) {
                    return a * a + b;
                }
            }
            """);

    static final JavaFileObject RULES = JavaFileObjects.forSourceString("q.SpecialRules", """
            package q;

            import io.microautograd.Derivative;

            public final class SpecialRules {
                private SpecialRules() {
                }

                @Derivative(of = Special.class, method = "logistic")
                public static double logistic(double x, double y) {
                    return y * (1 - y);
                }

                @Derivative(of = Special.class, method = "mix", wrt = "a")
                public static double mixA(double a, double b) {
                    return Math.cos(a) * Math.exp(b) + 2 * a * b;
                }

                @Derivative(of = Special.class, method = "mix", wrt = "b")
                public static double mixB(double a, double b, double y) {
                    return y - Math.sin(a) * Math.exp(b) + Math.sin(a) * Math.exp(b) - a * a * b + a * a;
                }

                @Derivative(of = Special.class, method = "shift", wrt = "a")
                public static double shiftA(double a, double b) {
                    return 2 * a;
                }
            }
            """);

    static final JavaFileObject MODEL = JavaFileObjects.forSourceString("p.Model", """
            package p;

            import io.microautograd.Derivative;
            import io.microautograd.Differentiable;
            import q.Special;

            class Model {
                static double cube(double x) {
                    return x * x * x;
                }

                @Derivative(of = Model.class, method = "cube")
                static double cubeSlope(double x) {
                    return 3 * x * x;
                }

                @Derivative(of = Math.class, method = "sqrt", replaces = true)
                static double sqrtSlope(double x, double y) {
                    return y == 0 ? 0 : 0.5 / y;
                }

                @Differentiable
                static double straight(double a, double b) {
                    double s = Special.logistic(a * b) + Special.mix(a, b);
                    return s * Special.mix(b, 0.5 * a) + cube(a - b);
                }

                @Differentiable
                static double looped(double[] w, double c) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s = Special.mix(Special.logistic(w[i] * s + c), 0.1 * s) + s * 0.5;
                    }
                    return s;
                }

                @Differentiable(wrt = "a")
                static double firstOnly(double a, double b) {
                    return Special.mix(a, b) * b;
                }

                @Differentiable
                static double partialRuleWithConstant(double a) {
                    return Special.shift(a, 3.0) * a;
                }

                @Differentiable
                static double caller(double a, double b) {
                    double[] pair = {a, b};
                    return firstOnly(a * a, 1.5) + Special.logistic(looped(pair, b));
                }

                @Differentiable
                static double clipped(double x) {
                    return x * x;
                }

                @Derivative(of = Model.class, method = "clipped", replaces = true)
                static double clippedSlope(double x) {
                    return Math.max(-1, Math.min(1, 2 * x));
                }

                @Differentiable
                static double usesClipped(double x) {
                    return clipped(x) + x;
                }

                @Differentiable
                static double rootAtZero(double x) {
                    return Math.sqrt(x * x) + x;
                }
            }
            """);

    private static GeneratedCode code;
    private static ArrayGradientCheck check;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile(SPECIAL, RULES, MODEL);
        check = new ArrayGradientCheck(code, "p.Model");
    }

    @Test
    void straightCodeThroughRulesInAnotherClassAndTheCallersOwn() {
        check.check("straight", new Object[] {0.7, -0.4}, "a:0", "b:1");
        check.check("straight", new Object[] {-1.3, 2.1}, "a:0", "b:1");
    }

    @Test
    void loopsTapeWhatTheRulesRead() {
        check.check("looped", new Object[] {new double[] {0.3, -1.2, 0.8, 2.0}, 0.25}, "w:0", "c:1");
    }

    @Test
    void wrtSubsetsAndPartialRulesWithConstantArguments() {
        check.check("firstOnly", new Object[] {0.9, -0.6}, "a:0");
        check.check("partialRuleWithConstant", new Object[] {1.7}, "a:0");
    }

    @Test
    void callsBetweenDifferentiableMethods() {
        check.check("caller", new Object[] {0.45, -0.8}, "a:0", "b:1");
    }

    @Test
    void aRuleReplacingADerivableHelperIsUsedAndItsDerivedPullbackIsNot() {
        assertEquals(2.0, (double) GeneratedCode.component(code.call("p.ModelGrad", "usesClipped", 3.0), "x"),
                "the clipped slope 1, not the derived 6, plus 1");
        assertEquals(1.5, (double) GeneratedCode.component(code.call("p.ModelGrad", "usesClipped", 0.25), "x"));
        assertEquals(4.0, (double) code.call("p.ModelGrad", "usesClippedTangent", 3.0, 2.0));
        assertEquals(6.0, (double) GeneratedCode.component(code.call("p.ModelGrad", "clipped", 3.0), "x"),
                "the helper's own gradient is still the derived one");
        assertEquals(0, GeneratedCode.occurrences(code.pullbackSource("p.ModelGrad", "usesClipped"),
                "clippedPullback"));
    }

    @Test
    void withoutTheRuntimeOnTheClassPathNoValueOperationsAreWritten() {
        assertTrue(code.compilation().generatedSourceFile("q.SpecialRulesOps").isEmpty());
        assertTrue(code.compilation().generatedSourceFile("p.ModelOps").isEmpty());
    }

    @Test
    void aReplacedMathRuleIsTheOneUsed() {
        Object at = code.call("p.ModelGrad", "rootAtZero", 0.0);
        assertEquals(1.0, (double) GeneratedCode.component(at, "x"), "sqrt's rule gives 0 at 0, not infinity");
        check.check("rootAtZero", new Object[] {1.25}, "x:0");
    }
}
