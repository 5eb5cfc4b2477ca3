package io.microautograd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.microautograd.processor.RandomArrays.matrix;
import static io.microautograd.processor.RandomArrays.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One array passed for two parameters (itself or as a row of a matrix): where the generated code
 * could not give the method's own value and gradient, it throws at entry with a message naming
 * both parameters; where the method only reads both, it gives exactly the method's value and,
 * with one storage array for both, the gradient of the method as called (against central
 * differences of the original, its arguments shared the same way).
 */
class AliasedArgumentsTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Shared {
                /** The issue's example: with twoArrays(x, x), the write into a is read through b. */
                @Differentiable
                static double twoArrays(double[] a, double[] b) {
                    a[0] = 2 * b[0];
                    return a[0] * b[0];
                }

                /** Issue 22's example: with squaresInPlace(x, x), the write into a is read through b. */
                @Differentiable
                static double squaresInPlace(double[] a, double[] b) {
                    a[0] = a[0] * b[0];
                    return a[0] + b[0] * b[0];
                }

                @Differentiable(checkpoints = 2)
                static double relaxesInPlace(double[] a, double[] b, int n) {
                    for (int i = 0; i < n; i++) {
                        a[0] = Math.sin(a[0] * b[0]);
                    }
                    return a[0] + b[0];
                }

                @Differentiable
                static double readOnly(double[] a, double[] b) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                        s += Math.tanh(a[i]) * b[i] + a[i] * a[i] * b[(i + 1) % b.length];
                    }
                    return s;
                }

                @Differentiable
                static double scaled(double k, double[] a) {
                    return k * a[0] * a[0];
                }

                @Differentiable(wrt = "w")
                static double weighted(double[] w, double[][] data) {
                    double s = 0;
                    for (double[] row : data) {
                        for (int j = 0; j < w.length; j++) {
                            s += w[j] * w[j] * row[j];
                        }
                    }
                    return s;
                }

                @Differentiable
                static double rowsRead(double[][] m, double[] v) {
                    double s = 0;
                    for (int i = 0; i < m.length; i++) {
                        for (int j = 0; j < v.length; j++) {
                            s += Math.sin(m[i][j] * v[j]) + m[i][j] * m[(i + 1) % m.length][j];
                        }
                    }
                    return s;
                }

                @Differentiable
                static double writesMatrix(double[][] m, double[] v) {
                    m[0][0] = m[0][0] * v[0] + m[1][1];
                    return m[0][0] * m[1][0] + v[1];
                }

                @Differentiable
                static double writesVector(double[] v, double[][] m) {
                    v[0] = v[0] * m[1][0];
                    return v[0] * m[1][0] + v[1];
                }

                @Differentiable
                static double writesOneOfTwo(double[][] m, double[][] n) {
                    m[1][0] = m[1][0] * n[0][0];
                    return m[1][0] * n[0][0] + m[0][1];
                }

                @Differentiable
                static double addsInto(double[] a, double[] b) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                        a[i] += b[i];
                        s += a[i] * b[i];
                    }
                    return s;
                }

                @Differentiable
                static double callsWithOneArray(double[] x) {
                    return readOnly(x, x) * x[0];
                }
            }
            """;

    private static GeneratedCode code;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Shared", SOURCE);
    }

    @Test
    void anArrayTheMethodWritesIntoIsNotPassedForAnotherParameter() {
        double[] x = {0.8};
        String message = "a and b are the same array: twoArrays writes into a, so pass a copy to one of them, as in"
                + " twoArrays(a, a.clone())";
        assertEquals(message, rejection("twoArrays", x, x));
        assertEquals(message, rejection("twoArrays", x, x, new double[1], new double[1]));
        assertEquals(message, rejection("twoArraysPullback", x, x, 1.0, new double[1], new double[1]));
        double[] y = {0.8};
        assertEquals(2.56, original("twoArrays", y, y), 1e-15, "the method itself reads through b what it wrote through a");
        new ArrayGradientCheck(code, "p.Shared").check("twoArrays", new Object[] {x, x.clone()}, "a:0", "b:1");
    }

    @Test
    void theTangentMethodRejectsTheCallsThePullbackRejects() throws IOException {
        double[] x = {1.0};
        double[] t = {1.0};
        String message = "a and b are the same array: squaresInPlace writes into a, so pass a copy to one of them, as"
                + " in squaresInPlace(a, a.clone())";
        assertEquals(message, rejection("squaresInPlaceTangent", x, x, t, t));
        assertEquals(message, rejection("squaresInPlace", x, x));
        String generated = code.compilation().generatedSourceFile("p.SharedGrad").orElseThrow().getCharContent(true)
                .toString();
        assertTrue(generated.contains("@throws IllegalArgumentException if an array squaresInPlace writes into"),
                "the tangent method's javadoc says when it throws");
        assertFalse(generated.contains("if an array readOnly writes into"), "and only where it may");
        assertEquals("a and b are the same array: relaxesInPlace writes into a, so pass a copy to one of them, as in"
                + " relaxesInPlace(a, a.clone(), n)", rejection("relaxesInPlaceTangent", x, x, 12, t, t),
                "a checkpointed method's tangent too");
        double separate = (double) code.call("p.SharedGrad", "squaresInPlaceTangent", x, x.clone(), t, t);
        double asCalled = FiniteDifferences.partial(v -> {
            double[] shared = v.clone();
            return original("squaresInPlace", shared, shared);
        }, x, 0);
        assertTrue(Math.abs(separate - asCalled) > 1, "the answer of separate arrays, " + separate
                + ", is not the derivative of the method as called, " + asCalled);
        double[] row = vector(8, 2);
        double[][] tangents = new double[3][2];
        assertEquals("rows 0 and 2 of m are the same array: writesMatrix writes into m, so pass a matrix whose rows"
                + " are separate arrays", rejection("writesMatrixTangent", new double[][] {row, vector(10, 2), row},
                vector(9, 2), tangents, new double[2]));
        double[][] m = matrix(11, 3, 2);
        assertEquals("v is row 1 of m: writesVector writes into v, so pass a copy of that row",
                rejection("writesVectorTangent", m[1], m, new double[2], tangents));
        assertEquals("m and n are the same matrix: writesOneOfTwo writes into m, so pass a copy of one of them with"
                + " its rows cloned", rejection("writesOneOfTwoTangent", m, m, tangents, tangents));
    }

    /**
     * A tangent method reads its tangents (those of arrays the method writes into it copies at
     * entry, with the arrays), so a tangent may be any argument, and parameters the method only
     * reads may share an array, as for the gradient methods: the tangent is then the gradient of
     * the method as called dotted with the direction.
     */
    @Test
    void theTangentMethodTakesTheSharedCallsItCanAnswer() {
        double[] x = vector(19, 5);
        double[] t = vector(20, 5);
        ToDoubleFunction<double[]> asCalled = v -> original("readOnly", v, v);
        double[] dX = new double[x.length];
        code.call("p.SharedGrad", "readOnly", x, x, dX, dX);
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += dX[i] * t[i];
        }
        double tangent = (double) code.call("p.SharedGrad", "readOnlyTangent", x, x, t, t);
        assertEquals(dot, tangent, 1e-12 * Math.max(1, Math.abs(dot)), "the gradient as called dotted with t");
        FiniteDifferences.assertPartial("along t", tangent, s -> asCalled.applyAsDouble(along(x, t, s[0])),
                new double[] {0}, 0);
        double[] a = vector(21, 4);
        double[] b = vector(22, 4);
        double[] before = a.clone();
        assertEquals((double) code.call("p.SharedGrad", "addsIntoTangent", a, b, a.clone(), b.clone()),
                (double) code.call("p.SharedGrad", "addsIntoTangent", a, b, a, b),
                "each array its own tangent, the one written into too");
        assertTrue(Arrays.equals(before, a), "the caller's array and tangent left as they were");
    }

    @Test
    void parametersTheMethodOnlyReadsMayShareAnArray() {
        double[] x = vector(1, 5);
        ToDoubleFunction<double[]> asCalled = v -> original("readOnly", v, v);
        double[] dX = new double[x.length];
        assertEquals(asCalled.applyAsDouble(x), (double) code.call("p.SharedGrad", "readOnly", x, x, dX, dX));
        Object result = code.call("p.SharedGrad", "readOnly", x, x);
        double[] dA = (double[]) GeneratedCode.component(result, "a");
        double[] dB = (double[]) GeneratedCode.component(result, "b");
        for (int i = 0; i < x.length; i++) {
            FiniteDifferences.assertPartial("one storage array for both, d/dx" + i, dX[i], asCalled, x, i);
            assertEquals(dA[i] + dB[i], dX[i], 1e-15, "the partials of a and b add up to the one of x");
        }
        assertFalse(code.pullbackSource("p.SharedGrad", "readOnly").contains("\"a\", a, \"b\", b"),
                "no check between parameters the method only reads");
    }

    @Test
    void adjointStorageIsNoParameter() {
        double[] x = vector(2, 3);
        double[] y = vector(3, 3);
        assertEquals("dA and a are the same array: adjoint storage must be arrays of its own",
                rejection("readOnly", x, y, x, new double[3]));
        assertEquals("dA and b are the same array: adjoint storage must be arrays of its own",
                rejection("readOnly", x, y, y, new double[3]));
        assertEquals("dB and a are the same array: adjoint storage must be arrays of its own",
                rejection("readOnlyPullback", x, y, 1.0, new double[3], x));
        double[] one = {0.5};
        assertEquals("gradient and a are the same array: adjoint storage must be arrays of its own",
                rejection("scaled", 2.0, one, one, new double[1]));
        assertEquals("dA and a are the same array: adjoint storage must be arrays of its own",
                rejection("scaled", 2.0, one, new double[1], one));
    }

    @Test
    void adjointStorageIsNoRowOfAParameter() {
        double[][] data = matrix(4, 3, 2);
        assertEquals("dW is row 1 of data: adjoint storage must be arrays of its own",
                rejection("weighted", vector(5, 2), data, data[1]));
        double[][] m = matrix(6, 2, 3);
        double[] v = vector(7, 3);
        assertEquals("v is row 1 of dM: adjoint storage must be arrays of its own",
                rejection("rowsRead", m, v, new double[][] {new double[3], v}, new double[3]));
        assertEquals("dV is row 0 of m: adjoint storage must be arrays of its own",
                rejection("rowsRead", m, v, new double[2][3], m[0]));
        double[][] before = {m[0].clone(), m[1].clone()};
        assertEquals("row 0 of dM is row 1 of m: adjoint storage must be arrays of its own",
                rejection("rowsRead", m, v, new double[][] {m[1], new double[3]}, new double[3]));
        assertEquals("dM and m are the same matrix: adjoint storage must be arrays of its own",
                rejection("rowsRead", m, v, m, new double[3]));
        assertTrue(Arrays.deepEquals(before, m), "the check gave the rows it marked their first elements back");
    }

    /**
     * Rows of adjoint storage may be one array, whose partials then add up; the check that marks
     * the storage's rows gives each its first element back, a repeated row too.
     */
    @Test
    void adjointStorageMayRepeatARow() {
        double[][] m = matrix(16, 2, 3);
        double[] v = vector(17, 3);
        double[] shared = {0.5, -0.25, 2.0};
        double[][] separate = {shared.clone(), new double[3]};
        code.call("p.SharedGrad", "rowsRead", m, v, separate, new double[3]);
        code.call("p.SharedGrad", "rowsRead", m, v, new double[][] {shared, shared}, new double[3]);
        for (int j = 0; j < 3; j++) {
            assertEquals(separate[0][j] + separate[1][j], shared[j], 1e-15, "element " + j);
        }
    }

    @Test
    void rowsOfAMatrixTheMethodWritesIntoAreSeparateArrays() {
        double[] row = vector(8, 2);
        double[] v = vector(9, 2);
        assertEquals("rows 0 and 2 of m are the same array: writesMatrix writes into m, so pass a matrix whose rows"
                + " are separate arrays", rejection("writesMatrix", new double[][] {row, vector(10, 2), row}, v));
        double[][] m = matrix(11, 3, 2);
        assertEquals("v is row 2 of m: writesMatrix writes into m, so pass a copy of that row",
                rejection("writesMatrix", m, m[2]));
        assertEquals("v is row 1 of m: writesVector writes into v, so pass a copy of that row",
                rejection("writesVector", m[1], m));
        assertEquals("row 1 of m is row 0 of n: writesOneOfTwo writes into m, so pass a copy of one of them with its"
                + " rows cloned", rejection("writesOneOfTwo", m, new double[][] {m[1], m[0]}));
        assertEquals("m and n are the same matrix: writesOneOfTwo writes into m, so pass a copy of one of them with"
                + " its rows cloned", rejection("writesOneOfTwo", m, m));
        double[][] tall = matrix(18, 50, 2);
        tall[37] = tall[12];
        assertEquals("rows 12 and 37 of m are the same array: writesMatrix writes into m, so pass a matrix whose rows"
                + " are separate arrays", rejection("writesMatrix", tall, v));
        new ArrayGradientCheck(code, "p.Shared").check("writesMatrix", new Object[] {m, v}, "m:0", "v:1");
    }

    @Test
    void matricesTheMethodOnlyReadsMayShareRows() {
        double[] x = vector(12, 3);
        double[] r0 = vector(13, 3);
        double[] v = vector(14, 3);
        ToDoubleFunction<double[]> rowIsVector = c -> original("rowsRead", new double[][] {r0, c}, c);
        ToDoubleFunction<double[]> rowTwice = c -> original("rowsRead", new double[][] {c, c}, v);
        double[][] dM = new double[2][3];
        double[] dV = new double[3];
        assertEquals(rowIsVector.applyAsDouble(x),
                (double) code.call("p.SharedGrad", "rowsRead", new double[][] {r0, x}, x, dM, dV));
        double[][] dTwice = new double[2][3];
        assertEquals(rowTwice.applyAsDouble(x),
                (double) code.call("p.SharedGrad", "rowsRead", new double[][] {x, x}, v, dTwice, new double[3]));
        for (int j = 0; j < x.length; j++) {
            FiniteDifferences.assertPartial("row 1 of m is v, d/dx" + j, dM[1][j] + dV[j], rowIsVector, x, j);
            FiniteDifferences.assertPartial("rows 0 and 1 of m are one array, d/dx" + j, dTwice[0][j] + dTwice[1][j],
                    rowTwice, x, j);
        }
    }

    @Test
    void arraysWithoutElementsShareNothing() {
        double[] empty = new double[0];
        assertEquals(0.0, (double) code.call("p.SharedGrad", "addsInto", empty, empty, empty, empty));
        assertEquals(0.0, (double) code.call("p.SharedGrad", "readOnly", empty, empty, empty, empty));
    }

    @Test
    void aCalleeThatOnlyReadsMayBePassedOneArrayTwice() {
        new ArrayGradientCheck(code, "p.Shared").check("callsWithOneArray", new Object[] {vector(15, 4)}, "x:0");
    }

    /**
     * A caller cannot pass one array for two parameters of a callee that writes into one: a call of
     * a method that writes into an array parameter is a compile error whatever its arguments.
     */
    @Test
    void oneArrayForACalleeThatWritesIntoItIsACompileError() {
        JavaFileObject file = JavaFileObjects.forSourceString("p.Caller", """
                package p;

                import io.microautograd.Differentiable;

                class Caller {
                    @Differentiable
                    static double caller(double[] x) {
                        return twoArrays(x, x);
                    }

                    @Differentiable
                    static double twoArrays(double[] a, double[] b) {
                        a[0] = 2 * b[0];
                        return a[0] * b[0];
                    }
                }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedCall] call of twoArrays, which writes into"
                + " its array parameter a; a @Differentiable method may call only methods that leave their array"
                + " arguments unchanged: let twoArrays copy a into a local array and write there")
                .inFile(file).onLineContaining("return twoArrays(x, x);");
    }

    /** The message of the {@code IllegalArgumentException} that the generated {@code method} throws. */
    private static String rejection(String method, Object... arguments) {
        AssertionError error = assertThrows(AssertionError.class, () -> code.call("p.SharedGrad", method, arguments));
        assertInstanceOf(IllegalArgumentException.class, error.getCause(), method);
        return error.getCause().getMessage();
    }

    /** {@code x + s t}. */
    private static double[] along(double[] x, double[] t, double s) {
        double[] point = x.clone();
        for (int i = 0; i < point.length; i++) {
            point[i] += s * t[i];
        }
        return point;
    }

    private static double original(String method, Object... arguments) {
        return (double) code.call("p.Shared", method, arguments);
    }

}
