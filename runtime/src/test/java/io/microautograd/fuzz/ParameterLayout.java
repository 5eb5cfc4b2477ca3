package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.IndexArray;
import io.microautograd.fuzz.Program.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a method's parameters map to one flat point: a double takes one slot, a {@code double[]}
 * takes {@code arrayLength} slots, in parameter order; an {@code int[]} (one of
 * {@code indexArrays}) takes none, since it is not differentiated and has the same contents at
 * every point, as an int scalar would. Builds the arguments of the original method and of the
 * generated allocation-free call, whose adjoint storage is one {@code double[] gradient} for the
 * scalars (only when there are any) followed by one array per {@code double[]} parameter.
 */
record ParameterLayout(List<String> names, List<Boolean> isArray, int arrayLength, List<IndexArray> indexArrays) {

    /** A layout of double and {@code double[]} parameters only. */
    ParameterLayout(List<String> names, List<Boolean> isArray, int arrayLength) {
        this(names, isArray, arrayLength, List.of());
    }

    static ParameterLayout of(Method method) {
        List<Boolean> arrays = new ArrayList<>();
        for (String parameter : method.parameters()) {
            arrays.add(method.arrays().contains(parameter));
        }
        return new ParameterLayout(method.parameters(), List.copyOf(arrays), method.arrayLength(),
                method.indexArrays());
    }

    /** The number of slots of a point. */
    int size() {
        int size = 0;
        for (int i = 0; i < names.size(); i++) {
            size += width(i);
        }
        return size;
    }

    /** The name of slot {@code slot}: a parameter, or an element such as {@code a[2]}. */
    String slotName(int slot) {
        int at = 0;
        for (int i = 0; i < names.size(); i++) {
            if (slot < at + width(i)) {
                return isArray.get(i) ? names.get(i) + "[" + (slot - at) + "]" : names.get(i);
            }
            at += width(i);
        }
        throw new IllegalArgumentException("slot " + slot + " of a layout of " + size());
    }

    /** The original method's parameter types. */
    Class<?>[] types() {
        Class<?>[] types = new Class<?>[names.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = indices(i) != null ? int[].class : isArray.get(i) ? double[].class : double.class;
        }
        return types;
    }

    /** The generated allocation-free call's parameter types. */
    Class<?>[] gradientTypes() {
        List<Class<?>> types = new ArrayList<>(Arrays.asList(types()));
        for (int i = 0; i < storageCount(); i++) {
            types.add(double[].class);
        }
        return types.toArray(Class<?>[]::new);
    }

    /** Fresh arguments for the original method at {@code point} (the method may write into them). */
    Object[] arguments(double[] point) {
        Object[] arguments = new Object[names.size()];
        int at = 0;
        for (int i = 0; i < arguments.length; i++) {
            if (indices(i) != null) {
                arguments[i] = indices(i).values();
            } else if (isArray.get(i)) {
                arguments[i] = Arrays.copyOfRange(point, at, at + arrayLength);
            } else {
                arguments[i] = point[at];
            }
            at += width(i);
        }
        return arguments;
    }

    /** Zeroed adjoint storage for the generated call: the scalars' gradient, then each array's. */
    double[][] storage() {
        double[][] storage = new double[storageCount()][];
        int next = 0;
        if (scalarCount() > 0) {
            storage[next++] = new double[scalarCount()];
        }
        while (next < storage.length) {
            storage[next++] = new double[arrayLength];
        }
        return storage;
    }

    /** The partials in {@code storage}, flattened like a point. */
    double[] flatten(double[][] storage) {
        double[] flat = new double[size()];
        int scalar = 0;
        int array = scalarCount() > 0 ? 1 : 0;
        int at = 0;
        for (int i = 0; i < names.size(); i++) {
            if (isArray.get(i)) {
                System.arraycopy(storage[array++], 0, flat, at, arrayLength);
            } else if (indices(i) == null) {
                flat[at] = storage[0][scalar++];
            }
            at += width(i);
        }
        return flat;
    }

    /** Adds the partials in {@code storage}, flattened like a point, into {@code sum}. */
    void addFlattened(double[][] storage, double[] sum) {
        double[] partials = flatten(storage);
        for (int i = 0; i < sum.length; i++) {
            sum[i] += partials[i];
        }
    }

    /** The contents of parameter {@code i} if it is an {@code int[]}, else null. */
    private IndexArray indices(int i) {
        return indexArrays.stream().filter(a -> a.name().equals(names.get(i))).findFirst().orElse(null);
    }

    private int width(int i) {
        return indices(i) != null ? 0 : isArray.get(i) ? arrayLength : 1;
    }

    private int scalarCount() {
        int scalars = 0;
        for (int i = 0; i < names.size(); i++) {
            scalars += !isArray.get(i) && indices(i) == null ? 1 : 0;
        }
        return scalars;
    }

    private int storageCount() {
        int arrays = (int) isArray.stream().filter(array -> array).count();
        return arrays + (scalarCount() > 0 ? 1 : 0);
    }
}
