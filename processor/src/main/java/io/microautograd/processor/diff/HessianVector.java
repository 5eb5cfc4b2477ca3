package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Variable;
import java.util.List;
import java.util.Map;

/**
 * The tangent of a pullback, forward over reverse: the body of a method
 * {@code double fPullbackTangent(parameters..., dValue, adjoint storage..., tangents...)} that does
 * what the pullback does and adds into the tangents of the adjoint storage the derivative of the
 * partials along the tangents of the differentiated parameters and of {@code dValue}: with
 * {@code dValue} 1 and its tangent 0, the Hessian times the direction.
 *
 * @param pullback the pullback differentiated, which tapes every loop
 * @param tangents for each parameter of the pullback that has a tangent (the differentiated source
 *     parameters, {@code dValue}, the adjoint storage), its tangent parameter, in parameter order
 * @param body the complete method body
 * @param expectedTapeSizes for each tape the body pushes onto, the entries it is expected to hold
 * @param tapeReservations for each loop that makes room on its tapes before it starts, the entries per tape kind
 */
public record HessianVector(
        Pullback pullback,
        Map<Variable, Variable> tangents,
        Stmt.Block body,
        Map<TapeKind, Expr> expectedTapeSizes,
        Map<Stmt.Loop, Map<TapeKind, Expr>> tapeReservations) {

    /** The pairs of array arguments that a call must not let share storage, which the method checks at entry. */
    public List<Separation> separations() {
        List<Variable> parameters = pullback.source().parameters();
        List<Variable> directions = parameters.stream().filter(tangents::containsKey).map(tangents::get).toList();
        List<Variable> storage = pullback.adjointStorage();
        return Separation.ofTangent(pullback.separations(), parameters, directions, storage,
                storage.stream().map(tangents::get).toList());
    }
}
