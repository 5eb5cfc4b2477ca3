package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Checks a generated Hessian-vector product {@code fHvp} of a method of order 2 whose gradient was
 * checked: along a random direction it gives the value, the compiled gradient bit for bit, and a
 * product that matches the central difference of the compiled gradient along the direction and,
 * to {@link #ENGINE_TOLERANCE} of each component, the {@code Value} engine's second derivatives
 * through the method's twin ({@link ValueTwinCheck#hessianVector}), which referee it, where the
 * compilation holds the engine (the corpus tests' do, and each of their functions has a twin:
 * {@code ValueTwinTest#everyMethodOfTheCorpusHasATwin}; a missing twin fails the check); and it
 * leaves its arguments and the direction alone. The same for the whole Hessian against
 * differences ({@link #checkHessian}).
 */
final class HessianVectorCheck {

    /** Relative tolerance of each component of the product against the {@code Value} engine's. */
    private static final double ENGINE_TOLERANCE = 1e-10;
    /**
     * Components smaller than this fraction of the product's largest are compared as if they were
     * that large: they may be sums that cancel, whose rounding is of the size of their terms.
     */
    private static final double ENGINE_FLOOR = 1e-6;

    private HessianVectorCheck() {
    }

    /**
     * @param arguments the arguments of the source method
     * @param differentiated the indices of the differentiated arguments, in order
     */
    static void check(GeneratedCode code, String userClass, String method, Object[] arguments, int[] differentiated) {
        Random random = new Random(method.hashCode() + 22);
        Object[] directions = new Object[differentiated.length];
        for (int k = 0; k < differentiated.length; k++) {
            directions[k] = TangentCheck.randomLike(arguments[differentiated[k]], random);
        }
        Object[] gradient = storage(arguments, differentiated);
        Object[] product = storage(arguments, differentiated);
        Object[] given = ArrayGradientCheck.copy(arguments);
        Object[] givenDirections = ArrayGradientCheck.copy(directions);
        List<Object> call = new ArrayList<>(Arrays.asList(given));
        call.addAll(Arrays.asList(givenDirections));
        call.addAll(Arrays.asList(gradient));
        call.addAll(Arrays.asList(product));
        String where = method + "Hvp at " + Arrays.deepToString(arguments);
        double value = (double) code.call(userClass + "Grad", method + "Hvp", call.toArray());
        assertEquals((double) code.call(userClass, method, ArrayGradientCheck.copy(arguments)), value,
                where + ": value");
        assertArrayEquals(flat(gradient(code, userClass, method, arguments, differentiated)), flat(gradient),
                where + ": the gradient is the accumulating method's");
        double[] expected = difference(code, userClass, method, arguments, differentiated, directions);
        double[] actual = flat(product);
        double scale = 1.0;
        for (int i = 0; i < actual.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(actual[i]), Math.abs(expected[i])));
        }
        for (int i = 0; i < actual.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            assertTrue(error <= FiniteDifferences.TOLERANCE * scale, where + ": component " + i + " of H·v is "
                    + actual[i] + " but the central difference of the gradient gives " + expected[i]);
        }
        assertTrue(Arrays.deepEquals(arguments, given), where + ": arguments left as they were");
        assertTrue(Arrays.deepEquals(directions, givenDirections), where + ": direction left as it was");
        if (!ValueTwinCheck.holdsEngine(code)) {
            return;
        }
        double[] engine = ValueTwinCheck.hessianVector(code, userClass, method, arguments, differentiated, directions);
        double largest = 0;
        for (int i = 0; i < actual.length; i++) {
            largest = Math.max(largest, Math.max(Math.abs(actual[i]), Math.abs(engine[i])));
        }
        for (int i = 0; i < actual.length; i++) {
            double size = Math.max(Math.max(Math.abs(actual[i]), Math.abs(engine[i])), ENGINE_FLOOR * largest);
            assertTrue(Math.abs(actual[i] - engine[i]) <= ENGINE_TOLERANCE * size, where + ": component " + i
                    + " of H·v is " + actual[i] + " but the Value engine's second derivatives give " + engine[i]);
        }
    }

    /**
     * Checks the generated {@code fHessian} of a method whose differentiated parameters are doubles
     * or one {@code double[]}: symmetric exactly, and each column the central difference of the
     * compiled gradient along that unit vector; nothing to check for other methods, which have none.
     */
    static void checkHessian(GeneratedCode code, String userClass, String method, Object[] arguments,
            int[] differentiated) {
        boolean scalars = Arrays.stream(differentiated).allMatch(i -> arguments[i] instanceof Double);
        if (!scalars && !(differentiated.length == 1 && arguments[differentiated[0]] instanceof double[])) {
            return;
        }
        Object[] given = ArrayGradientCheck.copy(arguments);
        double[][] hessian = (double[][]) code.call(userClass + "Grad", method + "Hessian", given);
        String where = method + "Hessian at " + Arrays.deepToString(arguments);
        int size = flat(storage(arguments, differentiated)).length;
        assertEquals(size, hessian.length, where + ": rows");
        for (int j = 0; j < size; j++) {
            Object[] unit = new Object[differentiated.length];
            for (int k = 0; k < differentiated.length; k++) {
                unit[k] = scalars ? (Object) (k == j ? 1.0 : 0.0) : new double[size];
            }
            if (!scalars) {
                ((double[]) unit[0])[j] = 1.0;
            }
            double[] column = difference(code, userClass, method, arguments, differentiated, unit);
            double scale = 1.0;
            for (double x : column) {
                scale = Math.max(scale, Math.abs(x));
            }
            for (int i = 0; i < size; i++) {
                assertEquals(hessian[j][i], hessian[i][j], where + ": symmetric at " + i + ", " + j);
                assertTrue(Math.abs(hessian[i][j] - column[i]) <= FiniteDifferences.TOLERANCE * scale,
                        where + ": entry " + i + ", " + j + " is " + hessian[i][j]
                                + " but the central difference of the gradient gives " + column[i]);
            }
        }
        assertTrue(Arrays.deepEquals(arguments, given), where + ": arguments left as they were");
    }

    /** The central difference of the compiled gradient along the directions, its components in storage order. */
    private static double[] difference(GeneratedCode code, String userClass, String method, Object[] arguments,
            int[] differentiated, Object[] directions) {
        double largest = 1.0;
        for (int index : differentiated) {
            for (double x : TangentCheck.flat(arguments[index])) {
                largest = Math.max(largest, Math.abs(x));
            }
        }
        double h = 1e-6 * largest;
        Object[] up = ArrayGradientCheck.copy(arguments);
        Object[] down = ArrayGradientCheck.copy(arguments);
        for (int k = 0; k < differentiated.length; k++) {
            up[differentiated[k]] = TangentCheck.moved(up[differentiated[k]], directions[k], h);
            down[differentiated[k]] = TangentCheck.moved(down[differentiated[k]], directions[k], -h);
        }
        double[] above = flat(gradient(code, userClass, method, up, differentiated));
        double[] below = flat(gradient(code, userClass, method, down, differentiated));
        double[] out = new double[above.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (above[i] - below[i]) / (2 * h);
        }
        return out;
    }

    /** The compiled gradient by the accumulating method, in its storage. */
    private static Object[] gradient(GeneratedCode code, String userClass, String method, Object[] arguments,
            int[] differentiated) {
        Object[] storage = storage(arguments, differentiated);
        List<Object> call = new ArrayList<>(Arrays.asList(ArrayGradientCheck.copy(arguments)));
        call.addAll(Arrays.asList(storage));
        code.call(userClass + "Grad", method, call.toArray());
        return storage;
    }

    /**
     * Zeroed adjoint storage: a slot per differentiated scalar in one array, if any, then per
     * differentiated array an array of its shape.
     */
    private static Object[] storage(Object[] arguments, int[] differentiated) {
        List<Object> storage = new ArrayList<>();
        long scalars = Arrays.stream(differentiated).filter(i -> arguments[i] instanceof Double).count();
        if (scalars > 0) {
            storage.add(new double[(int) scalars]);
        }
        for (int i : differentiated) {
            if (arguments[i] instanceof double[] v) {
                storage.add(new double[v.length]);
            } else if (arguments[i] instanceof double[][] m) {
                storage.add(Arrays.stream(m).map(row -> new double[row.length]).toArray(double[][]::new));
            }
        }
        return storage.toArray();
    }

    private static double[] flat(Object[] storage) {
        return Arrays.stream(storage).map(TangentCheck::flat).flatMapToDouble(Arrays::stream).toArray();
    }
}
