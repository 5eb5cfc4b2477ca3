package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The forward-mode derivative of a function: the body of a method
 * {@code double fTangent(parameters..., tangents...)} that returns the derivative of the value
 * along the tangents, one per differentiated parameter, in parameter order.
 *
 * @param source the differentiated function
 * @param tangents for each differentiated parameter, its tangent parameter (an array of the same shape for an array)
 * @param outputTangents for each output of a Jacobian-vector product ({@link TangentMode#jacobianVector}),
 *     the parameter receiving its tangent; empty for a tangent method
 * @param body the complete method body: each statement of the source preceded by its tangent's
 * @param writtenArrays the arrays the function writes into, directly or through another name
 */
public record Tangent(Function source, Map<Variable, Variable> tangents, Map<Variable, Variable> outputTangents,
        Stmt.Block body, Set<Variable> writtenArrays) {

    /**
     * The pairs of array arguments that a call must not let share storage, which the tangent
     * method checks at entry: those of the arrays the method writes into, as for the pullback. It
     * has no adjoint storage, and it only reads its tangents (those of the arrays it writes into
     * it copies at entry, with the arrays), so a tangent may share an array with any argument. A
     * Jacobian-vector product writes the outputs' tangents, so each must share no other argument.
     */
    public List<Separation> separations() {
        List<Separation> pairs = new ArrayList<>(Separation.of(source.parameters(), writtenArrays, List.of()));
        List<Variable> others = new ArrayList<>(source.parameters());
        others.addAll(tangents.values());
        for (Variable t : outputTangents.values()) {
            pairs.addAll(Separation.ofFilled(t, others, Separation.Reason.OUTPUT_TANGENT));
            others.add(t);
        }
        return pairs;
    }
}
