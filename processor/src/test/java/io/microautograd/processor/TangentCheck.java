package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

/**
 * Checks a generated tangent method {@code fTangent} of a method whose gradient was checked: along
 * a random direction it gives the compiled gradient dotted with the direction (to rounding) and
 * the central difference of the value along the direction, and it leaves its arguments alone.
 */
final class TangentCheck {

    /** Relative tolerance of the tangent against the gradient dotted with the direction: both are exact up to rounding. */
    private static final double ROUNDING = 1e-10;

    private TangentCheck() {
    }

    /**
     * @param arguments the arguments of the source method
     * @param differentiated the indices of the differentiated arguments
     * @param partials for each differentiated argument, its checked partials (a Double, double[] or double[][])
     */
    static void check(GeneratedCode code, String userClass, String method, Object[] arguments, int[] differentiated,
            Object[] partials) {
        Random random = new Random(method.hashCode());
        Object[] call = Arrays.copyOf(ArrayGradientCheck.copy(arguments), arguments.length + differentiated.length);
        Object[] directions = new Object[differentiated.length];
        double dot = 0;
        double magnitude = 0;
        for (int k = 0; k < differentiated.length; k++) {
            directions[k] = randomLike(arguments[differentiated[k]], random);
            call[arguments.length + k] = ArrayGradientCheck.copy(new Object[] {directions[k]})[0];
            double[] d = flat(directions[k]);
            double[] g = flat(partials[k]);
            for (int i = 0; i < d.length; i++) {
                dot += g[i] * d[i];
                magnitude += Math.abs(g[i] * d[i]);
            }
        }
        double tangent = (double) code.call(userClass + "Grad", method + "Tangent", call);
        String where = method + "Tangent at " + Arrays.deepToString(arguments);
        double error = Math.abs(tangent - dot);
        assertTrue(error <= ROUNDING * Math.max(1.0, magnitude), where + ": tangent " + tangent
                + " but the gradient dotted with the direction gives " + dot);
        double difference = directionalDifference(code, userClass, method, arguments, differentiated, directions);
        double scale = Math.max(1.0, Math.max(Math.abs(tangent), Math.abs(difference)));
        assertTrue(Math.abs(tangent - difference) <= FiniteDifferences.TOLERANCE * scale, where + ": tangent " + tangent
                + " but the central difference along the direction gives " + difference);
        Object[] untouched = ArrayGradientCheck.copy(arguments);
        for (int i = 0; i < untouched.length; i++) {
            assertTrue(Arrays.deepEquals(new Object[] {untouched[i]}, new Object[] {call[i]}),
                    where + ": argument " + i + " left as it was");
        }
    }

    private static double directionalDifference(GeneratedCode code, String userClass, String method,
            Object[] arguments, int[] differentiated, Object[] directions) {
        double largest = 1.0;
        for (int index : differentiated) {
            for (double x : flat(arguments[index])) {
                largest = Math.max(largest, Math.abs(x));
            }
        }
        double h = 1e-6 * largest;
        Object[] up = ArrayGradientCheck.copy(arguments);
        Object[] down = ArrayGradientCheck.copy(arguments);
        for (int k = 0; k < differentiated.length; k++) {
            up[differentiated[k]] = moved(up[differentiated[k]], directions[k], h);
            down[differentiated[k]] = moved(down[differentiated[k]], directions[k], -h);
        }
        return ((double) code.call(userClass, method, up) - (double) code.call(userClass, method, down)) / (2 * h);
    }

    /** {@code value + step * direction}, in place for arrays. */
    static Object moved(Object value, Object direction, double step) {
        if (value instanceof Double x) {
            return x + step * (double) direction;
        }
        if (value instanceof double[] v) {
            double[] d = (double[]) direction;
            for (int i = 0; i < v.length; i++) {
                v[i] += step * d[i];
            }
            return v;
        }
        double[][] m = (double[][]) value;
        for (int r = 0; r < m.length; r++) {
            moved(m[r], ((double[][]) direction)[r], step);
        }
        return m;
    }

    /** A random direction shaped like {@code value}, each component in [-1, 1). */
    static Object randomLike(Object value, Random random) {
        if (value instanceof Double) {
            return 2 * random.nextDouble() - 1;
        }
        if (value instanceof double[] v) {
            return random.doubles(v.length, -1, 1).toArray();
        }
        double[][] m = (double[][]) value;
        double[][] out = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = random.doubles(m[r].length, -1, 1).toArray();
        }
        return out;
    }

    /** The components of a Double, double[] or double[][], row by row. */
    static double[] flat(Object value) {
        if (value instanceof Double x) {
            return new double[] {x};
        }
        if (value instanceof double[] v) {
            return v;
        }
        return Arrays.stream((double[][]) value).flatMapToDouble(Arrays::stream).toArray();
    }
}
