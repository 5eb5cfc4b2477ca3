package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.Map;

/**
 * Gives a copied temporary its own variable: a statement with every read and declaration of a
 * renamed variable going to its copy, so that code computing a temporary again elsewhere declares
 * a local of its own. Covers the statements and expressions of a straight-line reversed loop body
 * ({@link ReverseLoopSplit} admits no others).
 */
final class TemporaryCopies {

    private TemporaryCopies() {
    }

    /** The statement with the variables in {@code copies} replaced by their copies. */
    static Stmt renamed(Stmt s, Map<Variable, Variable> copies) {
        if (copies.isEmpty()) {
            return s;
        }
        if (s instanceof Stmt.Assign a) {
            return new Stmt.Assign(copies.getOrDefault(a.target(), a.target()), renamed(a.value(), copies),
                    a.declaration(), a.origin());
        }
        if (s instanceof Stmt.Store st) {
            return new Stmt.Store(renamed(st.array(), copies), renamed(st.index(), copies),
                    renamed(st.value(), copies), st.origin());
        }
        throw new IllegalArgumentException("not an assignment or a store: " + s);
    }

    private static Expr renamed(Expr e, Map<Variable, Variable> copies) {
        if (e instanceof Expr.Read r) {
            Variable copy = copies.get(r.variable());
            return copy != null ? new Expr.Read(copy) : e;
        }
        return IrWalk.withChildren(e, child -> renamed(child, copies));
    }
}
