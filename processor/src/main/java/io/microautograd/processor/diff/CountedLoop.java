package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.binary;
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
 * in the body: iteration {@code k} has index {@code start + k * step}, so the reverse sweep needs
 * only the start and the number of iterations.
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
     * index moves by one towards a bound, no break leaves early, and nothing the start and the
     * bound read is assigned inside the loop, so they have the same values at its end.
     */
    boolean isRecomputable(Stmt.Loop loop) {
        if (Math.abs(step) != 1 || !(loop.condition() instanceof Expr.Binary c) || !(c.left() instanceof Expr.Read r)
                || !r.variable().equals(index) || !towardsBound(c.op()) || Iteration.of(loop.body()).leaves()) {
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
     * How many iterations run at most, as a {@code long} expression, when the index starts at
     * {@code from} and the loop stops at {@code limit}: zero or less when it runs none. The start
     * and the bound are each evaluated in their own type, as the loop's header evaluates them,
     * and their difference in {@code long}, so it cannot overflow for an {@code int} index.
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
        return stride == 1 ? span : binary(BinaryOp.DIV, span, lit(stride));
    }

    /**
     * The reverse loop of a {@linkplain #isRecomputable recomputable} loop: from the last index
     * back to the start, both recomputed from the header.
     */
    Stmt.Loop backwards(Stmt.Loop loop, Stmt.Block body) {
        Expr.Binary condition = (Expr.Binary) loop.condition();
        boolean inclusive = condition.op() == BinaryOp.LE || condition.op() == BinaryOp.GE;
        Expr last = inclusive ? condition.right() : binary(BinaryOp.SUB, condition.right(), lit(step));
        Stmt.Assign init = new Stmt.Assign(index, last, false, Stmt.Origin.NONE);
        Expr stop = binary(step > 0 ? BinaryOp.GE : BinaryOp.LE, read(index), start);
        Stmt.Assign update = new Stmt.Assign(index, binary(BinaryOp.SUB, read(index), lit(step)), false,
                Stmt.Origin.NONE);
        return new Stmt.Loop(Stmt.LoopKind.FOR, List.of(init), stop, List.of(update), body, Stmt.Origin.NONE);
    }

    /** The loop running {@code body} for the indices of the {@code trips} iterations, last first. */
    Stmt.Loop backwards(Expr first, Variable trips, Stmt.Block body) {
        Expr lastOffset = binary(BinaryOp.SUB, read(trips), lit(1));
        if (step != 1) {
            lastOffset = binary(BinaryOp.MUL, lastOffset, lit(step));
        }
        boolean fromZero = first instanceof Expr.Literal l && l.text().equals("0");
        Expr last = fromZero ? lastOffset : binary(BinaryOp.ADD, first, lastOffset);
        Expr condition = binary(step > 0 ? BinaryOp.GE : BinaryOp.LE, read(index), first);
        Stmt.Assign init = new Stmt.Assign(index, last, false, Stmt.Origin.NONE);
        Stmt.Assign update = new Stmt.Assign(index, binary(BinaryOp.SUB, read(index), lit(step)), false,
                Stmt.Origin.NONE);
        return new Stmt.Loop(Stmt.LoopKind.FOR, List.of(init), condition, List.of(update), body, Stmt.Origin.NONE);
    }
}
