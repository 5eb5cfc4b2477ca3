package io.microautograd.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.microautograd.processor.ir.TapeKind;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The tapes of one generated method: per kind a growable array and its size, both locals of the
 * method, declared only for the kinds the method uses.
 */
final class Tapes {

    /** The starting capacity; a tape doubles when full. */
    static final int INITIAL_CAPACITY = 256;

    private final LocalNames names;
    private final Set<TapeKind> used = EnumSet.noneOf(TapeKind.class);

    Tapes(LocalNames names) {
        this.names = names;
    }

    /** The name of the array holding a tape's entries. */
    String array(TapeKind kind) {
        used.add(kind);
        return names.allocate(kind.name().toLowerCase(Locale.ROOT) + "Tape", kind);
    }

    /** The name of the number of entries on a tape. */
    String size(TapeKind kind) {
        used.add(kind);
        return names.allocate(kind.name().toLowerCase(Locale.ROOT) + "TapeSize", kind.name());
    }

    /** The declarations of the tapes used so far. */
    CodeBlock declarations() {
        CodeBlock.Builder code = CodeBlock.builder();
        for (TapeKind kind : used) {
            String type = kind.elementType().javaName();
            String allocation = kind == TapeKind.ROW ? "double[" + INITIAL_CAPACITY + "][]"
                    : type + "[" + INITIAL_CAPACITY + "]";
            code.addStatement("$L[] $N = new $L", type, array(kind), allocation);
            code.addStatement("int $N = 0", size(kind));
        }
        return code.build();
    }

    /** The tape kinds used. */
    Set<TapeKind> used() {
        return used;
    }
}
