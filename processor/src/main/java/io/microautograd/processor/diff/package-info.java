/**
 * Reverse-mode differentiation over the IR.
 *
 * <p>{@link io.microautograd.processor.diff.DerivativeRules} is the one table of local partials;
 * {@link io.microautograd.processor.diff.ReverseMode} turns a function into a pullback: a forward
 * sweep (the source code plus what it must record) and a reverse sweep (statements in reverse
 * order, each restoring what it overwrote and adding its adjoints).
 *
 * <p>What is recorded: only variables whose values the reverse sweep reads (found by iterating
 * "keep all, then keep what the reverse reads" to a fixed point) and only where they are
 * overwritten. Outside loops every statement runs at most once, so an overwritten value is
 * kept in a fresh local and a branch decision in a boolean: straight-line code needs no tape.
 * Inside loops values go on growable primitive arrays local to the generated method, with each
 * iteration's branch decisions and exit (fell through, or which break or continue); a loop
 * nested in another records its trip count. A counted {@code for} loop runs its index backwards
 * instead of recording it. Expression intermediates are recomputed in the reverse sweep, once
 * each, into temporaries.
 *
 * <p>Semantics: at kinks the derivative is fixed (abs'(0) = 0; max and min send the gradient to
 * their first argument at ties; signum, floor, ceil, rint have derivative 0; d/db pow(a, b) is
 * 0 where a &lt;= 0). Adjoints of parameters accumulate ({@code +=}) into the caller's storage.
 */
package io.microautograd.processor.diff;
