package io.microautograd.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One compile reports every unsupported construct, as javac does: reading goes on after each
 * rejection, through the other statements, the other operands and the other methods, and a
 * rejected declaration or part brings no follow-on error.
 */
class ErrorRecoveryTest {

    private static Compilation compile(String body) {
        return GeneratedCode.javac().compile(source(body));
    }

    private static JavaFileObject source(String members) {
        return JavaFileObjects.forSourceString("p.Model", "package p;\n\nimport io.microautograd.Differentiable;\n\n"
                + "class Model {\n" + members + "}\n");
    }

    private static void assertError(Compilation compilation, JavaFileObject file, String message, int line,
            int column) {
        assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line).atColumn(column);
    }

    @Test
    void fiveUnsupportedConstructsInThreeMethodsAreAllReportedInOneCompile() {
        JavaFileObject file = source("""
                    @Differentiable
                    static double a(double x) {
                        float q = 1;
                        return x * q;
                    }

                    @Differentiable
                    static double b(double x, int n) {
                        double y = x + (n++);
                        return Math.ulp(x) * y;
                    }

                    @Differentiable
                    static double c(double x) {
                        double s = 0;
                        for (int i = 0; i < 3; i++) {
                            s += x;
                            if (s > 1) return s;
                        }
                        synchronized (Model.class) {
                            s += 1;
                        }
                        return s;
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(5);
        assertError(compilation, file, "[MicroAutograd:UnsupportedType] local q has type float", 8, 9);
        assertError(compilation, file, "[MicroAutograd:UnsupportedExpression] assignment inside an expression (n++)",
                14, 26);
        assertError(compilation, file, "[MicroAutograd:UnsupportedMath] Math.ulp with 1 arguments", 15, 24);
        assertError(compilation, file, "[MicroAutograd:UnsupportedLoop] return inside a loop is not supported", 23,
                24);
        assertError(compilation, file, "[MicroAutograd:UnsupportedStatement] synchronized statement is not supported",
                25, 9);
    }

    @Test
    void bothOperandsOfAnExpressionAreReported() {
        JavaFileObject file = source("""
                    @Differentiable
                    static double f(double x) {
                        return Math.ulp(x) * Math.nextUp(x);
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(2);
        assertError(compilation, file, "Math.ulp with 1 arguments", 8, 24);
        assertError(compilation, file, "Math.nextUp with 1 arguments", 8, 41);
    }

    @Test
    void everyArgumentOfACallIsReported() {
        JavaFileObject file = source("""
                    @Differentiable
                    static double f(double x) {
                        return Math.atan2(Math.ulp(x), Math.nextUp(x));
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(2);
        assertError(compilation, file, "Math.ulp with 1 arguments", 8, 35);
        assertError(compilation, file, "Math.nextUp with 1 arguments", 8, 51);
    }

    @Test
    void aRejectedTypeSilencesEveryUseOfItsName() {
        Compilation compilation = compile("""
                    @Differentiable
                    static double f(double x) {
                        float q = 1;
                        q = q * 2;
                        double y = q + x;
                        return y * q;
                    }
                """);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("local q has type float");
    }

    @Test
    void aRejectedInitialValueLeavesTheVariableDeclaredSoLaterErrorsStillShow() {
        JavaFileObject file = source("""
                    @Differentiable
                    static double f(double x) {
                        double y = Math.ulp(x);
                        return y * Math.nextUp(x);
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(2);
        assertError(compilation, file, "Math.ulp with 1 arguments", 8, 28);
        assertError(compilation, file, "Math.nextUp with 1 arguments", 9, 31);
    }

    @Test
    void aRejectedParameterTypeStillLetsTheBodyBeChecked() {
        JavaFileObject file = source("""
                    @Differentiable
                    static double f(double x, float w) {
                        double y = x * w;
                        return y + Math.ulp(x);
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(2);
        assertError(compilation, file, "[MicroAutograd:UnsupportedType] parameter w has type float", 7, 37);
        assertError(compilation, file, "Math.ulp with 1 arguments", 9, 28);
    }

    @Test
    void signatureAndBodyErrorsComeTogether() {
        JavaFileObject file = source("""
                    @Differentiable(wrt = {"x", "k"})
                    double f(double x) {
                        float q = 1;
                        return x * q;
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(3);
        assertError(compilation, file, "[MicroAutograd:NotStatic]", 7, 12);
        assertError(compilation, file, "[MicroAutograd:UnknownWrt] wrt names \"k\"", 6, 33);
        assertError(compilation, file, "local q has type float", 8, 9);
    }

    @Test
    void aLoopsHeaderAndBodyAreBothChecked() {
        JavaFileObject file = source("""
                    @Differentiable
                    static double f(double x) {
                        double s = 0;
                        for (int i = 0; i < Math.ulp(x); i++) {
                            s += Math.nextUp(x);
                        }
                        return s;
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(2);
        assertError(compilation, file, "Math.ulp with 1 arguments", 9, 37);
        assertError(compilation, file, "Math.nextUp with 1 arguments", 10, 29);
    }

    @Test
    void anIfsConditionAndBranchesAreAllChecked() {
        JavaFileObject file = source("""
                    @Differentiable
                    static double f(double x) {
                        if (Math.ulp(x) > 0) {
                            return Math.nextUp(x);
                        } else {
                            return Math.nextDown(x);
                        }
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(3);
        assertError(compilation, file, "Math.ulp", 8, 21);
        assertError(compilation, file, "Math.nextUp", 9, 31);
        assertError(compilation, file, "Math.nextDown", 11, 33);
    }

    @Test
    void anErrorInACaseThatOthersFallInToIsReportedOnce() {
        JavaFileObject file = source("""
                    @Differentiable
                    @SuppressWarnings("fallthrough")
                    static double f(double x, int n) {
                        double r = 0;
                        switch (n) {
                            case 1:
                                r = x;
                            case 2:
                                r += 2 * x;
                            case 3:
                                r += Math.ulp(x);
                                break;
                            default:
                                r = -x;
                        }
                        return r;
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertError(compilation, file, "Math.ulp with 1 arguments", 16, 30);
    }

    @Test
    void errorsAreReportedInSourceOrder() {
        Compilation compilation = compile("""
                    @Differentiable
                    static double f(double x) {
                        double a = Math.ulp(x);
                        double b = Math.nextUp(a);
                        return Math.nextDown(b);
                    }
                """);
        assertThat(compilation.errors().stream().map(Diagnostic::getLineNumber).toList())
                .containsExactly(8L, 9L, 10L).inOrder();
    }
}
