/**
 * Reverse-mode and forward-mode differentiation over the IR.
 *
 * <p>{@link io.microautograd.processor.diff.DerivativeRules} is the one table of local partials;
 * {@link io.microautograd.processor.diff.ReverseMode} turns a function into a pullback: a forward
 * sweep (the source code plus what it must record) and a reverse sweep (statements in reverse
 * order, each restoring what it overwrote and adding its adjoints).
 *
 * <p>Forward mode: {@link io.microautograd.processor.diff.TangentMode} turns a function into a
 * tangent method, an IR-to-IR pass that keeps the source's statements and control flow and puts
 * before each one the statement computing its tangent, so no tape is needed: the tangent of
 * {@code y = f(x1..xn)} is the sum of the rule table's partials times the inputs' tangents
 * ({@link io.microautograd.processor.diff.ExpressionTangents}), the same rows reverse mode reads.
 * Active arrays get tangent arrays of their shape, array parameters the method writes into are
 * copied with their tangents, calls go through the callee's generated tangent method. Outputs a
 * rule reads (exp, tanh, sqrt, ...) and called methods' values are computed once into temporaries
 * before the statement, outside conditional expressions, and assignments of doubles that only led
 * to the source's return value are left out ({@link io.microautograd.processor.diff.UnreadValues}),
 * since the tangent method returns the tangent alone. At a point where a partial is infinite or NaN
 * (cbrt at 0, hypot(0, 0)) and the tangent reaching it is 0 the product is NaN, where reverse mode,
 * which never multiplies the two, gives a number.
 *
 * <p>Second order, for methods of {@code @Differentiable(order = 2)}: {@link
 * io.microautograd.processor.diff.ForwardOverReverse} applies the tangent pass to the pullback's
 * IR, as a function of the differentiated parameters, the result's adjoint and the adjoint
 * storage, so the partials' own derivatives come from the one rule table applied to the partials'
 * expressions. Each double or row pushed on a tape is followed by its tangent, which the reverse
 * sweep pops first; int and long tapes get no twins. A call of another pullback becomes a call of
 * its tangent ({@code gPullbackTangent}), which {@code CallGraph}'s rule that a method of order 2
 * calls only methods of order 2 guarantees. Loops that the gradient checkpoints are taped in the
 * second-order methods: the method is differentiated once more with {@code checkpoints = 0}. The
 * zero-adjoint skip's guards also run where an adjoint is 0 but its tangent is not. A
 * custom derivative rule without a second-order form would be refused at that rule alike.
 *
 * <p>What is recorded: an overwritten value only where the reverse sweep needs it, found by {@link
 * io.microautograd.processor.diff.ToBeRecorded}, a forward data-flow analysis like Tapenade's "to
 * be recorded": a scalar's value is required from a statement whose reverse code reads it until the
 * next overwrite, which keeps and restores it, so an accumulator ({@code z += w[i] * x[i]}) whose
 * finished value feeds a nonlinear function is kept once per reset, not once per add. An array's
 * elements are kept at every store after a reader of that array or of one sharing its storage (a
 * row alias, another name for it), since a store replaces one element and leaves the array
 * required. The readers are found by differentiating in rounds, starting from "keep everything",
 * until they settle. Outside loops every statement runs at most once, so an overwritten value is
 * kept in a fresh local and a branch decision in a boolean: straight-line code needs no tape.
 * Inside loops values go on growable primitive arrays (each thread keeps them between calls; see
 * the emit package), with each iteration's branch decisions and exit (fell through, or which break
 * or continue); a loop nested in another records its trip count, a {@code long}. A counted {@code
 * for} loop whose start and bound do not change inside it, and that has no break, is reversed from
 * its header alone; another counted loop runs its recorded trip count down and computes each
 * index from it, so the reversal runs exactly the forward iterations at the extremes of {@code
 * int} and {@code long} too, where the index wrapped (see {@link
 * io.microautograd.processor.diff.CountedLoop}). A local declared in the body of a counted loop without break or continue, assigned nowhere
 * else in the loop, whose value is cheap arithmetic over values the loop leaves alone and arrays
 * the method never writes, is not taped: the reverse sweep recomputes it at the start of each
 * iteration's reversal. An int or long moved by a constant ({@code idx++}) is moved back, not
 * taped. The outputs of functions whose derivative reads them (exp, tanh, sqrt, pow, ...) are kept
 * from the forward sweep; other intermediates are recomputed in the reverse sweep, once each, into
 * temporaries. Each tape starts at the size its loops' trip counts predict at entry, where they
 * can, so a large gradient allocates it once instead of growing it by doubling. A counted {@code
 * for} loop whose index moves by one (a larger step may wrap and run on), whose bound the loop
 * leaves alone, that has no {@code break} of its own and whose body
 * pushes outside nested loops only (nested loops that push may reserve for themselves), makes room
 * on its tapes just before it starts, for its trip count (counted in {@code long}, 0 or less when
 * it runs none) times its push sites per kind (each counted once, under an {@code if} or not, so
 * untaken branches leave room unused), and then stores without growing ({@link
 * io.microautograd.processor.diff.TapeReservations}). Where such a loop's only double-tape entry is
 * the element {@code a[i]} it goes on to overwrite, the run of those elements goes on the tape in
 * one copy before the loop, and a reversal whose only double-tape entry restores {@code a[i]} and
 * that reads nothing else of {@code a} gives the run back in one copy after it: the same entries,
 * the same order ({@link io.microautograd.processor.diff.TapeSlice} has the rules). The reverse sweep
 * of a loop that only passes adjoints on is guarded by its incoming adjoints being nonzero ({@link
 * io.microautograd.processor.diff.ZeroAdjointSkip} has the rule). A counted loop's reversal that
 * both sums into scalar adjoints and adds into adjoint array elements at the loop's index runs as two
 * loops with its header, the sums then the updates, each in its order, so that the updates vectorise
 * and every sum is bit for bit what it was; {@link io.microautograd.processor.diff.ReverseLoopSplit}
 * has the rule and the argument, and splits conservatively: a reversal that pops, restores,
 * recomputes a primal, zeroes an adjoint, calls, branches, nests a loop, indexes an element other
 * than by the loop's index, or whose sums read an adjoint element after an update, keeps one loop.
 * Under a zero-adjoint guard both loops stay under it.
 *
 * <p>Checkpointed loops: {@link io.microautograd.processor.diff.Checkpointing} decides whether an
 * outermost loop is checkpointed (the method's {@code checkpoints}, or the processor's rule for
 * long loops with literal bounds) and why not; {@link io.microautograd.processor.diff.LoopSweeper}
 * then writes, instead of a taped loop, a forward sweep that runs the source loop keeping
 * snapshots and a reverse sweep of rounds, each running the source body untaped from the latest
 * snapshot and, for the segment to reverse, that segment's iterations taped, then reversed, with
 * the same reservation, split and guard as any taped loop. The recomputation reads what the loop
 * leaves alone, so those values are required as for any reverse code.
 *
 * <p>Kept arrays: {@link io.microautograd.processor.diff.ReusableArrays} picks the arrays a
 * pullback allocates that the emitter may keep per thread between calls (see the emit package):
 * allocated once per call with every size given, and seen by no one once the call has returned.
 *
 * <p>Arguments that share an array: {@link io.microautograd.processor.diff.Separation} gives the
 * pairs of array arguments a pullback's caller must keep apart, since the pullback works on copies
 * of the arrays the method writes into and adds into adjoint storage while it still reads the
 * parameters; arrays the method only reads may share. The tangent method works on the same
 * copies, so its callers keep the same pairs of parameters apart; it has no adjoint storage and
 * only reads its tangents, which may share with anything. The tangent of a pullback (the
 * Hessian-vector product) keeps the pullback's pairs, and adds its products into the tangents of
 * the storage while it reads its directions: storage and directions, and products and any other
 * argument, are kept apart too.
 *
 * <p>Semantics: at kinks the derivative is fixed (abs'(0) = 0; max and min send the gradient to
 * their first argument at ties; signum, floor, ceil, rint, round have derivative 0,
 * and so have floorDiv and floorMod, whose arguments are integers; d/db pow(a, b) is
 * 0 where a &lt;= 0; d/da pow(a, 0) is 0). Every rule computes in double, whatever the types of
 * its operands. Adjoints of parameters accumulate ({@code +=}) into the caller's storage.
 *
 * <p>Zero adjoints: reverse mode is linear in the adjoints, so a loop reversal skipped because
 * every adjoint coming into it is zero would have added 0 times each partial, and the skip is
 * exact wherever those partials are finite. Where one is infinite or NaN the skipped loop
 * contributes 0, not NaN (0 &times; &infin;), as CoDiPack's default {@code
 * SkipZeroAdjointEvaluation} does per statement: typically a relu or an untaken branch masks an
 * infinite input, the function is locally constant there and 0 is its derivative. The {@code
 * Value} engine does not skip, so there the same gradient is NaN.
 */
package io.microautograd.processor.diff;
