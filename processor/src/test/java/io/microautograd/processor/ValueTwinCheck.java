package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Checks the Value twin of a generated method against the method and its compiled gradient, in
 * a compilation that holds the engine's sources ({@link #withEngine}), so that the processor
 * writes twins: the twin's value is the original's to the bit, and the gradient its
 * {@code backward()} leaves in each differentiated parameter's leaves is the compiled partial to
 * 1e-12 relative; and gives the engine's Hessian-vector product through the twin, which referees
 * the compiled one ({@link #hessianVector}). The engine is the runtime's
 * {@code io.microautograd.engine}, compiled from its sources (the system property
 * {@code engine.sources}), since the runtime is built after the processor; its classes live in the
 * compilation's class loader, so they are reached by reflection.
 */
final class ValueTwinCheck {

    static final double TOLERANCE = 1e-12;
    private static final String VALUE = "io.microautograd.engine.Value";

    private ValueTwinCheck() {
    }

    /** {@code sources} and the engine's sources, to compile together. */
    static JavaFileObject[] withEngine(JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(List.of(sources));
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("engine.sources")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                all.add(com.google.testing.compile.JavaFileObjects.forResource(file.toUri().toURL()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toArray(new JavaFileObject[0]);
    }

    /**
     * When the compilation holds the engine, checks the twin of {@code method} at
     * {@code arguments} against the original's value and the compiled {@code partials}.
     *
     * @param differentiated the argument index of each differentiated parameter
     * @param partials the compiled partials of each, a double or an array like its argument
     */
    static void check(GeneratedCode code, String userClass, String method, Object[] arguments, int[] differentiated,
            Object[] partials) {
        if (!holdsEngine(code)) {
            return;
        }
        Class<?> value = valueClass(code);
        double original = (double) code.call(userClass, method, ArrayGradientCheck.copy(arguments));
        Object[] leaves = new Object[arguments.length];
        Object result = twin(code, value, userClass, method, arguments, leaves);
        assertEquals(original, (double) invoke(result, "data"), method + ": the twin's value at " + describe(arguments));
        invoke(result, "backward");
        for (int k = 0; k < differentiated.length; k++) {
            compare(method + " d/d(argument " + differentiated[k] + ")", leaves[differentiated[k]], partials[k]);
        }
    }

    /**
     * The product of the Hessian of {@code method} at {@code arguments} with {@code directions} by
     * the engine: the twin's graph, its gradient with respect to the differentiated parameters'
     * leaves as a graph ({@code Value.differentiate}), dotted with the directions, backpropagated;
     * the leaves' gradients, in the order of the compiled storage (the scalars, then the arrays
     * element by element, row by row). The compilation must hold the engine ({@link #holdsEngine})
     * and the twin.
     *
     * @param directions the direction's component for each differentiated parameter, shaped like its argument
     */
    static double[] hessianVector(GeneratedCode code, String userClass, String method, Object[] arguments,
            int[] differentiated, Object[] directions) {
        Class<?> value = valueClass(code);
        Object[] leaves = new Object[arguments.length];
        Object result = twin(code, value, userClass, method, arguments, leaves);
        List<Object> flatLeaves = new ArrayList<>();
        List<Double> flatDirections = new ArrayList<>();
        for (boolean scalars : new boolean[] {true, false}) {
            for (int k = 0; k < differentiated.length; k++) {
                if (arguments[differentiated[k]] instanceof Double == scalars) {
                    flatten(leaves[differentiated[k]], directions[k], flatLeaves, flatDirections);
                }
            }
        }
        Object[] inputs = (Object[]) Array.newInstance(value, flatLeaves.size());
        flatLeaves.toArray(inputs);
        Object[] gradient = (Object[]) invoke(result, "differentiate", new Class<?>[] {inputs.getClass()},
                (Object) inputs);
        List<Object> terms = new ArrayList<>();
        for (int i = 0; i < gradient.length; i++) {
            terms.add(invoke(gradient[i], "mul", new Class<?>[] {double.class}, flatDirections.get(i)));
        }
        try {
            invoke(value.getMethod("sum", List.class).invoke(null, terms), "backward");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return flatLeaves.stream().mapToDouble(leaf -> (double) invoke(leaf, "grad")).toArray();
    }

    /** Whether the compilation holds the engine ({@link #withEngine}), and so the twins. */
    static boolean holdsEngine(GeneratedCode code) {
        try {
            code.loader().loadClass(VALUE);
            return true;
        } catch (ClassNotFoundException noEngine) {
            return false;
        }
    }

    private static Class<?> valueClass(GeneratedCode code) {
        try {
            return code.loader().loadClass(VALUE);
        } catch (ClassNotFoundException noEngine) {
            throw new AssertionError("the compilation does not hold the engine", noEngine);
        }
    }

    /** Runs the twin of {@code method} on leaves made from {@code arguments}, which go into {@code leaves}. */
    private static Object twin(GeneratedCode code, Class<?> value, String userClass, String method,
            Object[] arguments, Object[] leaves) {
        Object[] passed = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            leaves[i] = asValues(value, arguments[i]);
            passed[i] = shallowCopy(leaves[i]);
        }
        return code.call(userClass + "Values", method, passed);
    }

    /** Adds the leaves of one parameter and its direction's components, element by element, to the lists. */
    private static void flatten(Object leaves, Object direction, List<Object> flatLeaves, List<Double> flatDirections) {
        if (direction instanceof Double d) {
            flatLeaves.add(leaves);
            flatDirections.add(d);
            return;
        }
        for (int i = 0; i < Array.getLength(direction); i++) {
            flatten(Array.get(leaves, i), Array.get(direction, i), flatLeaves, flatDirections);
        }
    }

    private static void compare(String what, Object leaves, Object partials) {
        if (partials instanceof Double partial) {
            double engine = (double) invoke(leaves, "grad");
            double scale = Math.max(Math.abs(engine), Math.abs(partial));
            if (Math.abs(engine - partial) > TOLERANCE * scale) {
                throw new AssertionError(what + ": the twin's backward() gives " + engine + ", compiled " + partial);
            }
            return;
        }
        for (int i = 0; i < Array.getLength(partials); i++) {
            compare(what + "[" + i + "]", Array.get(leaves, i), Array.get(partials, i));
        }
    }

    /** A double as a leaf, an array of doubles as an array of leaves, anything else as it is. */
    private static Object asValues(Class<?> value, Object argument) {
        if (argument instanceof Double d) {
            return invokeStatic(value, "of", d);
        }
        if (argument instanceof double[] || argument instanceof double[][]) {
            Class<?> type = argument instanceof double[] ? value : value.arrayType();
            Object values = Array.newInstance(type, Array.getLength(argument));
            for (int i = 0; i < Array.getLength(argument); i++) {
                Array.set(values, i, asValues(value, Array.get(argument, i)));
            }
            return values;
        }
        return argument;
    }

    /** Arrays of values copied row by row, so that the twin's stores leave the leaves here as they are. */
    private static Object shallowCopy(Object argument) {
        if (argument == null || !argument.getClass().isArray() || argument instanceof int[]) {
            return argument;
        }
        Object copy = Array.newInstance(argument.getClass().getComponentType(), Array.getLength(argument));
        for (int i = 0; i < Array.getLength(argument); i++) {
            Array.set(copy, i, shallowCopy(Array.get(argument, i)));
        }
        return copy;
    }

    private static String describe(Object[] arguments) {
        return java.util.Arrays.deepToString(arguments);
    }

    private static Object invoke(Object target, String name) {
        return invoke(target, name, new Class<?>[0]);
    }

    private static Object invoke(Object target, String name, Class<?>[] types, Object... arguments) {
        try {
            Method m = target.getClass().getMethod(name, types);
            return m.invoke(target, arguments);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object invokeStatic(Class<?> type, String name, double argument) {
        try {
            return type.getMethod(name, double.class).invoke(null, argument);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
