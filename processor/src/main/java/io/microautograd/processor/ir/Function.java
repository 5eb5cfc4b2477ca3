package io.microautograd.processor.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A differentiable method as the IR builder read it.
 *
 * @param name the method name
 * @param parameters the parameters in declaration order
 * @param differentiated the parameters to differentiate with respect to
 * @param order the highest order of derivatives to generate: 1, or 2 for Hessian-vector products
 * @param body the method body
 * @param firstFreeId the first variable id not used by the body, for variables added later
 * @param checkpoints the snapshots each of its outermost loops may keep, as {@code @Differentiable}'s
 *     {@code checkpoints} gives them: positive, 0 for none, or {@code Differentiable.AUTOMATIC} for
 *     the processor's choice
 * @param outputs the {@code double[]} parameters whose final contents are outputs of the function, in
 *     {@code @Differentiable}'s {@code outputs} order; none for a scalar function
 */
public record Function(
        String name,
        List<Variable> parameters,
        Set<Variable> differentiated,
        int order,
        Stmt.Block body,
        int firstFreeId,
        int checkpoints,
        List<Variable> outputs) {

    /** A scalar function: one with no output arrays. */
    public Function(String name, List<Variable> parameters, Set<Variable> differentiated, int order, Stmt.Block body,
            int firstFreeId, int checkpoints) {
        this(name, parameters, differentiated, order, body, firstFreeId, checkpoints, List.of());
    }

    /**
     * The types of the adjoint storage the generated methods take after the parameters: a
     * {@code double[]} with a slot per differentiated scalar parameter, when there is one, then
     * per differentiated array parameter, in order, an array of its type.
     */
    public List<Type> adjointStorageTypes() {
        List<Type> storage = new ArrayList<>();
        if (parameters.stream().anyMatch(p -> p.type() == Type.DOUBLE && differentiated.contains(p))) {
            storage.add(Type.DOUBLE_ARRAY);
        }
        parameters.stream().filter(p -> p.type().isArray() && differentiated.contains(p))
                .forEach(p -> storage.add(p.type()));
        return storage;
    }
}
