package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a generated gradient of a method with array parameters: the value equals the
 * original's exactly, the caller's arrays are left as they were, and every partial (each element
 * of each differentiated array) matches central finite differences of the original, and the
 * tangent method agrees with the partials ({@link TangentCheck}); for methods of order 2, the
 * Hessian-vector product agrees with differences of the gradient ({@link HessianVectorCheck}).
 */
final class ArrayGradientCheck {

    private final GeneratedCode code;
    private final String userClass;
    private final boolean secondOrder;

    ArrayGradientCheck(GeneratedCode code, String userClass) {
        this(code, userClass, false);
    }

    /** @param secondOrder whether to check the second-order methods too, of methods of {@code order = 2} */
    ArrayGradientCheck(GeneratedCode code, String userClass, boolean secondOrder) {
        this.code = code;
        this.userClass = userClass;
        this.secondOrder = secondOrder;
    }

    /**
     * @param method the method name
     * @param arguments the arguments (double, int, long, boolean, double[], double[][], int[])
     * @param differentiated the names of the differentiated parameters with their argument indices,
     *     as "name:index"
     */
    void check(String method, Object[] arguments, String... differentiated) {
        Object[] before = copy(arguments);
        double original = value(method, arguments);
        Object result = code.call(userClass + "Grad", method, copy(arguments));
        assertEquals(original, (double) GeneratedCode.component(result, "value"), method + ": value");
        Object[] passed = copy(arguments);
        code.call(userClass + "Grad", method, passed);
        for (int i = 0; i < arguments.length; i++) {
            assertDeepEquals(before[i], passed[i], method + ": argument " + i + " left as it was");
        }
        int[] indices = new int[differentiated.length];
        Object[] checked = new Object[differentiated.length];
        for (int k = 0; k < differentiated.length; k++) {
            String entry = differentiated[k];
            String name = entry.substring(0, entry.indexOf(':'));
            int index = Integer.parseInt(entry.substring(entry.indexOf(':') + 1));
            Object partials = GeneratedCode.component(result, name);
            indices[k] = index;
            checked[k] = partials;
            for (int[] position : positions(arguments[index])) {
                double expected = finiteDifference(method, arguments, index, position);
                double actual = at(partials, position);
                double error = Math.abs(actual - expected);
                double scale = Math.max(1.0, Math.max(Math.abs(actual), Math.abs(expected)));
                if (error > FiniteDifferences.TOLERANCE * scale) {
                    throw new AssertionError(method + " d/d" + name + java.util.Arrays.toString(position) + ": compiled "
                            + actual + " but finite differences give " + expected);
                }
            }
        }
        TangentCheck.check(code, userClass, method, arguments, indices, checked);
        ValueTwinCheck.check(code, userClass, method, arguments, indices, checked);
        if (secondOrder) {
            HessianVectorCheck.check(code, userClass, method, arguments, indices);
            HessianVectorCheck.checkHessian(code, userClass, method, arguments, indices);
        }
    }

    private double value(String method, Object[] arguments) {
        return (double) code.call(userClass, method, copy(arguments));
    }

    private double finiteDifference(String method, Object[] arguments, int index, int[] position) {
        double x = at(arguments[index], position);
        double h = 1e-6 * Math.max(1.0, Math.abs(x));
        Object[] up = copy(arguments);
        Object[] down = copy(arguments);
        up[index] = with(up[index], position, x + h);
        down[index] = with(down[index], position, x - h);
        return (value(method, up) - value(method, down)) / (2 * h);
    }

    private static List<int[]> positions(Object value) {
        List<int[]> out = new ArrayList<>();
        if (value instanceof Double) {
            out.add(new int[0]);
        } else if (value instanceof double[] v) {
            for (int i = 0; i < v.length; i++) {
                out.add(new int[] {i});
            }
        } else {
            double[][] m = (double[][]) value;
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < m[i].length; j++) {
                    out.add(new int[] {i, j});
                }
            }
        }
        return out;
    }

    private static double at(Object value, int[] position) {
        if (position.length == 0) {
            return (double) value;
        }
        if (position.length == 1) {
            return ((double[]) value)[position[0]];
        }
        return ((double[][]) value)[position[0]][position[1]];
    }

    private static Object with(Object value, int[] position, double x) {
        if (position.length == 0) {
            return x;
        }
        if (position.length == 1) {
            ((double[]) value)[position[0]] = x;
        } else {
            ((double[][]) value)[position[0]][position[1]] = x;
        }
        return value;
    }

    /** Deep copies of the arguments, so no call sees another's writes. */
    static Object[] copy(Object[] arguments) {
        Object[] out = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof double[] v) {
                out[i] = v.clone();
            } else if (arguments[i] instanceof int[] v) {
                out[i] = v.clone();
            } else if (arguments[i] instanceof double[][] m) {
                double[][] c = new double[m.length][];
                for (int r = 0; r < m.length; r++) {
                    c[r] = m[r].clone();
                }
                out[i] = c;
            } else {
                out[i] = arguments[i];
            }
        }
        return out;
    }

    private static void assertDeepEquals(Object expected, Object actual, String message) {
        if (expected instanceof double[] e) {
            assertArrayEquals(e, (double[]) actual, message);
        } else if (expected instanceof int[] e) {
            assertArrayEquals(e, (int[]) actual, message);
        } else if (expected instanceof double[][] e) {
            double[][] a = (double[][]) actual;
            assertEquals(e.length, a.length, message);
            for (int r = 0; r < e.length; r++) {
                assertArrayEquals(e[r], a[r], message);
            }
        } else {
            assertEquals(expected, actual, message);
        }
    }
}
