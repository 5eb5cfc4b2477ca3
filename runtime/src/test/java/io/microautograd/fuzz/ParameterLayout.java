package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a method's parameters map to one flat point: a double takes one slot, a {@code double[]}
 * takes {@code arrayLength} slots, in parameter order. Builds the arguments of the original
 * method and of the generated allocation-free call, whose adjoint storage is one
 * {@code double[] gradient} for the scalars (only when there are any) followed by one array per
 * {@code double[]} parameter.
 */
record ParameterLayout(List<String> names, List<Boolean> isArray, int arrayLength) {

    static ParameterLayout of(Method method) {
        List<Boolean> arrays = new ArrayList<>();
        for (String parameter : method.parameters()) {
            arrays.add(method.arrays().contains(parameter));
        }
        return new ParameterLayout(method.parameters(), List.copyOf(arrays), method.arrayLength());
    }

    /** The number of slots of a point. */
    int size() {
        int size = 0;
        for (boolean array : isArray) {
            size += array ? arrayLength : 1;
        }
        return size;
    }

    /** The name of slot {@code slot}: a parameter, or an element such as {@code a[2]}. */
    String slotName(int slot) {
        int at = 0;
        for (int i = 0; i < names.size(); i++) {
            int width = isArray.get(i) ? arrayLength : 1;
            if (slot < at + width) {
                return isArray.get(i) ? names.get(i) + "[" + (slot - at) + "]" : names.get(i);
            }
            at += width;
        }
        throw new IllegalArgumentException("slot " + slot + " of a layout of " + size());
    }

    /** The original method's parameter types. */
    Class<?>[] types() {
        return isArray.stream().map(array -> array ? double[].class : double.class).toArray(Class<?>[]::new);
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
            if (isArray.get(i)) {
                arguments[i] = Arrays.copyOfRange(point, at, at + arrayLength);
                at += arrayLength;
            } else {
                arguments[i] = point[at++];
            }
        }
        return arguments;
    }

    /** Zeroed adjoint storage for the generated call: the scalars' gradient, then each array's. */
    double[][] storage() {
        double[][] storage = new double[storageCount()][];
        int scalars = (int) isArray.stream().filter(array -> !array).count();
        int next = 0;
        if (scalars > 0) {
            storage[next++] = new double[scalars];
        }
        while (next < storage.length) {
            storage[next++] = new double[arrayLength];
        }
        return storage;
    }

    /** The partials in {@code storage}, flattened like a point. */
    double[] flatten(double[][] storage) {
        double[] flat = new double[size()];
        boolean hasScalars = isArray.contains(false);
        int scalar = 0;
        int array = hasScalars ? 1 : 0;
        int at = 0;
        for (boolean isArrayParameter : isArray) {
            if (isArrayParameter) {
                System.arraycopy(storage[array++], 0, flat, at, arrayLength);
                at += arrayLength;
            } else {
                flat[at++] = storage[0][scalar++];
            }
        }
        return flat;
    }

    private int storageCount() {
        int arrays = (int) isArray.stream().filter(array -> array).count();
        return arrays + (arrays < isArray.size() ? 1 : 0);
    }
}
