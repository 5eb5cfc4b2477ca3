package io.microautograd.processor.diff;

import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.HashSet;
import java.util.Set;

/** The array variables a function writes elements into, directly or through an alias. */
public final class WrittenArrays {

    private WrittenArrays() {
    }

    /**
     * The arrays {@code function} writes into: parameters and locals, with every array that
     * shares storage with one ({@link ArrayAliases}), since a write through one name changes
     * what the others read.
     */
    public static Set<Variable> of(Function function) {
        ArrayAliases aliases = ArrayAliases.of(function.body());
        Set<Variable> arrays = new HashSet<>(function.parameters());
        Set<Variable> writtenClasses = new HashSet<>();
        IrWalk.statements(function.body(), s -> {
            if (s instanceof Stmt.Assign a) {
                arrays.add(a.target());
            }
            if (s instanceof Stmt.Store store) {
                Variable root = IrWalk.root(store.array());
                arrays.add(root);
                writtenClasses.add(aliases.representative(root));
            }
        });
        Set<Variable> written = new HashSet<>();
        for (Variable v : arrays) {
            if (v.type().isArray() && writtenClasses.contains(aliases.representative(v))) {
                written.add(v);
            }
        }
        return written;
    }
}
