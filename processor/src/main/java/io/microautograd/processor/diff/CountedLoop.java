package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.binary;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
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
        if (loop.kind() != Stmt.LoopKind.FOR || loop.init().size() != 1 || loop.update().size() != 1
                || !(loop.init().get(0) instanceof Stmt.Assign init) || !init.declaration()
                || !(loop.update().get(0) instanceof Stmt.Assign update)) {
            return null;
        }
        Variable index = init.target();
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
        return step == 0 ? null : new CountedLoop(index, init.value(), step);
    }

    /** The loop running {@code body} for the indices of the {@code trips} iterations, last first. */
    Stmt backwards(Expr first, Variable trips, Stmt.Block body) {
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
