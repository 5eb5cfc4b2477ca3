package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.binary;
import static io.microautograd.processor.ir.Exprs.lit;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Iteration;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The loops of a pullback's forward sweep that can make room on their tapes once, before they
 * start, so that their bodies store entries without a capacity check (which keeps the tape array
 * out of the loop's state, and lets the JIT hoist and vectorise the loop).
 *
 * <p>A loop qualifies when it is a {@linkplain CountedLoop#atEntry counted} {@code for} loop
 * (with or without an initializer) whose condition {@linkplain CountedLoop#limit stops its
 * index} at a bound the loop leaves alone, and whose index {@linkplain
 * CountedLoop#stopsBeforeWrapping stops before it could wrap}, so that its trips can be counted
 * just before it, and whose body pushes a bounded number of entries per iteration: every push
 * site outside nested loops runs at most once per iteration, so the sites counted once each
 * bound the entries (pushes under an {@code if} included, which makes the count an upper bound).
 * A body with a nested loop that pushes does not qualify, though that inner loop may.
 *
 * <p>A loop whose index moves by more than one keeps pushing: near the end of its type it can
 * wrap and go on from the other end ({@code for (int i = 3; i > -1_499_999_998; i -=
 * 1_500_000_000)} runs four times, not two), a count no closed form gives cheaply, and a
 * reservation short of it would fail the unchecked stores.
 *
 * <p>A loop that may leave early (a {@code break} of its own) keeps pushing: its bound is all
 * that is known at its entry, and a search bounded by a large maximum
 * ({@code for (int it = 0; it < 1_000_000; it++) { ... if (done) break; }}) would make room for
 * a million iterations' entries at once, kept by the thread like any tape, or fail at its entry
 * when that room would outgrow the largest Java array.
 */
final class TapeReservations {

    private final Map<Stmt.Loop, Map<TapeKind, Expr>> reservations = new HashMap<>();

    private TapeReservations() {
    }

    /**
     * For each qualifying loop of {@code body}, the entries to make room for per tape
     * kind: a {@code long} expression to evaluate just before the loop.
     */
    static Map<Stmt.Loop, Map<TapeKind, Expr>> of(Stmt.Block body) {
        TapeReservations found = new TapeReservations();
        IrWalk.statements(body, s -> {
            if (s instanceof Stmt.Loop loop) {
                found.consider(loop);
            }
        });
        return Collections.unmodifiableMap(found.reservations);
    }

    private void consider(Stmt.Loop loop) {
        CountedLoop counted = CountedLoop.atEntry(loop);
        CountedLoop.Limit limit = counted == null ? null : counted.limit(loop);
        if (limit == null || !counted.stopsBeforeWrapping(limit) || !isPure(counted.start())
                || !isFixed(limit.bound(), loop) || Iteration.of(loop.body()).leaves()
                || loop.init().stream().anyMatch(TapeReservations::pushes)
                || loop.update().stream().anyMatch(TapeReservations::pushes)) {
            return;
        }
        Map<TapeKind, Integer> sites = new EnumMap<>(TapeKind.class);
        if (!countSites(loop.body(), sites) || sites.isEmpty()) {
            return;
        }
        Expr trips = counted.trips(counted.start(), limit);
        Map<TapeKind, Expr> entries = new EnumMap<>(TapeKind.class);
        sites.forEach((kind, count) -> entries.put(kind, count == 1 ? trips : binary(BinaryOp.MUL, lit(count), trips)));
        reservations.put(loop, entries);
    }

    /** Counts the push sites per tape kind; false when a nested loop pushes. */
    private static boolean countSites(Stmt s, Map<TapeKind, Integer> sites) {
        if (s instanceof Stmt.Push push) {
            sites.merge(push.tape(), 1, Integer::sum);
            return true;
        }
        if (s instanceof Stmt.Loop nested) {
            return !pushes(nested);
        }
        for (Stmt child : IrWalk.children(s)) {
            if (!countSites(child, sites)) {
                return false;
            }
        }
        return true;
    }

    private static boolean pushes(Stmt s) {
        boolean[] found = {false};
        IrWalk.statements(s, t -> found[0] |= t instanceof Stmt.Push);
        return found[0];
    }

    /**
     * Whether evaluating the expression once more, just before the loop, has no effect and gives
     * the value the loop's header gives: no calls, no tape pops, no new arrays.
     */
    private static boolean isPure(Expr e) {
        boolean[] pure = {true};
        IrWalk.expressions(e, x -> pure[0] &= !(x instanceof Expr.Call || x instanceof Expr.Pop
                || x instanceof Expr.NewArray || x instanceof Expr.ArrayLiteral || x instanceof Expr.Clone));
        return pure[0];
    }

    /**
     * Whether the bound has the same value before the loop and at each test of its condition: it
     * reads no variable the loop assigns and no array element (a store in the loop, through any
     * name for the array, could change one).
     */
    static boolean isFixed(Expr bound, Stmt.Loop loop) {
        boolean[] fixed = {isPure(bound)};
        IrWalk.expressions(bound, x -> fixed[0] &= !(x instanceof Expr.Element)
                && !(x instanceof Expr.Read r && IrWalk.assigns(loop, r.variable())));
        return fixed[0];
    }
}
