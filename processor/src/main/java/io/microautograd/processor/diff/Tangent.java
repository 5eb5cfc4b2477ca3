package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.Map;

/**
 * The forward-mode derivative of a function: the body of a method
 * {@code double fTangent(parameters..., tangents...)} that returns the derivative of the value
 * along the tangents, one per differentiated parameter, in parameter order.
 *
 * @param source the differentiated function
 * @param tangents for each differentiated parameter, its tangent parameter (an array of the same shape for an array)
 * @param body the complete method body: each statement of the source preceded by its tangent's
 */
public record Tangent(Function source, Map<Variable, Variable> tangents, Stmt.Block body) {
}
