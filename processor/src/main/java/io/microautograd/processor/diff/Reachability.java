package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import java.util.List;

/** Java's rule for whether a statement can complete normally, for the subset's statements. */
final class Reachability {

    private Reachability() {
    }

    static boolean canCompleteNormally(Stmt s) {
        if (s instanceof Stmt.Break || s instanceof Stmt.Continue || s instanceof Stmt.Return
                || s instanceof Stmt.LeaveForward) {
            return false;
        }
        if (s instanceof Stmt.Block b) {
            List<Stmt> statements = b.statements();
            return statements.isEmpty() || canCompleteNormally(statements.get(statements.size() - 1));
        }
        if (s instanceof Stmt.If i) {
            return canCompleteNormally(i.thenBlock()) || canCompleteNormally(i.elseBlock());
        }
        if (s instanceof Stmt.Loop l) {
            boolean alwaysTrue = l.condition() == null
                    || l.condition() instanceof Expr.Literal lit && lit.text().equals("true");
            return !alwaysTrue || breaksOut(l.body());
        }
        return true;
    }

    private static boolean breaksOut(Stmt s) {
        if (s instanceof Stmt.Break) {
            return true;
        }
        if (s instanceof Stmt.Loop) {
            return false;
        }
        for (Stmt child : IrWalk.children(s)) {
            if (breaksOut(child)) {
                return true;
            }
        }
        return false;
    }
}
