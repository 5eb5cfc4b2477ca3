package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
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
 * @param body the complete method body: each statement of the source preceded by its tangent's
 * @param writtenArrays the arrays the function writes into, directly or through another name
 */
public record Tangent(Function source, Map<Variable, Variable> tangents, Stmt.Block body, Set<Variable> writtenArrays) {

    /**
     * The pairs of array arguments that a call must not let share storage, which the tangent
     * method checks at entry: those of the arrays the method writes into, as for the pullback. It
     * has no adjoint storage, and it only reads its tangents (those of the arrays it writes into
     * it copies at entry, with the arrays), so a tangent may share an array with any argument.
     */
    public List<Separation> separations() {
        return Separation.of(source.parameters(), writtenArrays, List.of());
    }
}
