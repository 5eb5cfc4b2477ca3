package io.microautograd.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.TapeKind;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tapes of one generated method: per kind a growable array and its size, both locals of the
 * method, declared only for the kinds the method uses. A tape whose number of entries the
 * method can estimate at entry starts at that capacity (within bounds), so it rarely grows.
 */
final class Tapes {

    /** The starting capacity of a tape without an estimate; a tape doubles when full. */
    static final int INITIAL_CAPACITY = 64;

    private final LocalNames names;
    private final Set<TapeKind> used = EnumSet.noneOf(TapeKind.class);

    private final Helpers helpers;

    Tapes(LocalNames names, Helpers helpers) {
        this.names = names;
        this.helpers = helpers;
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

    /**
     * The declarations of the tapes used so far.
     *
     * @param expectedSizes the entries each tape is expected to hold, where known
     */
    CodeBlock declarations(Map<TapeKind, Expr> expectedSizes, ExprPrinter printer) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (TapeKind kind : used) {
            Expr expected = expectedSizes.get(kind);
            CodeBlock capacity = expected == null ? CodeBlock.of("$L", INITIAL_CAPACITY)
                    : CodeBlock.of("$N($L)", helpers.use(Helpers.Helper.TAPE_CAPACITY), printer.print(expected));
            String type = kind.elementType().javaName();
            CodeBlock allocation = kind == TapeKind.ROW ? CodeBlock.of("double[$L][]", capacity)
                    : CodeBlock.of("$L[$L]", type, capacity);
            code.addStatement("$L[] $N = new $L", type, array(kind), allocation);
            code.addStatement("int $N = 0", size(kind));
        }
        return code.build();
    }
}
