package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.HashSet;
import java.util.Set;

/** The array variables a function writes elements into, directly or through a row alias. */
public final class WrittenArrays {

    private WrittenArrays() {
    }

    /** The arrays {@code function} writes into: parameters, locals and the arrays rows alias. */
    public static Set<Variable> of(Function function) {
        Set<Variable> written = new HashSet<>();
        boolean changed = true;
        while (changed) {
            int before = written.size();
            IrWalk.statements(function.body(), s -> {
                if (s instanceof Stmt.Store store) {
                    written.add(IrWalk.root(store.array()));
                }
                if (s instanceof Stmt.Assign a && a.target().type().isArray() && written.contains(a.target())
                        && (a.value() instanceof Expr.Read || a.value() instanceof Expr.Element)) {
                    written.add(IrWalk.root(a.value()));
                }
            });
            changed = written.size() != before;
        }
        return written;
    }
}
