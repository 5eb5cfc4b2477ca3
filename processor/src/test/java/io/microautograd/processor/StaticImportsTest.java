package io.microautograd.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Names a body uses without a class: Math functions and constants imported with {@code import
 * static}, single or on demand, resolved as Java resolves them. A method of the class itself (or
 * of an enclosing class, or inherited) wins over any import, a single import over one on demand.
 */
class StaticImportsTest {

    private static final String SOURCE = """
            package p;

            import static java.lang.Math.*;
            import static java.lang.StrictMath.cbrt;

            import io.microautograd.Differentiable;

            class Projectile extends Base {
                @Differentiable
                static double sinh(double v) {
                    return 2 * v;
                }

                @Differentiable
                static double range(double v0, double degrees) {
                    double a = toRadians(degrees);
                    return v0 * v0 * sin(2 * a) / 9.81 - drag(v0) + cbrt(v0) + sinh(v0) * E + max(v0, PI);
                }
            }
            """;

    private static final String BASE = """
            package p;

            import io.microautograd.Differentiable;

            class Base {
                @Differentiable
                static double drag(double v) {
                    return 0.1 * v * v;
                }
            }
            """;

    private static GeneratedCode code;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile(JavaFileObjects.forSourceString("p.Projectile", SOURCE),
                JavaFileObjects.forSourceString("p.Base", BASE));
    }

    @Test
    void importedFunctionsAndConstantsHaveJavasValuesAndTheGradientOfFiniteDifferences() {
        for (double[] point : new double[][] {{12.0, 35.0}, {3.5, 60.0}, {0.9, 10.0}}) {
            FunctionCase range = new FunctionCase("range", "", "double v0, double degrees", "", new int[] {0, 1},
                    new double[][] {point}, new Object[0]);
            range.check(code, "p.Projectile");
        }
    }

    @Test
    void theClassesOwnMethodWinsOverTheImportAndTheSingleImportOverTheOneOnDemand() {
        String generated = code.pullbackSource("p.ProjectileGrad", "range");
        assertThat(generated).contains("StrictMath.cbrt(v0)");
        assertThat(generated).contains("Math.sin(");
        assertThat(generated).contains("Math.E");
        assertThat(generated).contains("sinhPullback(");
        assertThat(generated).contains("BaseGrad.dragPullback(");
    }

    private static Compilation compileBody(String imports, String body) {
        return GeneratedCode.javac().compile(source(imports, body));
    }

    private static JavaFileObject source(String imports, String body) {
        return JavaFileObjects.forSourceString("p.Model", "package p;\n\n" + imports
                + "import io.microautograd.Differentiable;\n\nclass Model {\n    @Differentiable\n"
                + "    static double f(double x) {\n        " + body + "\n    }\n}\n");
    }

    @Test
    void aMathFunctionWrittenWithoutImportOrClassSaysHowToWriteIt() {
        JavaFileObject file = source("", "return sin(x);");
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedCall] no method sin is visible here; "
                + "for the Math function, write Math.sin or import static java.lang.Math.sin").inFile(file).onLine(8)
                .atColumn(19);
    }

    @Test
    void clampNeedsJava21() {
        Compilation compilation = compileBody("", "return Math.clamp(x, 0.0, 1.0);");
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedMath] Math.clamp with 3 arguments has "
                + "no derivative rule");
        assertThat(compilation).hadErrorContaining("(clamp from JDK 21 on)");
    }

    @Test
    void anImportedMethodOutsideTheSubsetIsRejectedAsIfWrittenWithItsClass() {
        Compilation compilation = compileBody("import static java.lang.Math.*;\n\n", "return ulp(x);");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedMath] Math.ulp with 1 arguments");
    }
}
