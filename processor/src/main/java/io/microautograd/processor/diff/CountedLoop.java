package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.binary;
import static io.microautograd.processor.ir.Exprs.cond;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Iteration;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code for} loop whose index starts at a value, moves by a constant step and is not assigned
 * in the body: iteration {@code k} has index {@code start + k * step} (in the index's type,
 * wrapping as Java does), so the reverse sweep needs only the start and the number of iterations.
 *
 * @param index the loop index
 * @param start the index's first value
 * @param step the constant step
 */
record CountedLoop(Variable index, Expr start, int step) {

    /** The counted form of a loop, or null when it is not one. */
    static CountedLoop of(Stmt.Loop loop) {
        if (loop.init().size() != 1 || !(loop.init().get(0) instanceof Stmt.Assign init) || !init.declaration()) {
            return null;
        }
        return counted(loop, init.target(), init.value());
    }

    /**
     * The counted form of a loop as seen where it starts, or null: also a {@code for} loop without
     * an initializer ({@code for (; i < n; i++)}), whose index starts at the value it has there.
     */
    static CountedLoop atEntry(Stmt.Loop loop) {
        if (!loop.init().isEmpty() || loop.update().size() != 1
                || !(loop.update().get(0) instanceof Stmt.Assign u)) {
            return of(loop);
        }
        return counted(loop, u.target(), read(u.target()));
    }

    private static CountedLoop counted(Stmt.Loop loop, Variable index, Expr start) {
        if (loop.kind() != Stmt.LoopKind.FOR || loop.update().size() != 1
                || !(loop.update().get(0) instanceof Stmt.Assign update)) {
            return null;
        }
        if ((index.type() != Type.INT && index.type() != Type.LONG) || !update.target().equals(index)
                || IrWalk.assigns(loop.body(), index)) {
            return null;
        }
        Expr change = update.value() instanceof Expr.Cast c ? c.operand() : update.value();
        if (!(change instanceof Expr.Binary b) || !(b.left() instanceof Expr.Read r) || !r.variable().equals(index)
                || !(b.right() instanceof Expr.Literal amount) || amount.type() != Type.INT
                || (b.op() != BinaryOp.ADD && b.op() != BinaryOp.SUB)) {
            return null;
        }
        int step = Integer.parseInt(amount.text()) * (b.op() == BinaryOp.ADD ? 1 : -1);
        return step == 0 ? null : new CountedLoop(index, start, step);
    }

    /**
     * Whether the reverse sweep can recompute the iterations from the loop's own header: the
     * index moves by one towards a bound of its own type or a narrower one, no break leaves
     * early, and nothing the start and the bound read is assigned inside the loop, so they have
     * the same values at its end. Such a loop never wraps: it stops at the bound, or never.
     */
    boolean isRecomputable(Stmt.Loop loop) {
        if (Math.abs(step) != 1 || !(loop.condition() instanceof Expr.Binary c) || !(c.left() instanceof Expr.Read r)
                || !r.variable().equals(index) || !towardsBound(c.op()) || Iteration.of(loop.body()).leaves()
                || !c.right().type().isNumeric() || Type.promote(index.type(), c.right().type()) != index.type()) {
            return false;
        }
        return isStable(start, loop) && isStable(c.right(), loop);
    }

    private boolean towardsBound(BinaryOp op) {
        return step > 0 ? op == BinaryOp.LT || op == BinaryOp.LE : op == BinaryOp.GT || op == BinaryOp.GE;
    }

    private static boolean isStable(Expr e, Stmt.Loop loop) {
        boolean[] stable = {true};
        IrWalk.expressions(e, x -> {
            if (x instanceof Expr.Element || x instanceof Expr.Call || x instanceof Expr.Pop) {
                stable[0] = false;
            }
            if (x instanceof Expr.Read r && IrWalk.assigns(loop, r.variable())) {
                stable[0] = false;
            }
        });
        return stable[0];
    }

    /**
     * The comparison in a loop's condition that stops its index: {@code index + offset < bound}
     * (or {@code <=}, or {@code >} and {@code >=} for a falling index), written either way round,
     * where {@code bound} is an int or long that does not read the index. When the condition
     * joins several tests by {@code &&}, any one of them that stops the index limits the
     * iterations.
     *
     * @param bound what the index is compared with
     * @param offset a constant added to the index in the comparison (0 when none)
     * @param inclusive whether the index may equal the bound minus the offset
     */
    record Limit(Expr bound, int offset, boolean inclusive) {
    }

    /** The comparison that stops this loop's index, or null when its condition has none. */
    Limit limit(Stmt.Loop loop) {
        if (loop.condition() == null) {
            return null;
        }
        for (Expr test : conjuncts(loop.condition(), new ArrayList<>())) {
            Limit limit = test instanceof Expr.Binary b ? limit(b.op(), b.left(), b.right()) : null;
            if (limit == null && test instanceof Expr.Binary b && flipped(b.op()) != null) {
                limit = limit(flipped(b.op()), b.right(), b.left());
            }
            if (limit != null) {
                return limit;
            }
        }
        return null;
    }

    private static List<Expr> conjuncts(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary b && b.op() == BinaryOp.AND) {
            conjuncts(b.left(), out);
            conjuncts(b.right(), out);
        } else {
            out.add(e);
        }
        return out;
    }

    private Limit limit(BinaryOp op, Expr indexSide, Expr bound) {
        boolean integral = bound.type() == Type.INT || bound.type() == Type.LONG;
        if (!towardsBound(op) || !integral || IrWalk.reads(bound, index)) {
            return null;
        }
        if (isIndex(indexSide)) {
            return new Limit(bound, 0, op == BinaryOp.LE || op == BinaryOp.GE);
        }
        if (indexSide instanceof Expr.Binary b && isIndex(b.left()) && b.right() instanceof Expr.Literal amount
                && amount.type() == Type.INT && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB)) {
            int offset = Integer.parseInt(amount.text()) * (b.op() == BinaryOp.ADD ? 1 : -1);
            return new Limit(bound, offset, op == BinaryOp.LE || op == BinaryOp.GE);
        }
        return null;
    }

    /** The comparison that says the same with its operands swapped, or null for other operators. */
    private static BinaryOp flipped(BinaryOp op) {
        switch (op) {
            case LT:
                return BinaryOp.GT;
            case LE:
                return BinaryOp.GE;
            case GT:
                return BinaryOp.LT;
            case GE:
                return BinaryOp.LE;
            default:
                return null;
        }
    }

    private boolean isIndex(Expr e) {
        return e instanceof Expr.Read r && r.variable().equals(index);
    }

    /**
     * Whether the index runs from its start to the limit without passing the end of its type,
     * whatever their values, so that {@link #trips} counts the loop's iterations: it moves by one,
     * so it meets the bound before it could wrap, and the offset the test adds to it cannot carry
     * its start past the end of its type (a literal start checks that here). An index moving by
     * more, or tested with an offset from another start, may wrap past {@code MAX_VALUE} or
     * {@code MIN_VALUE} and go on from the far end for more iterations than the count says.
     */
    boolean stopsBeforeWrapping(Limit limit) {
        if (Math.abs(step) != 1) {
            return false;
        }
        if (limit.offset() == 0) {
            return true;
        }
        if (!(start instanceof Expr.Literal l)) {
            return false;
        }
        long first = l.integerValue();
        long offset = limit.offset();
        return index.type() == Type.INT ? first + offset == (int) (first + offset)
                : offset > 0 ? first <= Long.MAX_VALUE - offset : first >= Long.MIN_VALUE - offset;
    }

    /**
     * How many iterations run at most, as a {@code long} expression, when the index starts at
     * {@code from} and the loop stops at {@code limit}: zero or less when it runs none. The start
     * and the bound are each evaluated in their own type, as the loop's header evaluates them,
     * and their difference in {@code long}, so it cannot overflow for {@code int} operands. Long
     * operands can lie so far apart that their difference wraps, which would give a loop that
     * runs no iterations a huge count: the count of such a loop is taken only where its first
     * test passes (and is 0 elsewhere), which leaves differences that wrap to loops of 2^63
     * iterations and more, which never end.
     */
    Expr trips(Expr from, Limit limit) {
        boolean up = step > 0;
        Expr high = up ? limit.bound() : from;
        Expr low = up ? from : limit.bound();
        int stride = Math.abs(step);
        long shift = (up ? -limit.offset() : limit.offset()) + (limit.inclusive() ? 1 : 0) + stride - 1;
        Expr span = high.type() == Type.LONG ? high : new Expr.Cast(Type.LONG, high);
        if (low instanceof Expr.Literal l && l.type() == Type.INT) {
            shift -= Integer.parseInt(l.text());
        } else {
            span = binary(BinaryOp.SUB, span, low);
        }
        if (shift != 0) {
            long amount = Math.abs(shift);
            Expr literal = amount <= Integer.MAX_VALUE ? lit((int) amount)
                    : new Expr.Literal(amount + "L", Type.LONG);
            span = binary(shift > 0 ? BinaryOp.ADD : BinaryOp.SUB, span, literal);
        }
        Expr count = stride == 1 ? span : binary(BinaryOp.DIV, span, lit(stride));
        if (high.type() != Type.LONG && low.type() != Type.LONG) {
            return count;
        }
        BinaryOp test = up ? (limit.inclusive() ? BinaryOp.LE : BinaryOp.LT)
                : (limit.inclusive() ? BinaryOp.GE : BinaryOp.GT);
        return cond(binary(test, shifted(from, limit.offset()), limit.bound()), count, lit(0));
    }

    /**
     * The reverse loop of a {@linkplain #isRecomputable recomputable} loop. The index starts at
     * the first value past the iterations (the bound, or one past an inclusive bound) and steps
     * back at the top of each iteration while it is beyond the start, so it never leaves the
     * range the loop ran: a reverse loop that tested {@code i >= start} after {@code i--} would
     * never end at a start of {@code MIN_VALUE}, and one starting at {@code bound - 1} would run
     * from {@code MAX_VALUE} when the bound is {@code MIN_VALUE}. A loop that ran no iterations
     * starts the reversal at or before its start and runs none.
     */
    Stmt.Loop backwards(Stmt.Loop loop, Stmt.Block body) {
        Expr.Binary condition = (Expr.Binary) loop.condition();
        boolean inclusive = condition.op() == BinaryOp.LE || condition.op() == BinaryOp.GE;
        Expr end = inclusive ? shifted(condition.right(), step) : shifted(condition.right(), 0);
        Stmt.Assign init = new Stmt.Assign(index, end, false, Stmt.Origin.NONE);
        Expr beyondStart = binary(step > 0 ? BinaryOp.GT : BinaryOp.LT, read(index), start);
        return new Stmt.Loop(Stmt.LoopKind.FOR, List.of(init), beyondStart, List.of(),
                withIndex(moved(read(index), -step), body), Stmt.Origin.NONE);
    }

    /**
     * The loop running {@code body} for the iterations numbered {@code from} to {@code to - 1} (in
     * {@code long}, from 0 for the first iteration), last first. Each iteration computes its index
     * from its number {@code trip}, in {@code long} arithmetic narrowed to the index's type, which
     * gives the index the forward loop had even where it wrapped past {@code MAX_VALUE} or {@code
     * MIN_VALUE}.
     *
     * @param first the index of the first iteration
     * @param trip a fresh {@code long} for the iteration's number
     */
    Stmt.Loop backwards(Expr first, Expr from, Expr to, Variable trip, Stmt.Block body) {
        Stmt.Assign init = new Stmt.Assign(trip, binary(BinaryOp.SUB, to, lit(1)), true, Stmt.Origin.NONE);
        Expr remaining = binary(BinaryOp.GE, read(trip), from);
        Stmt.Assign update = new Stmt.Assign(trip, binary(BinaryOp.SUB, read(trip), lit(1)), false, Stmt.Origin.NONE);
        return new Stmt.Loop(Stmt.LoopKind.FOR, List.of(init), remaining, List.of(update),
                withIndex(indexAt(first, trip), body), Stmt.Origin.NONE);
    }

    /**
     * The loop running {@code body} for the iterations numbered {@code from} to {@code to - 1}, in
     * their order, each computing its index as {@link #backwards(Expr, Expr, Expr, Variable,
     * Stmt.Block)} does.
     */
    Stmt.Loop forwards(Expr first, Expr from, Expr to, Variable trip, Stmt.Block body) {
        Stmt.Assign init = new Stmt.Assign(trip, from, true, Stmt.Origin.NONE);
        Expr remaining = binary(BinaryOp.LT, read(trip), to);
        Stmt.Assign update = new Stmt.Assign(trip, binary(BinaryOp.ADD, read(trip), lit(1)), false, Stmt.Origin.NONE);
        return new Stmt.Loop(Stmt.LoopKind.FOR, List.of(init), remaining, List.of(update),
                withIndex(indexAt(first, trip), body), Stmt.Origin.NONE);
    }

    /** The index of the iteration numbered {@code trip} when the first has index {@code first}. */
    private Expr indexAt(Expr first, Variable trip) {
        Expr offset = step == 1 ? read(trip) : binary(BinaryOp.MUL, read(trip), lit(step));
        boolean fromZero = first instanceof Expr.Literal l && l.text().equals("0");
        Expr position = fromZero ? offset : binary(BinaryOp.ADD, first, offset);
        return index.type() == Type.LONG ? position : new Expr.Cast(index.type(), position);
    }

    /** The body with the statement setting the index to {@code value} before it. */
    private Stmt.Block withIndex(Expr value, Stmt.Block body) {
        List<Stmt> statements = new ArrayList<>();
        statements.add(new Stmt.Assign(index, value, false, Stmt.Origin.NONE));
        statements.addAll(body.statements());
        return Stmt.Block.of(statements);
    }

    /** {@code e + amount} in the index's type; a literal is shifted here, wrapping as the index would. */
    private Expr shifted(Expr e, int amount) {
        if (e instanceof Expr.Literal l) {
            long value = l.integerValue() + amount;
            return index.type() == Type.INT || value == (int) value ? lit((int) value)
                    : new Expr.Literal(value + "L", Type.LONG);
        }
        Expr widened = e.type() == index.type() ? e : new Expr.Cast(index.type(), e);
        return amount == 0 ? widened : moved(widened, amount);
    }

    private static Expr moved(Expr e, int amount) {
        return binary(amount > 0 ? BinaryOp.ADD : BinaryOp.SUB, e, lit(Math.abs(amount)));
    }
}
