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
 * 1e-12 relative. The engine is the runtime's {@code io.microautograd.engine}, compiled from its
 * sources (the system property {@code engine.sources}), since the runtime is built after the
 * processor; its classes live in the compilation's class loader, so they are reached by reflection.
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
        Class<?> value;
        try {
            value = code.loader().loadClass(VALUE);
        } catch (ClassNotFoundException noEngine) {
            return;
        }
        double original = (double) code.call(userClass, method, ArrayGradientCheck.copy(arguments));
        Object[] leaves = new Object[arguments.length];
        Object[] passed = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            leaves[i] = asValues(value, arguments[i]);
            passed[i] = shallowCopy(leaves[i]);
        }
        Object result = code.call(userClass + "Values", method, passed);
        assertEquals(original, (double) invoke(result, "data"), method + ": the twin's value at " + describe(arguments));
        invoke(result, "backward");
        for (int k = 0; k < differentiated.length; k++) {
            compare(method + " d/d(argument " + differentiated[k] + ")", leaves[differentiated[k]], partials[k]);
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
        try {
            Method m = target.getClass().getMethod(name);
            return m.invoke(target);
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
