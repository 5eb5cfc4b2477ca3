package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Exprs;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;

/**
 * Integers moved by a constant ({@code idx++}, {@code k -= 2}), which a loop's reverse sweep
 * moves back instead of restoring from the tape: integer arithmetic undoes exactly, overflow
 * included. The move back reads the value after the move.
 */
final class CounterMoves {

    private CounterMoves() {
    }

    /** Whether {@code a} moves an int or long variable by a constant. */
    static boolean isMovedBack(Stmt.Assign a) {
        Variable x = a.target();
        return !a.declaration() && (x.type() == Type.INT || x.type() == Type.LONG)
                && a.value() instanceof Expr.Binary b && b.type() == x.type() && b.left().equals(read(x))
                && b.right() instanceof Expr.Literal && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB);
    }

    /** The statement undoing {@code a}, one that {@link #isMovedBack} accepts. */
    static Stmt moveBack(Stmt.Assign a) {
        Expr.Binary b = (Expr.Binary) a.value();
        BinaryOp back = b.op() == BinaryOp.ADD ? BinaryOp.SUB : BinaryOp.ADD;
        return new Stmt.Assign(a.target(), Exprs.binary(back, read(a.target()), b.right()), false, Stmt.Origin.NONE);
    }
}
