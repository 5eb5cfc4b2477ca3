package io.microautograd.processor.diff;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.HashSet;
import java.util.Set;

/**
 * Which local declarations in a loop body the reverse sweep recomputes instead of taping. A
 * declaration directly in the body of a counted loop without break or continue, whose variable
 * nothing else in the loop assigns, holds the same value from its declaration to the end of
 * the iteration. When its value is cheap arithmetic over variables the loop leaves alone (its
 * own index aside) and arrays the method never writes, running it again at the start of the
 * iteration's reversal gives that value back: no tape traffic and no restore. A recomputed
 * declaration may read the locals recomputed before it.
 */
final class Recomputation {

    private final Stmt.Loop loop;
    private final Variable index;
    private final Set<Variable> writtenArrays;
    private final Set<Variable> recomputed = new HashSet<>();

    /**
     * @param loop the innermost loop around the declarations
     * @param index the loop's counted index, which the reverse loop's header sets, or null
     * @param writtenArrays the arrays the method writes elements into
     */
    Recomputation(Stmt.Loop loop, Variable index, Set<Variable> writtenArrays) {
        this.loop = loop;
        this.index = index;
        this.writtenArrays = writtenArrays;
    }

    /**
     * Whether the reverse sweep may recompute this declaration's value at the start of the
     * iteration's reversal, after those it said yes to before; saying yes commits to it.
     */
    boolean covers(Stmt.Assign declaration) {
        Variable x = declaration.target();
        boolean covered = index != null && declaration.declaration() && !x.type().isArray()
                && loop.body().statements().stream().anyMatch(s -> s == declaration)
                && assignmentsInLoop(x) == 1 && isCheap(declaration.value());
        if (covered) {
            recomputed.add(x);
        }
        return covered;
    }

    private int assignmentsInLoop(Variable v) {
        int[] count = {0};
        IrWalk.statements(loop, s -> count[0] += s instanceof Stmt.Assign a && a.target().equals(v) ? 1 : 0);
        return count[0];
    }

    private boolean isCheap(Expr e) {
        if (e instanceof Expr.Literal || e instanceof Expr.Constant) {
            return true;
        }
        if (e instanceof Expr.Read r) {
            Variable v = r.variable();
            return v.equals(index) || recomputed.contains(v) || !IrWalk.assigns(loop, v) && !writtenArrays.contains(v);
        }
        if (e instanceof Expr.Binary b && b.type() != Type.DOUBLE
                && (b.op() == BinaryOp.DIV || b.op() == BinaryOp.REM)) {
            return false;
        }
        if (e instanceof Expr.Unary || e instanceof Expr.Binary || e instanceof Expr.Cast
                || e instanceof Expr.Element || e instanceof Expr.Length) {
            return IrWalk.children(e).stream().allMatch(this::isCheap);
        }
        return false;
    }
}
