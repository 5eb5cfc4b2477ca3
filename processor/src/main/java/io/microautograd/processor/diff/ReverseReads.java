package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The source variables a piece of reverse-sweep code reads: the values and indices its partials,
 * conditions and restores use. An array a store writes into is not read by that store.
 */
final class ReverseReads {

    private final Set<Variable> variables = new HashSet<>();

    private ReverseReads() {
    }

    /** The parameters and source locals that the statements read. */
    static Set<Variable> of(List<Stmt> reverse) {
        ReverseReads reads = new ReverseReads();
        for (Stmt s : reverse) {
            IrWalk.statements(s, reads::scan);
        }
        return reads.variables;
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
                variables.add(r.variable());
            }
        });
    }
}
