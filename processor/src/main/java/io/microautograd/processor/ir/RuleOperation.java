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
 */
public record RuleOperation(String targetClass, String name, List<String> parameterNames, CustomRule rule) {

    /** The operation, with its names copied. */
    public RuleOperation {
        parameterNames = List.copyOf(parameterNames);
    }
}
