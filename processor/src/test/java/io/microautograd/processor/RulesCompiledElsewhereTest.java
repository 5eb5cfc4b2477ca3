package io.microautograd.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Derivative} rules compiled in an earlier javac run, seen only as class files, as a jar
 * of rules or another module is: found through {@code @UseRules} on the class or its package, or
 * in the target's own class, and explained at the call when they are not found or not usable.
 */
class RulesCompiledElsewhereTest {

    static final JavaFileObject SPECIAL = JavaFileObjects.forSourceString("q.Special", """
            package q;

            import io.microautograd.Derivative;

            public final class Special {
                private Special() {
                }

                public static double logistic(double x) {
                    return 1 / (1 + Math.exp(-x));
                }

                public static double cube(double x) {
                    return x * x * x;
                }

                @Derivative(of = Special.class, method = "cube")
                public static double cubeSlope(double x) {
                    return 3 * x * x;
                }

                public static double mix(double a, double b) {
                    return Math.sin(a) * b;
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
                    return Math.cos(a) * b;
                }

                @Derivative(of = Special.class, method = "mix", wrt = "b")
                public static double mixB(double a, double b) {
                    return Math.sin(a);
                }
            }
            """);

    /** The class {@code p.Model}, {@code annotation} on it, whose method {@code f(double a, double b)} is {@code body}. */
    static JavaFileObject model(String annotation, String body) {
        return JavaFileObjects.forSourceString("p.Model", "package p;\n\nimport io.microautograd.Differentiable;\n"
                + "import io.microautograd.UseRules;\nimport q.Special;\nimport q.SpecialRules;\n\n" + annotation
                + "\nclass Model {\n    @Differentiable\n    static double f(double a, double b) {\n        " + body
                + "\n    }\n}\n");
    }

    @Test
    void rulesNamedByUseRulesOnTheClass(@TempDir Path classes) {
        GeneratedCode rules = GeneratedCode.of(GeneratedCode.javac("-g").compile(SPECIAL, RULES));
        GeneratedCode code = rules.compileAfter(classes, model("@UseRules(SpecialRules.class)",
                "return Special.logistic(a * b) + Special.mix(b, a) * Special.cube(a);"));
        new ArrayGradientCheck(code, "p.Model").check("f", new Object[] {0.6, -1.1}, "a:0", "b:1");
    }

    @Test
    void rulesNamedByUseRulesOnThePackage(@TempDir Path classes) {
        GeneratedCode rules = GeneratedCode.compile(SPECIAL, RULES);
        JavaFileObject packageInfo = JavaFileObjects.forSourceString("p.package-info",
                "@UseRules(SpecialRules.class)\npackage p;\n\nimport io.microautograd.UseRules;\n"
                + "import q.SpecialRules;\n");
        GeneratedCode code = rules.compileAfter(classes, packageInfo, model("", "return Special.logistic(a - b);"));
        new ArrayGradientCheck(code, "p.Model").check("f", new Object[] {0.3, 0.9}, "a:0", "b:1");
    }

    @Test
    void aRuleInTheTargetsOwnClassNeedsNoUseRules(@TempDir Path classes) {
        GeneratedCode rules = GeneratedCode.compile(SPECIAL, RULES);
        GeneratedCode code = rules.compileAfter(classes, model("", "return Special.cube(a * b);"));
        new ArrayGradientCheck(code, "p.Model").check("f", new Object[] {0.7, -1.4}, "a:0", "b:1");
    }

    @Test
    void withoutUseRulesTheErrorSaysWhereRulesAreFound(@TempDir Path classes) {
        GeneratedCode rules = GeneratedCode.compile(SPECIAL, RULES);
        JavaFileObject model = model("", "return Special.logistic(a * b);");
        Compilation compilation = rules.javacAfter(classes).compile(model);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedCall] call of logistic, which is not"
                + " @Differentiable, with an argument that depends on a differentiated parameter; annotate logistic"
                + " with @Differentiable or pass it only values that are constants, or declare its derivative with"
                + " @Derivative or @Pullback (rules compiled elsewhere: name their class in @UseRules)")
                .inFile(model).onLine(12).atColumn(32);
    }

    @Test
    void aRuleWhoseClassFileKeepsNoParameterNamesIsExplainedAtTheCall(@TempDir Path classes) {
        GeneratedCode rules = GeneratedCode.of(GeneratedCode.javac("-g:none").compile(SPECIAL, RULES));
        JavaFileObject model = model("@UseRules(SpecialRules.class)", "return Special.mix(a, b);");
        Compilation compilation = rules.javacAfter(classes).compile(model);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:CustomRule] the rule SpecialRules.mixA(double,"
                + " double) of mix cannot be used: wrt = \"a\" names no parameter of mixA; its parameters for mix's are"
                + " arg0, arg1 (its class file keeps no parameter names: compile it with -parameters or -g)")
                .inFile(model).onLine(12).atColumn(27);
    }

    @Test
    void aRuleWithParameterNamesInItsClassFileIsUsed(@TempDir Path classes) {
        GeneratedCode rules = GeneratedCode.of(GeneratedCode.javac("-parameters").compile(SPECIAL, RULES));
        GeneratedCode code = rules.compileAfter(classes, model("@UseRules(SpecialRules.class)",
                "return Special.mix(a, b);"));
        new ArrayGradientCheck(code, "p.Model").check("f", new Object[] {1.2, 0.4}, "a:0", "b:1");
    }
}
