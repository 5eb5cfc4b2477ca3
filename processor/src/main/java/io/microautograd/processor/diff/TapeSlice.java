package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.binary;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Iteration;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loop of a pullback whose entries on the double tape are a run of one array's elements in
 * index order, so that the tape takes them, or gives them back, in one copy instead of one entry
 * per iteration: the loop then streams through its arrays with nothing but its own work, which
 * the JIT can vectorise, and the copy runs at the speed of memory.
 *
 * <p>A forward loop qualifies when it {@linkplain TapeReservations makes room} for its entries,
 * counts its {@code int} index up by one with no early exit and no call, and its only push on
 * the double tape is a statement of its own body (not under an {@code if}, not in a nested loop)
 * storing {@code a[i]}, the element it goes on to overwrite, and each store into {@code a}'s
 * storage in the loop, under any name, is {@code a[i] = ...} after that push. No element of the
 * run is then written before its push, so copying the run before the loop stores what the
 * pushes would.
 *
 * <p>A reverse loop qualifies when it runs its {@code int} index down by one from an end to a
 * start that it leaves alone ({@code for (i = end; i > start; ) { i--; ... }}, the form the
 * reverse sweep gives counted loops) with no early exit, its only pop off the double tape is a
 * statement of its own body {@code a[i] = pop}, and nothing else in it names {@code a}'s storage:
 * nothing reads the restored elements before the loop has ended, so copying them back after it
 * restores what the pops would. Such a loop with nothing else to do is left out.
 *
 * @param statement the push, or the store of the pop, that the copy replaces in the loop's body
 * @param array the array whose elements the entries are
 * @param from the index of the run's first element, evaluated next to the loop
 * @param count the number of elements in the run, a {@code long} expression (none when zero or less)
 * @param restores whether the copy gives the elements back after the loop, rather than storing
 *     them before it
 * @param loopRemains whether the loop has more to do than the copy (a reverse loop that only
 *     restored elements has not)
 */
public record TapeSlice(Stmt statement, Variable array, Expr from, Expr count, boolean restores,
        boolean loopRemains) {

    /** The loops of a pullback's body whose double-tape entries are slices, each with its slice. */
    static Map<Stmt.Loop, TapeSlice> of(Stmt.Block body, Map<Stmt.Loop, Map<TapeKind, Expr>> reservations) {
        ArrayAliases aliases = ArrayAliases.of(body);
        Map<Stmt.Loop, TapeSlice> slices = new HashMap<>();
        IrWalk.statements(body, s -> {
            if (s instanceof Stmt.Loop loop && !Iteration.of(loop.body()).exits() && !calls(loop)) {
                Expr reserved = reservations.getOrDefault(loop, Map.of()).get(TapeKind.DOUBLE);
                TapeSlice slice = reserved != null ? pushed(loop, reserved, aliases) : restored(loop, aliases);
                if (slice != null) {
                    slices.put(loop, slice);
                }
            }
        });
        return Collections.unmodifiableMap(slices);
    }

    private static TapeSlice pushed(Stmt.Loop loop, Expr reserved, ArrayAliases aliases) {
        CountedLoop counted = CountedLoop.atEntry(loop);
        List<Stmt> statements = flat(loop.body(), new ArrayList<>());
        List<Stmt> pushes = doubleTapeSites(loop);
        if (counted == null || counted.step() != 1 || counted.index().type() != Type.INT || pushes.size() != 1
                || !(pushes.get(0) instanceof Stmt.Push push) || !statements.contains(push)) {
            return null;
        }
        Variable a = elementArray(push.value(), counted.index());
        if (a == null || IrWalk.assigns(loop, a)) {
            return null;
        }
        int at = statements.indexOf(push);
        for (int k = 0; k < statements.size(); k++) {
            boolean before = k < at;
            boolean[] fits = {true};
            IrWalk.statements(statements.get(k), t -> {
                if (t instanceof Stmt.Store store && sameStorage(store.array(), a, aliases)) {
                    fits[0] &= !before && store.array().equals(read(a)) && store.index().equals(read(counted.index()));
                }
            });
            if (!fits[0]) {
                return null;
            }
        }
        return new TapeSlice(push, a, counted.start(), reserved, false, true);
    }

    private static TapeSlice restored(Stmt.Loop loop, ArrayAliases aliases) {
        List<Stmt> statements = flat(loop.body(), new ArrayList<>());
        if (loop.kind() != Stmt.LoopKind.FOR || loop.init().size() != 1 || !loop.update().isEmpty()
                || !(loop.init().get(0) instanceof Stmt.Assign init) || init.target().type() != Type.INT
                || !(loop.condition() instanceof Expr.Binary test) || test.op() != BinaryOp.GT
                || statements.isEmpty() || !isStepDown(statements.get(0), init.target())) {
            return null;
        }
        Variable index = init.target();
        Expr start = test.right();
        List<Stmt> pops = doubleTapeSites(loop);
        if (!test.left().equals(read(index)) || !TapeReservations.isFixed(start, loop)
                || !TapeReservations.isFixed(init.value(), loop) || pops.size() != 1
                || !(pops.get(0) instanceof Stmt.Store store) || !statements.contains(store)
                || statements.stream().skip(1).anyMatch(s -> IrWalk.assigns(s, index))) {
            return null;
        }
        Variable a = elementArray(new Expr.Element(store.array(), store.index()), index);
        if (a == null || namedElsewhere(loop, store, a, aliases)) {
            return null;
        }
        boolean loopRemains = statements.stream()
                .anyMatch(s -> s != statements.get(0) && s != store && !(s instanceof Stmt.Comment));
        Expr end = new Expr.Cast(Type.LONG, init.value());
        Expr count = start instanceof Expr.Literal l && l.integerValue() == 0 ? end : binary(BinaryOp.SUB, end, start);
        return new TapeSlice(store, a, start, count, true, loopRemains);
    }

    /** The statements of a block, those of the blocks in it in their place, in order. */
    private static List<Stmt> flat(Stmt.Block block, List<Stmt> out) {
        for (Stmt s : block.statements()) {
            if (s instanceof Stmt.Block inner) {
                flat(inner, out);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether {@code s} is {@code i = i - 1}. */
    private static boolean isStepDown(Stmt s, Variable index) {
        return s instanceof Stmt.Assign a && !a.declaration() && a.target().equals(index)
                && a.value() instanceof Expr.Binary b && b.op() == BinaryOp.SUB && b.left().equals(read(index))
                && b.right() instanceof Expr.Literal one && one.type() == Type.INT && one.integerValue() == 1;
    }

    /** The array {@code a} when {@code e} is {@code a[index]} of a {@code double[]} variable, else null. */
    private static Variable elementArray(Expr e, Variable index) {
        return e instanceof Expr.Element element && element.array() instanceof Expr.Read r
                && r.variable().type() == Type.DOUBLE_ARRAY && element.index().equals(read(index)) ? r.variable() : null;
    }

    /** The pushes onto the double tape in the loop, and the statements taking entries off it. */
    private static List<Stmt> doubleTapeSites(Stmt.Loop loop) {
        List<Stmt> sites = new ArrayList<>();
        IrWalk.statements(loop.body(), s -> {
            boolean[] pops = {false};
            IrWalk.expressionsOf(s).forEach(e -> IrWalk.expressions(e,
                    x -> pops[0] |= x instanceof Expr.Pop p && p.tape() == TapeKind.DOUBLE));
            if (pops[0] || s instanceof Stmt.Push p && p.tape() == TapeKind.DOUBLE) {
                sites.add(s);
            }
        });
        return sites;
    }

    /** Whether anything in the loop but {@code store}'s target names the storage of {@code a}. */
    private static boolean namedElsewhere(Stmt.Loop loop, Stmt.Store store, Variable a, ArrayAliases aliases) {
        boolean[] named = {false};
        IrWalk.statements(loop.body(), s -> {
            if (s instanceof Stmt.Assign assign && sameStorage(read(assign.target()), a, aliases)) {
                named[0] = true;
            }
            List<Expr> evaluated = s == store ? List.of(store.value()) : IrWalk.expressionsOf(s);
            evaluated.forEach(e -> IrWalk.expressions(e,
                    x -> named[0] |= x instanceof Expr.Read r && sameStorage(r, a, aliases)));
        });
        return named[0];
    }

    private static boolean sameStorage(Expr array, Variable a, ArrayAliases aliases) {
        Variable root = IrWalk.root(array);
        return root.type().isArray() && aliases.representative(root).equals(aliases.representative(a));
    }

    private static boolean calls(Stmt.Loop loop) {
        boolean[] found = {false};
        IrWalk.statements(loop, s -> IrWalk.expressionsOf(s).forEach(e ->
                IrWalk.expressions(e, x -> found[0] |= x instanceof Expr.Call)));
        return found[0];
    }
}
