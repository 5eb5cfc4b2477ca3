package io.microautograd.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Overloaded {@code @Differentiable} methods: each gets generated methods of its own name, told
 * apart by their parameters as Java tells the source methods apart, and a result record named
 * after its parameter types; calls between them resolve as Java resolves them. Only overloads
 * whose generated methods Java could not tell apart are an error.
 */
class OverloadsTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Model {
                @Differentiable
                static double energy(double x) {
                    return 0.5 * x * x;
                }

                @Differentiable
                static double energy(double[] v) {
                    double s = 0;
                    for (double e : v) {
                        s += energy(e);
                    }
                    return s;
                }

                @Differentiable
                static double energy(double x, double y) {
                    double[] pair = {x, y};
                    return energy(pair) + scaled(x, 3) + scaled(y, 3L);
                }

                @Differentiable
                static double scaled(double x, int n) {
                    return n * x;
                }

                @Differentiable
                static double scaled(double x, long n) {
                    return n * x * x;
                }
            }
            """;

    private static GeneratedCode code;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Model", SOURCE);
    }

    @Test
    void eachOverloadHasItsOwnGeneratedMethodsAndRecord() {
        Object ofDouble = code.call("p.ModelGrad", "energy", 3.0);
        assertEquals("EnergyOfDoubleGradient", ofDouble.getClass().getSimpleName());
        assertEquals(3.0, (double) GeneratedCode.component(ofDouble, "x"));
        Object ofArray = code.call("p.ModelGrad", "energy", (Object) new double[] {1.0, -2.0});
        assertEquals("EnergyOfDoubleArrayGradient", ofArray.getClass().getSimpleName());
        assertArrayEquals(new double[] {1.0, -2.0}, (double[]) GeneratedCode.component(ofArray, "v"));
        assertEquals("ScaledOfDoubleIntGradient", code.call("p.ModelGrad", "scaled", 2.0, 3).getClass()
                .getSimpleName());
    }

    @Test
    void callsBetweenOverloadsResolveAsJavaResolvesThem() {
        FunctionCase energy = new FunctionCase("energy", "", "double x, double y", "", new int[] {0, 1},
                new double[][] {{0.7, -1.3}, {2.0, 0.5}}, new Object[0]);
        energy.check(code, "p.Model");
        Object result = code.call("p.ModelGrad", "energy", 0.7, -1.3);
        assertEquals(0.7 + 3, (double) GeneratedCode.component(result, "x"), 1e-15);
        assertEquals(-1.3 + 3 * 2 * -1.3, (double) GeneratedCode.component(result, "y"), 1e-15);
    }

    @Test
    void overloadsSplitBetweenAClassAndItsSuperclassResolveAsJavaResolvesThem() {
        GeneratedCode split = GeneratedCode.compile(JavaFileObjects.forSourceString("p.Sub", """
                package p;

                import io.microautograd.Differentiable;

                class Sub extends Base {
                    static double g(int n) {
                        return n;
                    }

                    @Differentiable
                    static double f(double x) {
                        return g(x) * g(2);
                    }
                }
                """), JavaFileObjects.forSourceString("p.Base", """
                package p;

                import io.microautograd.Differentiable;

                class Base {
                    @Differentiable
                    static double g(double x) {
                        return x * x;
                    }
                }
                """));
        Object result = split.call("p.SubGrad", "f", 1.5);
        assertEquals(1.5 * 1.5 * 2, (double) GeneratedCode.component(result, "value"));
        assertEquals(2 * 1.5 * 2, (double) GeneratedCode.component(result, "x"));
    }

    private static JavaFileObject source(String members) {
        return JavaFileObjects.forSourceString("p.Clash", "package p;\n\nimport io.microautograd.Differentiable;\n\n"
                + "class Clash {\n" + members + "}\n");
    }

    @Test
    void overloadsWhoseGeneratedMethodsWouldBeOneAreAnErrorNamingBoth() {
        JavaFileObject file = source("""
                    @Differentiable
                    static double f(double x) {
                        return x * x;
                    }

                    @Differentiable(wrt = "x")
                    static double f(double x, double[] w) {
                        return x * w[0];
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:Overload] f(double) and f(double, double[]) "
                + "would both have the generated method f(double, double[]) (the method adding into storage of the "
                + "first, the value-and-gradient method of the second); rename one of them").inFile(file).onLine(12)
                .atColumn(19);
    }

    @Test
    void overloadsWhoseTangentMethodsWouldBeOneAreAnErrorNamingBoth() {
        JavaFileObject file = source("""
                    @Differentiable
                    static double f(double x, double y) {
                        return x * y;
                    }

                    @Differentiable(wrt = "a")
                    static double f(double a, double b, double c) {
                        return a * b * c;
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:Overload] f(double, double) and f(double, double, "
                + "double) would both have the generated method fTangent(double, double, double, double) (the tangent "
                + "method of the first, the tangent method of the second); rename one of them").inFile(file)
                .onLine(12).atColumn(19);
    }

    @Test
    void methodsOfTwoNamesWhoseGeneratedMethodsWouldBeOneAreAnErrorNamingBoth() {
        JavaFileObject file = source("""
                    @Differentiable
                    static double f(double x) {
                        return x * x;
                    }

                    @Differentiable
                    static double fTangent(double a, double b) {
                        return a * b;
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:Overload] f(double) and fTangent(double, double) "
                + "would both have the generated method fTangent(double, double) (the tangent method of the first, the "
                + "value-and-gradient method of the second); rename one of them").inFile(file).onLine(12).atColumn(19);
    }

    @Test
    void anAmbiguousCallIsAnErrorNamingTheCandidates() {
        JavaFileObject file = source("""
                    @Differentiable
                    static double pick(double a, int n) {
                        return a * n;
                    }

                    @Differentiable
                    static double pick(int n, double a) {
                        return a - n;
                    }

                    @Differentiable
                    static double f(double x) {
                        return x * pick(2, 3);
                    }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedCall] call of Clash.pick is ambiguous "
                + "between pick(double, int) and pick(int, double); cast an argument to the parameter type you mean")
                .inFile(file).onLine(18);
    }
}
