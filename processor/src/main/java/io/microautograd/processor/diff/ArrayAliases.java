package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.HashMap;
import java.util.Map;

/**
 * The array variables of a function that may share storage. {@code double[] r = m[i]} makes
 * {@code r} a row of {@code m} and {@code double[] b = a} makes {@code b} another name for
 * {@code a}; chains of such assignments join their variables into one class. (The parser admits
 * no other way for two array variables to meet: array locals are assigned once, from a new
 * array, an initializer, or another array variable or row.) An element written or read through
 * any name of a class is written or read through all of them, whichever way round the assignment
 * went.
 */
final class ArrayAliases {

    private final Map<Variable, Variable> parent = new HashMap<>();

    private ArrayAliases() {
    }

    /** The classes of the array variables of {@code body}. */
    static ArrayAliases of(Stmt body) {
        ArrayAliases aliases = new ArrayAliases();
        IrWalk.statements(body, s -> {
            if (s instanceof Stmt.Assign a && a.target().type().isArray()) {
                aliases.joinStorage(a.target(), a.value());
            }
        });
        return aliases;
    }

    /** One variable standing for the class of {@code v}; {@code v} itself when nothing aliases it. */
    Variable representative(Variable v) {
        Variable p = parent.getOrDefault(v, v);
        if (p.equals(v)) {
            return v;
        }
        Variable root = representative(p);
        parent.put(v, root);
        return root;
    }

    /** Joins {@code target} with the array whose storage {@code value} is, if it is one's. */
    private void joinStorage(Variable target, Expr value) {
        if (value instanceof Expr.Read || value instanceof Expr.Element) {
            union(target, IrWalk.root(value));
        }
    }

    private void union(Variable a, Variable b) {
        Variable ra = representative(a);
        Variable rb = representative(b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
