package io.microautograd.processor.ir;

/**
 * A static method as calls resolve it: its class, name and number of parameters. A class has at
 * most one method a differentiable method can call per name and arity.
 *
 * @param owner the qualified name of the class declaring the method
 * @param name the method name
 * @param arity the number of parameters
 */
public record MethodKey(String owner, String name, int arity) {

    @Override
    public String toString() {
        return owner + "#" + name + "/" + arity;
    }
}
