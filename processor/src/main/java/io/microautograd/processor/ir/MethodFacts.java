package io.microautograd.processor.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * What a call of a {@code @Differentiable} method needs to know about it beyond its parameter
 * types: read from the IR for a method of this round, from the {@code @DifferentiableFacts} on its
 * generated pullback for one compiled in another javac run, and written there for every method
 * the processor compiles. The rules about calls apply to these facts alike, wherever they came from.
 *
 * @param parameterNames the source's parameter names, for messages
 * @param differentiated the positions of the differentiated parameters, ascending
 * @param writtenArrays the positions of the array parameters the method writes into, ascending
 * @param order the method's {@code @Differentiable(order)}: 2 when it has second-order methods
 * @param calls the {@code @Differentiable} methods it calls, each once, in the order of the first call
 * @param passesArraysToPlainMethods whether it passes an array to a method without {@code @Differentiable}
 */
public record MethodFacts(
        List<String> parameterNames,
        List<Integer> differentiated,
        List<Integer> writtenArrays,
        int order,
        List<Call> calls,
        boolean passesArraysToPlainMethods) {

    /**
     * The version of the facts' class-file form; another version is rejected. Raise it whenever the
     * meaning or the encoding of a fact changes.
     */
    public static final int VERSION = 3;

    /**
     * A call of a {@code @Differentiable} method.
     *
     * @param callee the method called
     * @param passesArrays whether some call of it passes an array
     */
    public record Call(MethodKey callee, boolean passesArrays) {
    }

    /** For each parameter, whether it is differentiated. */
    public List<Boolean> differentiatedFlags() {
        List<Boolean> flags = new ArrayList<>();
        for (int i = 0; i < parameterNames.size(); i++) {
            flags.add(differentiated.contains(i));
        }
        return List.copyOf(flags);
    }
}
