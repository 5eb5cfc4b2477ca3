package io.microautograd.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic of {@code @Derivative} and {@code @Pullback} rules: the tagged message,
 * the line and column it points at (the annotation value at fault, the annotation, or the call),
 * and that it is the only error.
 */
class CustomRuleDiagnosticsTest {

    private static final JavaFileObject SPECIAL = JavaFileObjects.forSourceString("q.Special", """
            package q;

            public final class Special {
                private Special() {
                }

                public static double logistic(double x) {
                    return 1 / (1 + Math.exp(-x));
                }

                public static double f(double a) {
                    return a;
                }

                public static double f(double a, double b) {
                    return a * b;
                }

                public static double scaled(double a, int n) {
                    return n * a;
                }

                public static double shift(double a, double b) {
                    return a + b;
                }

                public static double weighted(double[] a, double[][] m, double s, int n) {
                    return s * a[n] * m[n][n];
                }
            }
            """);

    /** Rules (lines 6 on) in a class that imports what they need; the first rule's annotation is on line 6. */
    private static JavaFileObject rules(String members) {
        return JavaFileObjects.forSourceString("p.Rules", "package p;\n\nimport io.microautograd.*;\n"
                + "import q.Special;\n\nclass Rules {\n" + members + "}\n");
    }

    private static void assertOnlyError(String message, int line, int column, JavaFileObject... sources) {
        Compilation compilation = GeneratedCode.javac().compile(sources);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(message).inFile(sources[sources.length - 1]).onLine(line)
                .atColumn(column);
    }

    @Test
    void targetNotFound() {
        assertOnlyError("[MicroAutograd:CustomRule] no static method Special.logistik to differentiate; a rule's"
                + " target is a static, non-private method of the class in of", 7, 46, SPECIAL, rules("""
                    @Derivative(of = Special.class, method = "logistik")
                    static double slope(double x) {
                        return x;
                    }
                """));
    }

    @Test
    void ambiguousOverload() {
        assertOnlyError("[MicroAutograd:CustomRule] rule Rules.slope(double, double) matches 2 overloads of Special.f:"
                + " Special.f(double) and Special.f(double, double); write the rule of one of them in a class of its"
                + " own", 7, 46, SPECIAL, rules("""
                    @Derivative(of = Special.class, method = "f", wrt = "a")
                    static double slope(double a, double b) {
                        return b;
                    }
                """));
    }

    @Test
    void arityThatMatchesNoOverloadPrintsTheExpectedSignatures() {
        assertOnlyError("[MicroAutograd:CustomRule] rule Rules.slope(double, double, double) does not match"
                + " Special.logistic(double); a @Derivative rule of it is double slope(double x) or"
                + " double slope(double x, double y)", 7, 46, SPECIAL, rules("""
                    @Derivative(of = Special.class, method = "logistic")
                    static double slope(double x, double y, double z) {
                        return y * (1 - y);
                    }
                """));
    }

    @Test
    void parameterTypesOutsideThePartialsForm() {
        assertOnlyError("[MicroAutograd:CustomRule] rule Rules.slope(double, int) does not match"
                + " Special.scaled(double, int); a @Derivative rule of it is impossible: scaled(double, int) must"
                + " return double and take only doubles (use @Pullback for arrays)", 7, 46, SPECIAL, rules("""
                    @Derivative(of = Special.class, method = "scaled")
                    static double slope(double a, int n) {
                        return n;
                    }
                """));
    }

    @Test
    void aPullbackWhoseParametersDoNotMatchPrintsTheExpectedSignature() {
        assertOnlyError("[MicroAutograd:CustomRule] rule Rules.weighted(double[], double[][], double, int, double,"
                + " double[], double[][]) does not match Special.weighted(double[], double[][], double, int); a"
                + " @Pullback rule of it is double weighted(double[] a, double[][] m, double s, int n, double seed,"
                + " double[] scalarAdjoints, double[] dA, double[][] dM)", 7, 44, SPECIAL, rules("""
                    @Pullback(of = Special.class, method = "weighted")
                    static double weighted(double[] a, double[][] m, double s, int n, double seed, double[] dA,
                            double[][] dM) {
                        return Special.weighted(a, m, s, n);
                    }
                """));
    }

    @Test
    void aPullbackTargetNotFound() {
        assertOnlyError("[MicroAutograd:CustomRule] no static method Special.weigted to differentiate; a rule's"
                + " target is a static, non-private method of the class in of", 7, 44, SPECIAL, rules("""
                    @Pullback(of = Special.class, method = "weigted")
                    static double weighted(double[] a, double seed, double[] dA) {
                        return 0;
                    }
                """));
    }

    @Test
    void aPullbackOfATargetWithPartialsIsDeclaredTwice() {
        assertOnlyError("[MicroAutograd:CustomRule] a rule of Special.logistic(double) is already declared by"
                + " Rules.slope(double); keep one of them", 12, 5, SPECIAL, rules("""
                    @Derivative(of = Special.class, method = "logistic")
                    static double slope(double x) {
                        return x;
                    }

                    @Pullback(of = Special.class, method = "logistic")
                    static double logistic(double x, double seed, double[] scalarAdjoints) {
                        return x;
                    }
                """));
    }

    @Test
    void aMathFunctionWithABuiltInRuleNeedsReplaces() {
        assertOnlyError("[MicroAutograd:CustomRule] Math.sin has a built-in derivative; set replaces = true to use"
                + " this rule instead", 7, 43, SPECIAL, rules("""
                    @Derivative(of = Math.class, method = "sin")
                    static double slope(double x) {
                        return Math.cos(x);
                    }
                """));
    }

    @Test
    void aDifferentiableTargetNeedsReplaces() {
        assertOnlyError("[MicroAutograd:CustomRule] Rules.square is @Differentiable; set replaces = true to use this"
                + " rule instead", 7, 44, SPECIAL, rules("""
                    @Derivative(of = Rules.class, method = "square")
                    static double slope(double x) {
                        return 2 * x;
                    }

                    @Differentiable
                    static double square(double x) {
                        return x * x;
                    }
                """));
    }

    @Test
    void aRuleDeclaredTwice() {
        assertOnlyError("[MicroAutograd:CustomRule] this partial of Special.logistic(double) is already declared by"
                + " Rules.slope(double); keep one of them", 12, 5, SPECIAL, rules("""
                    @Derivative(of = Special.class, method = "logistic")
                    static double slope(double x) {
                        return x;
                    }

                    @Derivative(of = Special.class, method = "logistic")
                    static double slopeAgain(double x, double y) {
                        return y * (1 - y);
                    }
                """));
    }

    @Test
    void wrtNamingNoParameter() {
        assertOnlyError("[MicroAutograd:CustomRule] wrt = \"c\" names no parameter of slope; its parameters for"
                + " shift's are a, b", 7, 61, SPECIAL, rules("""
                    @Derivative(of = Special.class, method = "shift", wrt = "c")
                    static double slope(double a, double b) {
                        return 1;
                    }
                """));
    }

    @Test
    void wrtMissingForATargetOfSeveralParameters() {
        assertOnlyError("[MicroAutograd:CustomRule] shift has 2 parameters; name the one this partial is for in wrt,"
                + " as the rule method names it", 7, 5, SPECIAL, rules("""
                    @Derivative(of = Special.class, method = "shift")
                    static double slope(double a, double b) {
                        return 1;
                    }
                """));
    }

    @Test
    void aPrivateRuleMethod() {
        assertOnlyError("[MicroAutograd:CustomRule] @Derivative rule Rules.slope must be a static, non-private method"
                + " returning double, which the generated code calls", 7, 5, SPECIAL, rules("""
                    @Derivative(of = Special.class, method = "logistic")
                    private static double slope(double x) {
                        return x;
                    }
                """));
    }

    @Test
    void aPullbackRuleReturningNoDouble() {
        assertOnlyError("[MicroAutograd:CustomRule] @Pullback rule Rules.weighted must be a static, non-private method"
                + " returning double, which the generated code calls", 7, 5, SPECIAL, rules("""
                    @Pullback(of = Special.class, method = "weighted")
                    static void weighted(double[] a, double[][] m, double s, int n, double seed,
                            double[] scalarAdjoints, double[] dA, double[][] dM) {
                    }
                """));
    }

    @Test
    void aCallDifferentiatingAParameterWithoutAPartial() {
        assertOnlyError("[MicroAutograd:CustomRule] call of shift passes a value that depends on a differentiated"
                + " parameter to its parameter b, which the @Derivative rules of shift give no partial for, so that"
                + " derivative would be lost; declare a @Derivative of shift with wrt = \"b\" or pass it only"
                + " constants", 14, 29, SPECIAL, rules("""
                    @Derivative(of = Special.class, method = "shift", wrt = "a")
                    static double slope(double a, double b) {
                        return 1;
                    }

                    @Differentiable
                    static double f(double x) {
                        return Special.shift(x, x);
                    }
                """));
    }

    /** A second-order method's Hessian-vector product would need the rule's own derivative, which no rule gives. */
    @Test
    void aSecondOrderCallerOfARule() {
        assertOnlyError("[MicroAutograd:SecondOrder] call of logistic, whose derivative is a user's rule, from f,"
                + " whose Hessian-vector product would need the rule's own derivative, which rules do not give; use"
                + " order = 1 for f, or write logistic as a @Differentiable(order = 2) method without the rule",
                14, 32, SPECIAL, rules("""
                    @Derivative(of = Special.class, method = "logistic")
                    static double slope(double x, double y) {
                        return y * (1 - y);
                    }

                    @Differentiable(order = 2)
                    static double f(double x) {
                        return Special.logistic(x) * x;
                    }
                """));
    }

    @Test
    void aSecondOrderCallerOfAPullbackRule() {
        assertOnlyError("[MicroAutograd:SecondOrder] call of logistic, whose derivative is a user's rule, from f,"
                + " whose Hessian-vector product would need the rule's own derivative, which rules do not give; use"
                + " order = 1 for f, or write logistic as a @Differentiable(order = 2) method without the rule",
                14, 32, SPECIAL, rules("""
                    @Pullback(of = Special.class, method = "logistic")
                    static double logistic(double x, double seed, double[] scalarAdjoints) {
                        return x;
                    }

                    @Differentiable(order = 2)
                    static double f(double x) {
                        return Special.logistic(x) * x;
                    }
                """));
    }

    @Test
    void aRuleTheGeneratedCodeCannotCall() {
        JavaFileObject rules = JavaFileObjects.forSourceString("q.Rules", """
                package q;

                import io.microautograd.Derivative;

                public final class Rules {
                    @Derivative(of = Special.class, method = "logistic")
                    static double slope(double x, double y) {
                        return y * (1 - y);
                    }
                }
                """);
        assertOnlyError("[MicroAutograd:CustomRule] the rule Rules.slope(double, double) of logistic is not public,"
                + " so code generated in package p cannot call it; make it and its class public", 12, 32, SPECIAL,
                rules, JavaFileObjects.forSourceString("p.Model", """
                package p;

                import io.microautograd.Differentiable;
                import q.Special;

                class Model {
                    private Model() {
                    }

                    @Differentiable
                    static double f(double x) {
                        return Special.logistic(x);
                    }
                }
                """));
    }
}
