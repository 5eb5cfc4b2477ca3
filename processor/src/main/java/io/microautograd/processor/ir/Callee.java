package io.microautograd.processor.ir;

import java.util.List;

/**
 * A static method called from a differentiable method.
 *
 * @param ownerClass the qualified name of the class declaring the method
 * @param gradientClass the qualified name of the generated class holding its pullback, or null
 *     when the callee is not {@code @Differentiable}
 * @param name the method name
 * @param parameterNames the declared parameter names, for messages; empty for generated pullbacks
 * @param parameterTypes the declared parameter types
 * @param differentiated for each parameter, whether the callee differentiates it
 * @param returnType the declared return type
 * @param rule the user's derivative that calls of it use, or null
 */
public record Callee(
        String ownerClass,
        String gradientClass,
        String name,
        List<String> parameterNames,
        List<Type> parameterTypes,
        List<Boolean> differentiated,
        Type returnType,
        CustomRule rule) {

    /** A callee without a custom rule. */
    public Callee(String ownerClass, String gradientClass, String name, List<String> parameterNames,
            List<Type> parameterTypes, List<Boolean> differentiated, Type returnType) {
        this(ownerClass, gradientClass, name, parameterNames, parameterTypes, differentiated, returnType, null);
    }

    /** Whether the callee is {@code @Differentiable} and so has a generated pullback. */
    public boolean isDifferentiable() {
        return gradientClass != null;
    }

    /** Whether derivatives flow through calls of it: it has a generated pullback or a custom rule. */
    public boolean carriesDerivatives() {
        return gradientClass != null || rule != null;
    }

    /** The method's key: its class, name and arity. */
    public MethodKey key() {
        return new MethodKey(ownerClass, name, parameterTypes.stream().map(Type::javaName).toList());
    }

    /** The number of differentiated scalar parameters, the size of its scalar adjoint storage. */
    public int differentiatedScalarCount() {
        int count = 0;
        for (int i = 0; i < parameterTypes.size(); i++) {
            if (differentiated.get(i) && parameterTypes.get(i) == Type.DOUBLE) {
                count++;
            }
        }
        return count;
    }
}
