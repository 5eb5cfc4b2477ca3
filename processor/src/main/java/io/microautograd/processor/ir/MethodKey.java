package io.microautograd.processor.ir;

import java.util.List;

/**
 * A static method as calls resolve it: its class, its name and its parameter types, as Java
 * writes them ({@code double}, {@code double[]}), so that overloads are told apart.
 *
 * @param owner the qualified name of the class declaring the method
 * @param name the method name
 * @param parameterTypes the parameter types, in order
 */
public record MethodKey(String owner, String name, List<String> parameterTypes) {

    /** The key, with its parameter types copied. */
    public MethodKey {
        parameterTypes = List.copyOf(parameterTypes);
    }

    @Override
    public String toString() {
        return owner + "#" + name + "(" + String.join(", ", parameterTypes) + ")";
    }
}
