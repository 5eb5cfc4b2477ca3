package io.microautograd.processor.ir;

import java.util.List;

/**
 * A method with a complete {@code @Derivative} rule (a partial for every parameter), as the
 * {@code Value} engine's operation the processor writes for it.
 *
 * @param targetClass the qualified name of the class declaring the method
 * @param name the method's name
 * @param parameterNames its parameters' names, all doubles
 * @param rule its partials, none of them null
 * @param parameterTypes its parameters' types, which tell its overloads apart
 */
public record RuleOperation(String targetClass, String name, List<String> parameterNames, CustomRule rule,
        List<Type> parameterTypes) {

    /** The operation, with its names and types copied. */
    public RuleOperation {
        parameterNames = List.copyOf(parameterNames);
        parameterTypes = List.copyOf(parameterTypes);
    }

    /** The key of the method, as a call of it has ({@link Callee#key()}). */
    public MethodKey key() {
        return new MethodKey(targetClass, name, parameterTypes.stream().map(Type::javaName).toList());
    }
}
