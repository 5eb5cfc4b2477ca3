package io.microautograd.processor;

import static io.microautograd.processor.RandomArrays.matrix;
import static io.microautograd.processor.RandomArrays.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One array passed for two arguments of the second-order methods: where {@code fHvp} (and the
 * {@code fPullbackTangent} it calls) would add into an array it still reads, or add the gradient
 * and the product into one array, it throws at entry naming both and leaves every argument as it
 * was; where it only reads both (a direction that is a parameter, parameters, directions,
 * storage and products shared alike), it gives the product of the method as called, against
 * central differences of the compiled gradient called the same way. {@code fHessian} takes only
 * the parameters and allocates the rest, so it has nothing to share.
 */
class HessianVectorAliasTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Shared {
                @Differentiable(order = 2)
                static double oneArray(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += Math.sin(x[i]) * x[(i + 1) % x.length] * x[i];
                    }
                    return s;
                }

                @Differentiable(order = 2)
                static double writesOwn(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        x[i] = Math.sin(x[i]) * x[(i + 1) % x.length];
                        s += x[i] * x[i];
                    }
                    return s;
                }

                @Differentiable(order = 2)
                static double readOnly(double[] a, double[] b) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                        s += Math.tanh(a[i]) * b[i] + a[i] * a[i] * b[(i + 1) % b.length];
                    }
                    return s;
                }

                @Differentiable(order = 2)
                static double addsInto(double[] a, double[] b) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                        a[i] += b[i] * b[i];
                        s += a[i] * a[i] * b[i];
                    }
                    return s;
                }

                @Differentiable(order = 2)
                static double scaled(double k, double[] a) {
                    return k * k * a[0] * a[0];
                }

                @Differentiable(order = 2)
                static double rows(double[][] m) {
                    double s = 0;
                    for (int i = 0; i < m.length; i++) {
                        for (int j = 0; j < m[i].length; j++) {
                            s += Math.sin(m[i][j]) * m[(i + 1) % m.length][j];
                        }
                    }
                    return s;
                }

                @Differentiable(order = 2)
                static double callsWithOneArray(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += readOnly(x, x) * x[i];
                    }
                    return s;
                }
            }
            """;

    private static GeneratedCode code;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Shared", SOURCE);
    }

    /** Each of these calls returned a wrong number before the checks, and no exception. */
    @Test
    void storageAndProductsShareNoOtherArgument() {
        double[] x = vector(1, 3);
        double[] v = vector(2, 3);
        assertEquals("dX and vX are the same array: adjoint storage must be arrays of its own",
                rejectionLeavingAll("oneArrayHvp", x, v, v, new double[3]));
        assertEquals("hvX and vX are the same array: the product must be added into arrays of its own",
                rejectionLeavingAll("oneArrayHvp", x, v, new double[3], v));
        double[] both = new double[3];
        assertEquals("hvX and dX are the same array: the product must be added into arrays of its own",
                rejectionLeavingAll("oneArrayHvp", x, v, both, both));
        assertEquals("hvX and x are the same array: the product must be added into arrays of its own",
                rejectionLeavingAll("oneArrayHvp", x, v, new double[3], x));
        assertEquals("dX and x are the same array: adjoint storage must be arrays of its own",
                rejectionLeavingAll("oneArrayHvp", x, v, x, new double[3]));
        assertEquals("hvX and dX are the same array: the product must be added into arrays of its own",
                rejectionLeavingAll("oneArrayPullbackTangent", x, 1.0, both, v, 0.0, both), "the pullback's tangent too");
        double[] slot = new double[1];
        assertEquals("hvA and gradient are the same array: the product must be added into arrays of its own",
                rejectionLeavingAll("scaledHvp", 1.3, new double[] {0.7}, 0.4, new double[] {0.9}, slot, new double[1],
                        new double[1], slot), "the scalars' gradient slots and an array's product");
        double[][] m = matrix(3, 3, 2);
        double[][] product = {new double[2], m[2], new double[2]};
        assertEquals("row 1 of hvM is row 2 of m: the product must be added into arrays of its own",
                rejectionLeavingAll("rowsHvp", m, matrix(4, 3, 2), matrix(5, 3, 2), product));
        double[][] direction = matrix(6, 3, 2);
        double[][] storage = {new double[2], new double[2], direction[0]};
        assertEquals("row 2 of dM is row 0 of vM: adjoint storage must be arrays of its own",
                rejectionLeavingAll("rowsHvp", m, direction, storage, matrix(7, 3, 2)));
        assertEquals("a and b are the same array: addsInto writes into a, so pass a copy to one of them, as in"
                + " addsInto(a, a.clone())", rejectionLeavingAll("addsIntoHvp", x, x, v, v, new double[3],
                new double[3], new double[3], new double[3]), "the pullback's own pairs, as before");
    }

    /**
     * A direction is read into the tangents at entry, so it may be a parameter, one the method
     * writes into included: the product is then the one of a copy of it.
     */
    @Test
    void aDirectionMayBeAParameter() {
        double[] x = vector(8, 4);
        for (String method : new String[] {"oneArray", "writesOwn"}) {
            double[] shared = x.clone();
            double[] dX = new double[4];
            double[] hv = new double[4];
            code.call("p.SharedGrad", method + "Hvp", shared, shared, dX, hv);
            double[] separateHv = new double[4];
            code.call("p.SharedGrad", method + "Hvp", x.clone(), x.clone(), new double[4], separateHv);
            assertArrayEquals(separateHv, hv, method + ": the product along x itself");
            assertProduct(method + " along x", p -> gradient(method, p), x, x, hv);
        }
        double[] a = vector(9, 3);
        double[] b = vector(10, 3);
        double[] va = vector(11, 3);
        double[] hvA = new double[3];
        double[] hvB = new double[3];
        code.call("p.SharedGrad", "addsIntoHvp", a.clone(), b, va, a, new double[3], new double[3], hvA, hvB);
        double[] separateA = new double[3];
        double[] separateB = new double[3];
        code.call("p.SharedGrad", "addsIntoHvp", a.clone(), b, va, a.clone(), new double[3], new double[3], separateA,
                separateB);
        assertArrayEquals(separateA, hvA, "b's direction is a, which the method writes into");
        assertArrayEquals(separateB, hvB);
    }

    /**
     * Parameters the method only reads, their directions, storage and products may be one array
     * each, as for the gradient methods: the products add up to the product of x ↦ f(x, x).
     */
    @Test
    void parametersTheMethodOnlyReadsMayShareAnArrayAndSoMayTheirProducts() {
        double[] x = vector(12, 5);
        double[] v = vector(13, 5);
        double[] dX = new double[5];
        double[] hv = new double[5];
        double value = (double) code.call("p.SharedGrad", "readOnlyHvp", x, x, v, v, dX, dX, hv, hv);
        Function<double[], double[]> asCalled = p -> {
            double[] d = new double[p.length];
            code.call("p.SharedGrad", "readOnly", p, p, d, d);
            return d;
        };
        assertEquals((double) code.call("p.Shared", "readOnly", x, x), value);
        assertArrayEquals(asCalled.apply(x), dX, "the gradient as called");
        assertProduct("readOnly(x, x) along v", asCalled, x, v, hv);
    }

    /** A caller's loop calls the callee's pullback tangent with one array for both of its parameters. */
    @Test
    void aCallerMayPassOneArrayTwiceToACalleeInALoop() {
        double[] x = vector(14, 4);
        double[] v = vector(15, 4);
        double[] hv = new double[4];
        code.call("p.SharedGrad", "callsWithOneArrayHvp", x, v, new double[4], hv);
        assertProduct("callsWithOneArray along v", p -> gradient("callsWithOneArray", p), x, v, hv);
    }

    /** The compiled gradient of a one-array method at {@code x}. */
    private static double[] gradient(String method, double[] x) {
        double[] d = new double[x.length];
        code.call("p.SharedGrad", method, x.clone(), d);
        return d;
    }

    /** Asserts that {@code product} is the central difference of {@code gradient} at x along v, to 1e-6 of the largest. */
    private static void assertProduct(String what, Function<double[], double[]> gradient, double[] x, double[] v,
            double[] product) {
        double h = 1e-6;
        double[] up = x.clone();
        double[] down = x.clone();
        for (int i = 0; i < x.length; i++) {
            up[i] += h * v[i];
            down[i] -= h * v[i];
        }
        double[] above = gradient.apply(up);
        double[] below = gradient.apply(down);
        double scale = 1;
        for (double p : product) {
            scale = Math.max(scale, Math.abs(p));
        }
        for (int i = 0; i < x.length; i++) {
            double difference = (above[i] - below[i]) / (2 * h);
            assertEquals(difference, product[i], FiniteDifferences.TOLERANCE * scale, what + ", component " + i);
        }
    }

    /**
     * The message of the {@code IllegalArgumentException} that the generated {@code method} throws,
     * after checking that the call changed none of its arguments.
     */
    private static String rejectionLeavingAll(String method, Object... arguments) {
        Object[] before = ArrayGradientCheck.copy(arguments);
        AssertionError error = assertThrows(AssertionError.class, () -> code.call("p.SharedGrad", method, arguments));
        assertInstanceOf(IllegalArgumentException.class, error.getCause(), method);
        assertTrue(java.util.Arrays.deepEquals(before, arguments), method + ": every argument left as it was");
        return error.getCause().getMessage();
    }
}
