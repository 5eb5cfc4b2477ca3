package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reverse-mode derivative of a function: the body of a method
 * {@code double fPullback(parameters..., double dValue, double[] gradient, double[] dA...)} that
 * returns the value and adds {@code dValue} times each partial into the adjoint storage.
 *
 * @param source the differentiated function
 * @param resultAdjoint the adjoint of the result, which a caller's reverse sweep passes in
 * @param gradient the storage for scalar partials, or null when no scalar is differentiated
 * @param scalarAdjoints the adjoint locals of the differentiated scalar parameters, in slot order
 * @param arrayAdjoints for each differentiated array parameter, the caller's adjoint array
 * @param outputSeeds for each output of a vector-Jacobian product ({@link ReverseMode#vectorJacobian}),
 *     the parameter taking the adjoints of its elements, in the outputs' order; empty for a pullback
 * @param body the complete method body: forward sweep, reverse sweep, accumulation and return
 * @param expectedTapeSizes for each tape the body pushes onto, the number of entries it is
 *     expected to hold, as a {@code long} expression over the parameters; absent when unknown
 * @param keptArrays the arrays the body allocates that no one can see once it has returned, each
 *     source array followed by its adjoint: the emitter keeps them per thread between calls
 * @param tapeReservations for each loop of the body that makes room on its tapes
 *     before it starts, the entries per tape kind, as a {@code long} expression to evaluate just
 *     before the loop; its body's pushes then need no capacity check
 * @param tapeSlices the loops of the body whose entries on the double tape are a run of one array's
 *     elements, which the tape takes before the loop, or gives back after it, in one copy
 * @param writtenArrays the arrays the function writes into, directly or through another name
 * @param tapedNotCheckpointed the outermost loops that the method asked to checkpoint and that are
 *     taped instead, each with why it cannot be checkpointed (a clause that follows "because")
 */
public record Pullback(
        Function source,
        Variable resultAdjoint,
        Variable gradient,
        List<Variable> scalarAdjoints,
        Map<Variable, Variable> arrayAdjoints,
        Map<Variable, Variable> outputSeeds,
        Stmt.Block body,
        Map<TapeKind, Expr> expectedTapeSizes,
        List<Variable> keptArrays,
        Map<Stmt.Loop, Map<TapeKind, Expr>> tapeReservations,
        Map<Stmt.Loop, TapeSlice> tapeSlices,
        Set<Variable> writtenArrays,
        Map<Stmt.Loop, String> tapedNotCheckpointed) {

    /** The adjoint storage parameters, in signature order: {@link #gradient()} if any, then the array adjoints. */
    public List<Variable> adjointStorage() {
        List<Variable> storage = new ArrayList<>();
        if (gradient != null) {
            storage.add(gradient);
        }
        storage.addAll(arrayAdjoints.values());
        return storage;
    }

    /** The pairs of array arguments that a call must not let share storage, which the pullback checks at entry. */
    public List<Separation> separations() {
        return Separation.of(source.parameters(), writtenArrays, adjointStorage());
    }
}
