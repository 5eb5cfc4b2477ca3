package io.microautograd.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import io.microautograd.processor.diff.TapeSlice;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.TapeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The tapes of one generated method: per kind a growable array and its size, both locals of the
 * method, declared only for the kinds the method uses. A tape whose number of entries the
 * method can estimate at entry starts at that capacity (within bounds), so it rarely grows.
 *
 * <p>Each thread keeps, per method and kind, the array of its last call that returned in a
 * {@code ThreadLocal} field of the generated class: a call takes it at entry when it is long
 * enough and puts its own back before its return, so repeated calls that fit allocate (and zero)
 * no tape. The kept array is taken out of the field while a call runs, so a nested call on the
 * same thread gets its own. A call that throws loses its array and the next call allocates one.
 */
final class Tapes {

    /** The starting capacity of a tape without an estimate; a tape doubles when full. */
    static final int INITIAL_CAPACITY = 64;

    private final LocalNames names;
    private final Helpers helpers;
    private final Map<TapeKind, String> keptFields = new EnumMap<>(TapeKind.class);
    private final Set<TapeKind> used = EnumSet.noneOf(TapeKind.class);

    /**
     * @param method the source method's name, with which the names of its fields start
     * @param members the names of the generated class's fields, which keep the tapes
     */
    Tapes(LocalNames names, Helpers helpers, String method, ClassMembers members) {
        this.names = names;
        this.helpers = helpers;
        // Named before any local of the method, so that no local can hide a field.
        for (TapeKind kind : TapeKind.values()) {
            keptFields.put(kind, names.allocate(members.field(method + capitalized(kind) + "Tape"), "kept " + kind));
        }
    }

    /** The name of the array holding a tape's entries. */
    String array(TapeKind kind) {
        used.add(kind);
        return names.allocate(lowerCase(kind) + "Tape", kind);
    }

    /** The name of the number of entries on a tape. */
    String size(TapeKind kind) {
        used.add(kind);
        return names.allocate(lowerCase(kind) + "TapeSize", kind.name());
    }

    /**
     * The entry on top of a tape, taken off it. A row pop also clears the row's slot, so that the
     * slots above the size hold no row and keeping the tape clears only those below it.
     */
    CodeBlock pop(TapeKind kind) {
        if (kind == TapeKind.ROW) {
            return CodeBlock.of("$N($N, --$N)", helpers.use(Helpers.Helper.POP_ROW), array(kind), size(kind));
        }
        return CodeBlock.of("$N[--$N]", array(kind), size(kind));
    }

    /**
     * An entry stored on top of a tape: a plain store where a {@linkplain #reserve reservation}
     * made room for it, else through the helper that grows the tape when it is full.
     */
    CodeBlock push(TapeKind kind, CodeBlock value, boolean roomMade) {
        if (roomMade) {
            return CodeBlock.of("$N[$N++] = $L", array(kind), size(kind), value);
        }
        return CodeBlock.of("$N = $N($N, $N++, $L)", array(kind), helpers.use(Helpers.Helper.push(kind)), array(kind),
                size(kind), value);
    }

    /** Stores a slice of an array on the double tape, in a loop's stead, where room was made for it. */
    CodeBlock pushSlice(TapeSlice slice, ExprPrinter printer) {
        return sliceCopy(Helpers.Helper.PUSH_SLICE, slice, printer);
    }

    /** Gives a slice of an array back the entries on top of the double tape, in a loop's stead. */
    CodeBlock restoreSlice(TapeSlice slice, ExprPrinter printer) {
        return sliceCopy(Helpers.Helper.RESTORE_SLICE, slice, printer);
    }

    private CodeBlock sliceCopy(Helpers.Helper helper, TapeSlice slice, ExprPrinter printer) {
        return CodeBlock.of("$N = $N($N, $N, $N, $L, $L)", size(TapeKind.DOUBLE), helpers.use(helper),
                array(TapeKind.DOUBLE), size(TapeKind.DOUBLE), names.of(slice.array()), printer.print(slice.from()),
                printer.print(slice.count()));
    }

    /** Makes room on a tape for {@code entries} more entries (none when it is zero or less). */
    CodeBlock reserve(TapeKind kind, CodeBlock entries) {
        return CodeBlock.of("$N = $N($N, $N, $L)", array(kind), helpers.use(Helpers.Helper.reserve(kind)), array(kind),
                size(kind), entries);
    }

    /**
     * The declarations of the tapes used so far, each taken from what the thread kept.
     *
     * @param expectedSizes the entries each tape is expected to hold, where known
     */
    CodeBlock declarations(Map<TapeKind, Expr> expectedSizes, ExprPrinter printer) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (TapeKind kind : used) {
            Expr expected = expectedSizes.get(kind);
            CodeBlock capacity = expected == null ? CodeBlock.of("$L", INITIAL_CAPACITY)
                    : CodeBlock.of("$N($L)", helpers.use(Helpers.Helper.TAPE_CAPACITY), printer.print(expected));
            code.addStatement("$T $N = $N($N, $L)", Helpers.tapeType(kind), array(kind),
                    helpers.use(Helpers.Helper.take(kind)), keptFields.get(kind), capacity);
            code.addStatement("int $N = 0", size(kind));
        }
        return code.build();
    }

    /**
     * The statements that keep the tapes, as grown, for the thread's next call; they go before the
     * method's one return, its last statement, when every tape it uses is known.
     */
    CodeBlock keeping() {
        CodeBlock.Builder code = CodeBlock.builder();
        if (used.contains(TapeKind.ROW)) {
            code.add("// Kept rows would keep the caller's arrays alive: the row tape lets go of them. Pops cleared\n"
                    + "// the slots above its size, so only those below it, if any, hold rows.\n");
            code.addStatement("$T.fill($N, 0, $N, null)", Arrays.class, array(TapeKind.ROW), size(TapeKind.ROW));
        }
        if (!used.isEmpty()) {
            code.add("// Kept for the thread's next call, which then allocates no tape, unless over the bound.\n");
        }
        for (TapeKind kind : used) {
            code.addStatement("$N($N, $N)", helpers.use(Helpers.Helper.keep(kind)), keptFields.get(kind), array(kind));
        }
        return code.build();
    }

    /**
     * The fields that keep the tapes used between calls.
     *
     * @param pullback the name of the generated method that uses them
     */
    List<FieldSpec> keptFields(String pullback) {
        List<FieldSpec> fields = new ArrayList<>();
        for (TapeKind kind : used) {
            fields.add(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(ThreadLocal.class),
                            Helpers.tapeType(kind)), keptFields.get(kind),
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The $L tape of {@code $L}, kept per thread.\n", lowerCase(kind), pullback)
                    .initializer("new $T<>()", ThreadLocal.class)
                    .build());
        }
        return fields;
    }

    private static String lowerCase(TapeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String capitalized(TapeKind kind) {
        return kind.name().charAt(0) + lowerCase(kind).substring(1);
    }
}
