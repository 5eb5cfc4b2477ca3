package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls of methods with a user's {@code @Pullback} rule: gradients equal central differences and
 * tangents the gradient dotted with a direction, in straight code, a loop that writes into the
 * arrays it passes, a {@code wrt} subset and calls between {@code @Differentiable} methods, with
 * rules compiled with the caller or found through {@code @UseRules}; and a rule replacing the
 * derived pullback of a {@code @Differentiable} helper is used instead of it.
 */
class CustomPullbacksTest {

    /** Functions of arrays the processor does not differentiate (their rules do). */
    private static final JavaFileObject NORMS = JavaFileObjects.forSourceString("q.Norms", """
            package q;

            public final class Norms {
                private Norms() {
                }

                public static double norm(double[] a) {
                    double s = 0;
                    for (double x : a) {
                        s += x * x;
                    }
                    return Math.sqrt(s);
                }

                /** s times the sum of the squares of the first n rows of m times v, plus c squared. */
                public static double form(double s, double[][] m, double[] v, int n, double c) {
                    double t = 0;
                    for (int i = 0; i < n; i++) {
                        double r = 0;
                        for (int j = 0; j < v.length; j++) {
                            r += m[i][j] * v[j];
                        }
                        t += r * r;
                    }
                    return s * t + c * c;
                }
            }
            """);

    private static final JavaFileObject RULES = JavaFileObjects.forSourceString("q.NormRules", """
            package q;

            import io.microautograd.Pullback;

            public final class NormRules {
                private NormRules() {
                }

                @Pullback(of = Norms.class, method = "norm")
                public static double norm(double[] a, double seed, double[] dA) {
                    double y = Norms.norm(a);
                    for (int i = 0; i < a.length; i++) {
                        dA[i] += seed * a[i] / y;
                    }
                    return y;
                }

                @Pullback(of = Norms.class, method = "form")
                public static double form(double s, double[][] m, double[] v, int n, double c, double seed,
                        double[] scalarAdjoints, double[][] dM, double[] dV) {
                    double t = 0;
                    for (int i = 0; i < n; i++) {
                        double r = 0;
                        for (int j = 0; j < v.length; j++) {
                            r += m[i][j] * v[j];
                        }
                        t += r * r;
                        for (int j = 0; j < v.length; j++) {
                            dM[i][j] += seed * 2 * s * r * v[j];
                            dV[j] += seed * 2 * s * r * m[i][j];
                        }
                    }
                    scalarAdjoints[0] += seed * t;
                    scalarAdjoints[1] += seed * 2 * c;
                    return s * t + c * c;
                }
            }
            """);

    private static final JavaFileObject MODEL = JavaFileObjects.forSourceString("p.Model", """
            package p;

            import io.microautograd.Differentiable;
            import io.microautograd.Pullback;
            import q.Norms;

            class Model {
                @Differentiable
                static double straight(double[] w, double[][] m, double b) {
                    double r = Norms.norm(w) * b;
                    return r + Norms.form(b * r, m, w, m.length, b - 1);
                }

                @Differentiable
                static double looped(double[] w, double[][] m) {
                    double s = 0;
                    for (int k = 0; k <= m.length; k++) {
                        s = s * 0.5 + Norms.form(s + 1, m, w, k, 0.3 * s);
                        w[k % w.length] = w[k % w.length] * 0.9 + s * 0.1;
                    }
                    return s + Norms.norm(w);
                }

                @Differentiable(wrt = "m")
                static double matrixOnly(double[] w, double[][] m, double b) {
                    return Norms.form(b, m, w, m.length, b) * Norms.norm(w);
                }

                @Differentiable
                static double caller(double[] w, double[][] m, double b) {
                    double[] fixed = {0.5, 1.5, -1};
                    return straight(w, m, b * b) + matrixOnly(fixed, m, 2.0);
                }

                @Differentiable
                static double sumSquares(double[] a) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                        s += a[i] * a[i];
                    }
                    return s;
                }

                @Pullback(of = Model.class, method = "sumSquares", replaces = true)
                static double clippedSumSquares(double[] a, double seed, double[] dA) {
                    for (int i = 0; i < a.length; i++) {
                        dA[i] += seed * Math.max(-1, Math.min(1, 2 * a[i]));
                    }
                    return sumSquares(a);
                }

                @Differentiable
                static double usesSumSquares(double[] a) {
                    return sumSquares(a) + a[0];
                }
            }
            """);

    private static final double[] W = {0.6, -1.1, 0.35};
    private static final double[][] M = {{0.2, -0.7, 1.3}, {0.9, 0.4, -0.25}};

    private static GeneratedCode code;
    private static ArrayGradientCheck check;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile(NORMS, RULES, MODEL);
        check = new ArrayGradientCheck(code, "p.Model");
    }

    @Test
    void straightCodeWithScalarAndArrayAdjoints() {
        check.check("straight", new Object[] {W, M, 0.8}, "w:0", "m:1", "b:2");
        check.check("straight", new Object[] {W, M, -1.4}, "w:0", "m:1", "b:2");
    }

    @Test
    void aTangentTakesTheValueOfACallFromTheRuleItCallsAndCallsTheTargetNoMore() {
        String tangent = code.tangentSource("p.ModelGrad", "straight");
        assertEquals(0, GeneratedCode.occurrences(tangent, "Norms\\.(norm|form)\\("), tangent);
        assertEquals(1, GeneratedCode.occurrences(tangent, "NormRules\\.norm\\("), tangent);
        assertEquals(1, GeneratedCode.occurrences(tangent, "NormRules\\.form\\("), tangent);
    }

    @Test
    void loopsRestoreTheArraysTheRuleReads() {
        check.check("looped", new Object[] {W, M}, "w:0", "m:1");
    }

    @Test
    void wrtSubsetsAndCallsBetweenDifferentiableMethods() {
        check.check("matrixOnly", new Object[] {W, M, 0.7}, "m:1");
        check.check("caller", new Object[] {W, M, 0.7}, "w:0", "m:1", "b:2");
    }

    @Test
    void aRuleReplacingADerivableHelperIsUsedAndItsDerivedPullbackIsNot() {
        Object at = code.call("p.ModelGrad", "usesSumSquares", (Object) new double[] {3.0, 0.25});
        assertArrayEquals(new double[] {2.0, 0.5}, (double[]) GeneratedCode.component(at, "a"),
                "the clipped slopes 1 and 0.5, not the derived 6, plus 1 for a[0]");
        assertEquals(2.0 * 0.5 + 0.5 * -2.0, (double) code.call("p.ModelGrad", "usesSumSquaresTangent",
                new double[] {3.0, 0.25}, new double[] {0.5, -2.0}), 1e-15);
        assertArrayEquals(new double[] {6.0, 0.5}, (double[]) GeneratedCode.component(
                code.call("p.ModelGrad", "sumSquares", (Object) new double[] {3.0, 0.25}), "a"),
                "the helper's own gradient is still the derived one");
        assertEquals(0, GeneratedCode.occurrences(code.pullbackSource("p.ModelGrad", "usesSumSquares"),
                "sumSquaresPullback"));
    }

    @Test
    void aRuleCompiledElsewhereIsFoundThroughUseRules(@TempDir Path classes) {
        GeneratedCode caller = GeneratedCode.compile(NORMS, RULES).compileAfter(classes,
                JavaFileObjects.forSourceString("p.Caller", """
                        package p;

                        import io.microautograd.Differentiable;
                        import io.microautograd.UseRules;
                        import q.NormRules;
                        import q.Norms;

                        @UseRules(NormRules.class)
                        class Caller {
                            @Differentiable
                            static double f(double[] w, double[][] m, double b) {
                                return Norms.form(b, m, w, 1, Norms.norm(w));
                            }
                        }
                        """));
        new ArrayGradientCheck(caller, "p.Caller").check("f", new Object[] {W, M, 0.4}, "w:0", "m:1", "b:2");
    }
}
