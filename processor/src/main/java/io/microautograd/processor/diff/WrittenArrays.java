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
        Set<Variable> writtenClasses = new HashSet<>();
        IrWalk.statements(function.body(), s -> {
            if (s instanceof Stmt.Store store) {
                writtenClasses.add(aliases.representative(IrWalk.root(store.array())));
            }
        });
        Set<Variable> written = new HashSet<>();
        IrWalk.statements(function.body(), s -> {
            if (s instanceof Stmt.Assign a && a.target().type().isArray()) {
                addIfWritten(a.target(), aliases, writtenClasses, written);
            }
            if (s instanceof Stmt.Store store) {
                written.add(IrWalk.root(store.array()));
            }
        });
        for (Variable p : function.parameters()) {
            addIfWritten(p, aliases, writtenClasses, written);
        }
        return written;
    }

    private static void addIfWritten(Variable v, ArrayAliases aliases, Set<Variable> writtenClasses,
            Set<Variable> written) {
        if (v.type().isArray() && writtenClasses.contains(aliases.representative(v))) {
            written.add(v);
        }
    }
}
