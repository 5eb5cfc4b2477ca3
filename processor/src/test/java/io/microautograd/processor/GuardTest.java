package io.microautograd.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards: {@code throw new SomeException(message)} at any point of the forward code. The
 * generated methods throw the same exception with the same message at the same point, before
 * any adjoint is touched, and compute the gradient where the guard passes.
 */
class GuardTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Projectile {
                static final class OutOfRange extends IllegalStateException {
                    private static final long serialVersionUID = 1L;

                    OutOfRange(String message) {
                        super(message);
                    }
                }

                @Differentiable
                static double range(double v0, double angle) {
                    if (v0 <= 0) throw new IllegalArgumentException("v0 must be positive, got " + v0);
                    if (angle < 0 || angle > 90) {
                        throw new IllegalArgumentException("angle " + angle + " is not in [0, 90] (degrees, "
                                + (angle - 90) + " too far)");
                    }
                    double a = angle * Math.PI / 180;
                    return v0 * v0 * Math.sin(2 * a) / 9.81;
                }

                @Differentiable
                static double sumUntilNegative(double[] x, int n) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        if (x[i] < 0) {
                            throw new OutOfRange("x[" + i + "] = " + x[i] + " < 0 after a sum of " + s);
                        }
                        s = s * 0.5 + x[i] * x[i];
                    }
                    return s;
                }

                @Differentiable
                static double alwaysThrows(double x) {
                    throw new UnsupportedOperationException();
                }

                @Differentiable
                @SuppressWarnings("fallthrough")
                static double switchEndsInAThrow(double x, int n) {
                    switch (n) {
                        default:
                            x = x * 2;
                        case 1, 2:
                            throw new IllegalArgumentException("n = " + n + ", x = " + x);
                    }
                }
            }
            """;

    private static GeneratedCode code;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Projectile", SOURCE);
    }

    /** The exception the call throws, unwrapped from the reflective call. */
    private static Throwable thrownBy(String className, String method, Object... arguments) {
        AssertionError error = assertThrows(AssertionError.class, () -> code.call(className, method, arguments));
        return error.getCause();
    }

    @Test
    void theGeneratedMethodsThrowWhatTheSourceThrowsWithTheSameMessage() {
        for (Object[] arguments : new Object[][] {{-1.5, 30.0}, {0.0, 30.0}, {10.0, 95.0}, {10.0, -0.5}}) {
            Throwable expected = thrownBy("p.Projectile", "range", arguments);
            assertEquals(IllegalArgumentException.class, expected.getClass());
            Throwable generated = thrownBy("p.ProjectileGrad", "range", arguments);
            assertEquals(expected.getClass(), generated.getClass());
            assertEquals(expected.getMessage(), generated.getMessage());
        }
        assertEquals("angle 95.0 is not in [0, 90] (degrees, 5.0 too far)",
                thrownBy("p.ProjectileGrad", "range", 10.0, 95.0).getMessage());
    }

    @Test
    void aGuardThatThrowsLeavesTheCallersStorageAsItWas() {
        double[] gradient = {7.0, 8.0};
        thrownBy("p.ProjectileGrad", "range", -1.0, 30.0, gradient);
        assertArrayEquals(new double[] {7.0, 8.0}, gradient);
        double[] dX = {1.0, 2.0, 3.0};
        thrownBy("p.ProjectileGrad", "sumUntilNegative", new double[] {0.5, 0.25, -1.0}, 3, dX);
        assertArrayEquals(new double[] {1.0, 2.0, 3.0}, dX);
    }

    @Test
    void whereTheGuardsPassTheGradientIsRight() {
        double v0 = 12.0;
        double angle = 35.0;
        Object result = code.call("p.ProjectileGrad", "range", v0, angle);
        double a = angle * Math.PI / 180;
        assertEquals((double) code.call("p.Projectile", "range", v0, angle), (double) GeneratedCode.component(result,
                "value"));
        assertEquals(2 * v0 * Math.sin(2 * a) / 9.81, (double) GeneratedCode.component(result, "v0"), 1e-12);
        assertEquals(v0 * v0 * 2 * Math.cos(2 * a) * Math.PI / 180 / 9.81,
                (double) GeneratedCode.component(result, "angle"), 1e-12);
    }

    @Test
    void aGuardInsideALoopThrowsAtTheSameIterationAndLaterCallsAreRight() {
        double[] bad = {0.5, 0.25, -1.0, 2.0};
        Throwable expected = thrownBy("p.Projectile", "sumUntilNegative", bad, 4);
        Throwable generated = thrownBy("p.ProjectileGrad", "sumUntilNegative", bad, 4);
        assertEquals("p.Projectile$OutOfRange", generated.getClass().getName());
        assertEquals(expected.getMessage(), generated.getMessage());
        assertEquals("x[2] = -1.0 < 0 after a sum of 0.1875", generated.getMessage());
        double[] x = {0.5, 0.25, 1.5};
        double[] dX = new double[3];
        double value = (double) code.call("p.ProjectileGrad", "sumUntilNegative", x, 3, dX);
        assertEquals((double) code.call("p.Projectile", "sumUntilNegative", x, 3), value);
        assertArrayEquals(new double[] {0.25 * 2 * 0.5, 0.5 * 2 * 0.25, 2 * 1.5}, dX, 1e-15);
    }

    @Test
    void aMethodThatAlwaysThrowsCompilesAndThrows() {
        assertEquals(UnsupportedOperationException.class, thrownBy("p.ProjectileGrad", "alwaysThrows", 1.0).getClass());
    }

    /**
     * A switch whose default falls into a case that throws ends the method; the generated method
     * tested each case in turn and did not compile ("missing return statement").
     */
    @Test
    void aSwitchThatEndsTheMethodByFallingIntoAThrowCompilesAndThrows() {
        for (int n = 0; n < 3; n++) {
            Throwable expected = thrownBy("p.Projectile", "switchEndsInAThrow", 1.5, n);
            Throwable generated = thrownBy("p.ProjectileGrad", "switchEndsInAThrow", 1.5, n);
            assertEquals(IllegalArgumentException.class, generated.getClass());
            assertEquals(expected.getMessage(), generated.getMessage());
        }
        assertEquals("n = 0, x = 3.0", thrownBy("p.ProjectileGrad", "switchEndsInAThrow", 1.5, 0).getMessage());
    }

    private static Compilation compileBody(String body) {
        return GeneratedCode.javac().compile(source(body));
    }

    private static JavaFileObject source(String body) {
        return JavaFileObjects.forSourceString("p.Model", "package p;\n\nimport io.microautograd.Differentiable;\n\n"
                + "class Model {\n    @Differentiable\n    static double f(double x) throws Exception {\n        "
                + body + "\n        return x;\n    }\n}\n");
    }

    @Test
    void aCheckedExceptionIsRejectedAtItsName() {
        Compilation compilation = compileBody("if (x < 0) throw new Exception(\"negative\");");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedStatement] Exception is a checked "
                + "exception, which the generated methods do not declare; throw a subclass of RuntimeException, such "
                + "as IllegalArgumentException").inFile(source("")).onLine(8).atColumn(30);
    }

    @Test
    void aPrivateExceptionClassIsRejectedAtItsName() {
        JavaFileObject file = JavaFileObjects.forSourceString("p.Model",
                "package p;\n\nimport io.microautograd.Differentiable;\n\nclass Model {\n"
                        + "    private static final class Bad extends RuntimeException {\n"
                        + "        private static final long serialVersionUID = 1L;\n    }\n\n"
                        + "    @Differentiable\n    static double f(double x) {\n        if (x < 0) throw new Bad();\n"
                        + "        return x;\n    }\n}\n");
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedStatement] throw of the private class "
                + "Bad, which the generated class cannot create; make it package-private").inFile(file).onLine(12)
                .atColumn(30);
    }

    @Test
    void aMessageThatIsNotAStringIsRejectedAtTheMessage() {
        JavaFileObject file = source("if (x < 0) throw new IllegalArgumentException(x * 2);");
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedExpression] exception message x * 2 is "
                + "not a string; join a string literal and the values with +").inFile(file).onLine(8).atColumn(57);
    }

    @Test
    void aMessagePartThatIsNoNumberIsRejectedAtThePart() {
        JavaFileObject file = JavaFileObjects.forSourceString("p.Model", "package p;\n\nimport "
                + "io.microautograd.Differentiable;\n\nclass Model {\n    @Differentiable\n    static double "
                + "f(double x, double[] v) {\n        if (x < 0) throw new IllegalArgumentException(\"v is \" + v);"
                + "\n        return x * v[0];\n    }\n}\n");
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedExpression] exception message part v; "
                + "join string literals with numbers and booleans").inFile(file).onLine(8).atColumn(65);
    }

    @Test
    void aThrowOfAnythingButANewExceptionIsRejected() {
        Compilation compilation = compileBody("RuntimeException e = null;\n        throw e;");
        assertThat(compilation).hadErrorContaining("local e has type RuntimeException");
        JavaFileObject file = JavaFileObjects.forSourceString("p.Model",
                "package p;\n\nimport io.microautograd.Differentiable;\n\nclass Model {\n"
                        + "    static final RuntimeException FAILURE = new RuntimeException();\n\n"
                        + "    @Differentiable\n    static double f(double x) {\n        if (x < 0) throw FAILURE;\n"
                        + "        return x;\n    }\n}\n");
        Compilation rethrow = GeneratedCode.javac().compile(file);
        assertThat(rethrow).hadErrorCount(1);
        assertThat(rethrow).hadErrorContaining("[MicroAutograd:UnsupportedStatement] throw of FAILURE; a "
                + "@Differentiable method may throw only throw new SomeException(message)").inFile(file).onLine(10)
                .atColumn(26);
    }

    @Test
    void aMessageBuiltByAMethodCallIsRejectedAtTheCall() {
        Compilation compilation = compileBody("if (x < 0) throw new IllegalArgumentException(String.valueOf(x));");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedCall]").inFile(source("")).onLine(8);
    }
}
