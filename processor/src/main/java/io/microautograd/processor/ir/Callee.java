package io.microautograd.processor.ir;

import java.util.ArrayList;
import java.util.Collections;
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
 * @param rule the user's partials that calls of it use, or null
 * @param pullbackRule the user's pullback that calls of it use instead of a generated one, or null
 * @param derivativeOf for a generated derivative method called as a function (a nested derivative,
 *     such as {@code FGrad.fTangent}), the method it is the derivative of; null otherwise
 */
public record Callee(
        String ownerClass,
        String gradientClass,
        String name,
        List<String> parameterNames,
        List<Type> parameterTypes,
        List<Boolean> differentiated,
        Type returnType,
        CustomRule rule,
        PullbackRule pullbackRule,
        MethodKey derivativeOf) {

    /** A callee without a custom rule. */
    public Callee(String ownerClass, String gradientClass, String name, List<String> parameterNames,
            List<Type> parameterTypes, List<Boolean> differentiated, Type returnType) {
        this(ownerClass, gradientClass, name, parameterNames, parameterTypes, differentiated, returnType, null, null,
                null);
    }

    /**
     * A call of {@code fTangent}, the generated tangent of the method {@code of} of order 2, as a
     * function of its parameters and directions: its derivatives are the methods {@code
     * fTangentPullback} and {@code fTangentTangent} of the same generated class, each one call of
     * {@code of}'s second-order code. A direction is differentiated where its parameter is.
     */
    public static Callee tangentOf(Callee of, MethodKey key) {
        List<String> names = new ArrayList<>(of.parameterNames);
        List<Type> types = new ArrayList<>(of.parameterTypes);
        List<Boolean> differentiated = new ArrayList<>(of.differentiated);
        for (int i = 0; i < of.parameterTypes.size(); i++) {
            if (of.differentiated.get(i)) {
                names.add("direction of " + of.parameterNames.get(i));
                types.add(of.parameterTypes.get(i));
                differentiated.add(true);
            }
        }
        return new Callee(of.gradientClass, of.gradientClass, of.name + "Tangent", List.copyOf(names),
                List.copyOf(types), List.copyOf(differentiated), Type.DOUBLE, null, null, key);
    }

    /** Whether the callee is {@code @Differentiable} and so has a generated pullback. */
    public boolean isDifferentiable() {
        return gradientClass != null;
    }

    /** Whether derivatives flow through calls of it: it has a generated pullback or a custom rule. */
    public boolean carriesDerivatives() {
        return gradientClass != null || rule != null || pullbackRule != null;
    }

    /**
     * The pullback calls of it use, the user's rule or the generated {@code namePullback}: its
     * parameters, the seed, a scalar adjoint array when it differentiates a double, and one adjoint
     * array per differentiated array.
     */
    public Callee pullback() {
        List<Type> types = new ArrayList<>(parameterTypes);
        types.add(Type.DOUBLE);
        if (differentiatedScalarCount() > 0) {
            types.add(Type.DOUBLE_ARRAY);
        }
        for (int i = 0; i < parameterTypes.size(); i++) {
            if (differentiated.get(i) && parameterTypes.get(i).isArray()) {
                types.add(parameterTypes.get(i));
            }
        }
        // The pullback differentiates what its tangent, forward over reverse, takes tangents of:
        // the callee's differentiated parameters, the adjoint and the adjoint storage.
        List<Boolean> differentiatedByPullback = new ArrayList<>(differentiated);
        differentiatedByPullback.addAll(Collections.nCopies(types.size() - differentiated.size(), true));
        return new Callee(pullbackRule != null ? pullbackRule.ownerClass() : gradientClass, null,
                pullbackRule != null ? pullbackRule.name() : name + "Pullback", List.of(), List.copyOf(types),
                List.copyOf(differentiatedByPullback), Type.DOUBLE);
    }

    /**
     * One partial derivative of the method {@code of} of order 2, {@code fPartial(parameters, slot)}
     * (the partial with respect to its differentiated scalar parameter in that slot, from its
     * gradient): what a caller's {@code FGrad.f(parameters, gradient)} adds into each slot of the
     * gradient. Its derivatives are {@code fPartialPullback} and {@code fPartialTangent}, each one
     * call of {@code of}'s second-order code along the slot's unit vector.
     */
    public static Callee partialOf(Callee of, MethodKey key) {
        List<String> names = new ArrayList<>(of.parameterNames);
        names.add("slot");
        List<Type> types = new ArrayList<>(of.parameterTypes);
        types.add(Type.INT);
        List<Boolean> differentiated = new ArrayList<>(of.differentiated);
        differentiated.add(false);
        return new Callee(of.gradientClass, of.gradientClass, of.name + "Partial", List.copyOf(names),
                List.copyOf(types), List.copyOf(differentiated), Type.DOUBLE, null, null, key);
    }

    /**
     * The method's key: its class, name and arity; for a generated derivative, the key of the
     * method it is the derivative of, which decides what calls of it need (facts, order, errors).
     */
    public MethodKey key() {
        return derivativeOf != null ? derivativeOf
                : new MethodKey(ownerClass, name, parameterTypes.stream().map(Type::javaName).toList());
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
