package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The source variables a reverse sweep reads. Restoring a variable is pointless unless the
 * reverse reads it, so differentiation starts from "keep everything" and shrinks the set to
 * what the resulting reverse sweep reads, until the two agree.
 */
final class NeededValues {

    private final Set<Variable> read = new HashSet<>();

    private NeededValues() {
    }

    /** The parameters and source locals that the statements read. */
    static Set<Variable> readBy(List<Stmt> reverse) {
        NeededValues needed = new NeededValues();
        for (Stmt s : reverse) {
            IrWalk.statements(s, needed::scan);
        }
        return needed.read;
    }

    private void scan(Stmt s) {
        if (s instanceof Stmt.Store store) {
            skipRoot(store.array());
            expression(store.index());
            expression(store.value());
            return;
        }
        for (Expr e : IrWalk.expressionsOf(s)) {
            expression(e);
        }
    }

    /** The array a store writes into is not read, but its row indices are. */
    private void skipRoot(Expr array) {
        if (array instanceof Expr.Element element) {
            skipRoot(element.array());
            expression(element.index());
        }
    }

    private void expression(Expr e) {
        IrWalk.expressions(e, x -> {
            if (x instanceof Expr.Read r && r.variable().role() != Variable.Role.GENERATED) {
                read.add(r.variable());
            }
        });
    }
}
