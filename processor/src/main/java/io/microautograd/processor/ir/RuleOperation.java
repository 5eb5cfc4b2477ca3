package io.microautograd.processor.ir;

import java.util.List;

/**
 * A method with a complete rule, as the {@code Value} engine's operation the processor writes for
 * it: a {@code @Derivative} rule with a partial for every parameter, or a {@code @Pullback} rule.
 *
 * @param targetClass the qualified name of the class declaring the method
 * @param name the method's name
 * @param parameterNames its parameters' names
 * @param parameterTypes its parameters' types, all doubles for partials
 * @param partials its partials, none of them null; null for a pullback rule
 * @param pullback its pullback rule; null for partials
 */
public record RuleOperation(String targetClass, String name, List<String> parameterNames, List<Type> parameterTypes,
        CustomRule partials, PullbackRule pullback) {

    /** The operation, with its lists copied. */
    public RuleOperation {
        parameterNames = List.copyOf(parameterNames);
        parameterTypes = List.copyOf(parameterTypes);
    }

    /** The key of the method, as a call of it has ({@link Callee#key()}). */
    public MethodKey key() {
        return new MethodKey(targetClass, name, parameterTypes.stream().map(Type::javaName).toList());
    }
}
