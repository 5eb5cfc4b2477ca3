package io.microautograd.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
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
 * Small private methods of a generated class, written only when its code uses them, so that
 * generated code needs nothing but the JDK.
 */
final class Helpers {

    /** What a tape helper does to its tape, and its javadoc, given once per generated class. */
    private enum TapeOperation {
        PUSH("Stores {@code value} at {@code size}, growing the tape as {@code reserve} does when it is full.\n"),
        RESERVE("The tape with room for {@code entries} more entries above {@code size}: itself when\n"
                + "it has them (or when {@code entries} is zero or less), else a copy of twice its length (in\n"
                + "{@code long}, up to the largest array), or of exactly what is needed when that is more.\n"
                + "A tape that would outgrow the largest array fails here, as allocating it would.\n"),
        TAKE("The tape that this thread kept from an earlier call when it holds {@code capacity}\n"
                + "entries, else a new one. A kept tape is taken out of {@code kept}, so that a nested call\n"
                + "on the same thread gets a tape of its own.\n"),
        KEEP("Keeps a call's tape or array for the thread's next call unless it takes more than {@link\n"
                + "#" + KEPT_BYTES + "} bytes (a row tape or matrix: its references and the elements of its rows):\n"
                + "a larger one is let go, so that a thread holds no more than that per tape or array between\n"
                + "calls. A call that returned before allocating an array keeps none.\n");

        private final String javadoc;

        TapeOperation(String javadoc) {
            this.javadoc = javadoc;
        }
    }

    /** The helpers there are. */
    enum Helper {
        PUSH_DOUBLE("push", TapeOperation.PUSH, TapeKind.DOUBLE), PUSH_INT("push", TapeOperation.PUSH, TapeKind.INT),
        PUSH_LONG("push", TapeOperation.PUSH, TapeKind.LONG), PUSH_ROW("push", TapeOperation.PUSH, TapeKind.ROW),
        RESERVE_DOUBLE("reserve", TapeOperation.RESERVE, TapeKind.DOUBLE),
        RESERVE_INT("reserve", TapeOperation.RESERVE, TapeKind.INT),
        RESERVE_LONG("reserve", TapeOperation.RESERVE, TapeKind.LONG),
        RESERVE_ROW("reserve", TapeOperation.RESERVE, TapeKind.ROW),
        TAKE_DOUBLE("takeDoubleTape", TapeOperation.TAKE, TapeKind.DOUBLE),
        TAKE_INT("takeIntTape", TapeOperation.TAKE, TapeKind.INT),
        TAKE_LONG("takeLongTape", TapeOperation.TAKE, TapeKind.LONG),
        TAKE_ROW("takeRowTape", TapeOperation.TAKE, TapeKind.ROW),
        KEEP_DOUBLE("keep", TapeOperation.KEEP, TapeKind.DOUBLE), KEEP_INT("keep", TapeOperation.KEEP, TapeKind.INT),
        KEEP_LONG("keep", TapeOperation.KEEP, TapeKind.LONG), KEEP_ROW("keep", TapeOperation.KEEP, TapeKind.ROW),
        POP_ROW("popRow"), TAPE_CAPACITY("tapeCapacity"),
        TAKE_VECTOR("takeVector"), TAKE_MATRIX("takeMatrix"),
        DEEP_COPY("copyOf"), ZEROS_LIKE("zerosLike"), CHECK_LENGTH("checkLength"),
        CHECK_SHAPE("checkShape"), REQUIRE_SEPARATE("requireSeparate"), REQUIRE_NOT_ROW("requireNotRow"),
        REQUIRE_OWN_ROWS("requireOwnRows"), REQUIRE_NO_SHARED_ROW("requireNoSharedRow"),
        REQUIRE_DISTINCT_ROWS("requireDistinctRows"), IDENTITY_TABLE("identityTable"),
        SNAPSHOT_ARRAY("snapshotArray"), RESTORE_ARRAY("restoreArray"), PUSH_SLICE("pushSlice"),
        RESTORE_SLICE("restoreSlice");

        private final String methodName;
        private final TapeOperation operation;
        private final TapeKind tape;

        Helper(String methodName) {
            this(methodName, null, null);
        }

        Helper(String methodName, TapeOperation operation, TapeKind tape) {
            this.methodName = methodName;
            this.operation = operation;
            this.tape = tape;
        }

        /** The name of the helper's method. */
        String methodName() {
            return methodName;
        }

        /** The helper that stores an entry on a tape of this kind. */
        static Helper push(TapeKind kind) {
            return find(TapeOperation.PUSH, kind);
        }

        /** The helper that makes room on a tape of this kind for a number of entries. */
        static Helper reserve(TapeKind kind) {
            return find(TapeOperation.RESERVE, kind);
        }

        /** The helper that takes the thread's kept tape of this kind, or a new one. */
        static Helper take(TapeKind kind) {
            return find(TapeOperation.TAKE, kind);
        }

        /**
         * The helper that keeps an array of a tape's type for the thread's next call, within the
         * bound: a tape of this kind, or a kept array of its type ({@code double[]}, or {@code
         * double[][]} as the row tape's).
         */
        static Helper keep(TapeKind kind) {
            return find(TapeOperation.KEEP, kind);
        }

        /** Fails loudly, rather than emitting wrong code, when a new tape kind lacks its helper. */
        private static Helper find(TapeOperation operation, TapeKind kind) {
            for (Helper helper : values()) {
                if (helper.operation == operation && helper.tape == kind) {
                    return helper;
                }
            }
            throw new IllegalStateException("no " + operation + " helper for " + kind + " tapes");
        }
    }

    private static final int MIN_TAPE = 16;
    private static final int MAX_TAPE = 1 << 20;
    /** The longest array a JVM reliably allocates: the limit the JDK's own collections grow to. */
    private static final CodeBlock MAX_ARRAY_LENGTH = CodeBlock.of("$T.MAX_VALUE - 8", Integer.class);

    /**
     * The field of a generated class holding the most bytes one kept tape or array may take, and the
     * system property that sets it.
     */
    static final String KEPT_BYTES = "KEPT_BYTES";
    static final String KEPT_BYTES_PROPERTY = "microautograd.keptBytes";
    /** What a thread may keep per tape or array unless the system property says otherwise: 1 MiB. */
    static final long DEFAULT_KEPT_BYTES = 1L << 20;

    private final Set<Helper> used = EnumSet.noneOf(Helper.class);
    private boolean schedule;

    /** Marks a helper as used and gives its name. */
    String use(Helper helper) {
        used.add(helper);
        if (helper.operation == TapeOperation.PUSH) {
            used.add(Helper.reserve(helper.tape));
        }
        if (helper == Helper.CHECK_SHAPE) {
            used.add(Helper.CHECK_LENGTH);
        }
        if (helper == Helper.REQUIRE_NO_SHARED_ROW || helper == Helper.REQUIRE_DISTINCT_ROWS) {
            used.add(Helper.IDENTITY_TABLE);
        }
        return helper.methodName;
    }

    /** Marks the class of checkpointing schedules as used. */
    void useSchedule() {
        schedule = true;
    }

    /**
     * The fields the helpers used need: the scratch arrays of the matrix alias checks, which they
     * keep per thread, and the bound on what is kept.
     */
    List<FieldSpec> fields() {
        List<FieldSpec> fields = new ArrayList<>(AliasChecks.fields(used));
        if (used.stream().anyMatch(helper -> helper.operation == TapeOperation.KEEP)) {
            fields.add(FieldSpec.builder(long.class, KEPT_BYTES, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The most bytes that one tape or array may take to be kept for a thread between"
                            + " calls: from the\nsystem property {@code $L} when this class is initialised, else"
                            + " $L (1 MiB).\n", KEPT_BYTES_PROPERTY, DEFAULT_KEPT_BYTES)
                    .initializer("$T.getLong($S, $L)", Long.class, KEPT_BYTES_PROPERTY, DEFAULT_KEPT_BYTES)
                    .build());
        }
        return fields;
    }

    /** The classes the helpers used need: the checkpointing schedule. */
    List<TypeSpec> types() {
        return schedule ? List.of(BinomialSchedule.type()) : List.of();
    }

    /**
     * The methods of the helpers used. Of the overloads of one tape operation (a {@code push} per
     * tape kind, say) the first says what they do, the others that they do the same.
     */
    List<MethodSpec> methods() {
        List<MethodSpec> methods = new ArrayList<>();
        Map<TapeOperation, Helper> described = new EnumMap<>(TapeOperation.class);
        for (Helper helper : used) {
            MethodSpec.Builder m = MethodSpec.methodBuilder(helper.methodName)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC);
            if (helper.operation != null && described.containsKey(helper.operation)) {
                Helper first = described.get(helper.operation);
                boolean keptFirst = first.operation == TapeOperation.TAKE || first.operation == TapeOperation.KEEP;
                m.addJavadoc("The same as {@link #$L($T, $L)} above, for a tape of $L.\n", first.methodName,
                        keptFirst ? ClassName.get(ThreadLocal.class) : tapeType(first.tape),
                        first.operation == TapeOperation.PUSH ? "int, " + first.tape.elementType().javaName()
                                : first.operation == TapeOperation.RESERVE ? "int, long"
                                : first.operation == TapeOperation.KEEP ? tapeType(first.tape) : "int",
                        helper.tape.name().toLowerCase(Locale.ROOT) + "s");
            } else if (helper.operation != null) {
                described.put(helper.operation, helper);
                m.addJavadoc(helper.operation.javadoc);
            }
            methods.add(method(helper, m));
        }
        return methods;
    }

    private static MethodSpec method(Helper helper, MethodSpec.Builder m) {
        TypeName vector = ArrayTypeName.of(double.class);
        TypeName matrix = ArrayTypeName.of(vector);
        return switch (helper) {
            case PUSH_DOUBLE, PUSH_INT, PUSH_LONG, PUSH_ROW -> push(m, helper.tape);
            case RESERVE_DOUBLE, RESERVE_INT, RESERVE_LONG, RESERVE_ROW -> reserve(m, helper.tape);
            case TAKE_DOUBLE, TAKE_INT, TAKE_LONG, TAKE_ROW -> take(m, helper.tape);
            case KEEP_DOUBLE, KEEP_INT, KEEP_LONG, KEEP_ROW -> keep(m, helper.tape);
            case TAKE_VECTOR -> takeVector(m);
            case TAKE_MATRIX -> takeMatrix(m);
            case REQUIRE_SEPARATE -> AliasChecks.requireSeparate(m);
            case REQUIRE_NOT_ROW -> AliasChecks.requireNotRow(m);
            case REQUIRE_OWN_ROWS -> AliasChecks.requireOwnRows(m);
            case REQUIRE_NO_SHARED_ROW -> AliasChecks.requireNoSharedRow(m);
            case REQUIRE_DISTINCT_ROWS -> AliasChecks.requireDistinctRows(m);
            case IDENTITY_TABLE -> AliasChecks.identityTable(m);
            case POP_ROW -> m.addJavadoc("The row at {@code index} of a row tape, whose slot it clears: a kept tape\n"
                        + "holds no caller's rows.\n").returns(vector)
                        .addParameter(matrix, "tape").addParameter(int.class, "index")
                        .addStatement("double[] row = tape[index]")
                        .addStatement("tape[index] = null")
                        .addStatement("return row").build();
            case TAPE_CAPACITY -> m.addJavadoc("A tape's starting capacity for an expected number of entries: at least $L, and at\n"
                        + "most $L so that an overestimate costs little; a fuller tape grows.\n", MIN_TAPE, MAX_TAPE)
                        .returns(int.class).addParameter(long.class, "expected")
                        .addStatement("return (int) Math.max($L, Math.min(expected, $L))", MIN_TAPE, MAX_TAPE).build();
            case DEEP_COPY -> m.addJavadoc("A copy of a matrix, row by row.\n").returns(matrix)
                        .addParameter(matrix, "m")
                        .addStatement("double[][] copy = new double[m.length][]")
                        .beginControlFlow("for (int i = 0; i < m.length; i++)")
                        .addStatement("copy[i] = m[i].clone()")
                        .endControlFlow()
                        .addStatement("return copy").build();
            case ZEROS_LIKE -> m.addJavadoc("A zeroed matrix with the row lengths of {@code m}.\n").returns(matrix)
                        .addParameter(matrix, "m")
                        .addStatement("double[][] zeros = new double[m.length][]")
                        .beginControlFlow("for (int i = 0; i < m.length; i++)")
                        .addStatement("zeros[i] = new double[m[i].length]")
                        .endControlFlow()
                        .addStatement("return zeros").build();
            case CHECK_LENGTH -> m.addJavadoc("Rejects adjoint storage whose length does not fit.\n")
                        .addParameter(String.class, "name").addParameter(vector, "storage")
                        .addParameter(int.class, "length").addParameter(String.class, "what")
                        .beginControlFlow("if (storage.length != length)")
                        .addStatement("throw new $T(name + \" must have length \" + length + \" (\" + what"
                                + " + \") but has length \" + storage.length)", IllegalArgumentException.class)
                        .endControlFlow().build();
            case SNAPSHOT_ARRAY -> m.addJavadoc("Keeps the elements of {@code array} in slot {@code slot} of"
                        + " {@code snapshots}, in the\nslot's own array once it has one.\n")
                        .addParameter(matrix, "snapshots").addParameter(int.class, "slot").addParameter(vector, "array")
                        .beginControlFlow("if (snapshots[slot] == null)")
                        .addStatement("snapshots[slot] = array.clone()")
                        .nextControlFlow("else")
                        .addStatement("$T.arraycopy(array, 0, snapshots[slot], 0, array.length)", System.class)
                        .endControlFlow().build();
            case RESTORE_ARRAY -> m.addJavadoc("Gives {@code array} back the elements a snapshot kept.\n")
                        .addParameter(vector, "snapshot").addParameter(vector, "array")
                        .addStatement("$T.arraycopy(snapshot, 0, array, 0, array.length)", System.class).build();
            case PUSH_SLICE -> sliceCopy(m.addJavadoc("Stores the {@code count} elements of {@code array} from {@code from}"
                        + " on, in order, on a\ntape with room for them, as a push of each would; none when {@code count}"
                        + " is zero or less.\nReturns the tape's new size.\n"),
                        "array, from, tape, size, (int) count", "size + (int) count");
            case RESTORE_SLICE -> sliceCopy(m.addJavadoc("Gives the {@code count} elements of {@code array} from {@code"
                        + " from} on the {@code count}\nentries on top of a tape, the top one to the last element, as a"
                        + " pop into each, last\nfirst, would; none when {@code count} is zero or less. Returns the"
                        + " tape's new size.\n"),
                        "tape, size - (int) count, array, from, (int) count", "size - (int) count");
            case CHECK_SHAPE -> m.addJavadoc("Rejects an adjoint matrix whose shape differs from its parameter's.\n")
                        .addParameter(String.class, "name").addParameter(matrix, "storage")
                        .addParameter(matrix, "like")
                        .beginControlFlow("if (storage.length != like.length)")
                        .addStatement("throw new $T(name + \" must have \" + like.length + \" rows (one per row of the"
                                + " parameter) but has \" + storage.length)", IllegalArgumentException.class)
                        .endControlFlow()
                        .beginControlFlow("for (int i = 0; i < like.length; i++)")
                        .addStatement("$N(name + \"[\" + i + \"]\", storage[i], like[i].length, \"the row's length\")",
                                Helper.CHECK_LENGTH.methodName)
                        .endControlFlow().build();
        };
    }

    /** A copy between a run of an array and the top of the double tape, and the tape's size after it. */
    private static MethodSpec sliceCopy(MethodSpec.Builder m, String arraycopyArguments, String newSize) {
        TypeName vector = ArrayTypeName.of(double.class);
        return m.returns(int.class)
                .addParameter(vector, "tape").addParameter(int.class, "size").addParameter(vector, "array")
                .addParameter(int.class, "from").addParameter(long.class, "count")
                .beginControlFlow("if (count <= 0)")
                .addStatement("return size")
                .endControlFlow()
                .addStatement("$T.arraycopy($L)", System.class, arraycopyArguments)
                .addStatement("return $L", newSize).build();
    }

    /** The Java type of a tape of the given kind: an array of its entries. */
    static TypeName tapeType(TapeKind kind) {
        return ArrayTypeName.of(MethodWriter.typeName(kind.elementType()));
    }

    private static MethodSpec push(MethodSpec.Builder m, TapeKind kind) {
        TypeName tape = tapeType(kind);
        return m.returns(tape)
                .addParameter(ParameterSpec.builder(tape, "tape").build())
                .addParameter(int.class, "size").addParameter(MethodWriter.typeName(kind.elementType()), "value")
                .addStatement("$T grown = size < tape.length ? tape : $N(tape, size, 1)", tape,
                        Helper.reserve(kind).methodName)
                .addStatement("grown[size] = value")
                .addStatement("return grown").build();
    }

    private static MethodSpec reserve(MethodSpec.Builder m, TapeKind kind) {
        TypeName tape = tapeType(kind);
        return m.returns(tape)
                .addParameter(ParameterSpec.builder(tape, "tape").build())
                .addParameter(int.class, "size").addParameter(long.class, "entries")
                .addStatement("long needed = size + entries")
                .beginControlFlow("if (needed <= tape.length)")
                .addStatement("return tape")
                .endControlFlow()
                .beginControlFlow("if (needed > $L)", MAX_ARRAY_LENGTH)
                .addStatement("throw new $T(\"a tape of \" + needed + \" entries exceeds the largest Java array\")",
                        OutOfMemoryError.class)
                .endControlFlow()
                .addStatement("return $T.copyOf(tape, (int) Math.max(needed, Math.min(2L * tape.length, $L)))",
                        Arrays.class, MAX_ARRAY_LENGTH).build();
    }

    private static MethodSpec keep(MethodSpec.Builder m, TapeKind kind) {
        TypeName tape = tapeType(kind);
        CodeBlock bytes = kind == TapeKind.ROW ? CodeBlock.of("8L * array.length") : CodeBlock.of("$LL * array.length",
                kind == TapeKind.INT ? Integer.BYTES : Long.BYTES);
        m.addParameter(ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), tape), "kept")
                .addParameter(tape, "array");
        if (kind == TapeKind.ROW) {
            m.beginControlFlow("if (array == null)")
                    .addStatement("kept.set(null)")
                    .addStatement("return")
                    .endControlFlow()
                    .addStatement("long bytes = $L", bytes)
                    .beginControlFlow("for (double[] row : array)")
                    .addStatement("bytes += row == null ? 0 : 8L * row.length")
                    .endControlFlow();
            bytes = CodeBlock.of("bytes");
        }
        return m.beginControlFlow("if (array == null || $L <= $L)", bytes, KEPT_BYTES)
                .addStatement("kept.set(array)")
                .endControlFlow().build();
    }

    private static MethodSpec take(MethodSpec.Builder m, TapeKind kind) {
        TypeName tape = tapeType(kind);
        CodeBlock allocation = kind == TapeKind.ROW ? CodeBlock.of("new double[capacity][]")
                : CodeBlock.of("new $L[capacity]", kind.elementType().javaName());
        return m.returns(tape)
                .addParameter(ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), tape), "kept")
                .addParameter(int.class, "capacity")
                .addStatement("$T tape = kept.get()", tape)
                .beginControlFlow("if (tape == null || tape.length < capacity)")
                .addStatement("return $L", allocation)
                .endControlFlow()
                .addStatement("kept.set(null)")
                .addStatement("return tape").build();
    }

    private static MethodSpec takeVector(MethodSpec.Builder m) {
        TypeName vector = ArrayTypeName.of(double.class);
        return m.addJavadoc("A zeroed array of {@code length}: the one this thread kept from an earlier call when it\n"
                        + "has that length, else a new one. A kept array is taken out of {@code kept}, so that a\n"
                        + "nested call on the same thread gets one of its own.\n")
                .returns(vector)
                .addParameter(ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), vector), "kept")
                .addParameter(int.class, "length")
                .addStatement("double[] vector = kept.get()")
                .beginControlFlow("if (vector == null || vector.length != length)")
                .addStatement("return new double[length]")
                .endControlFlow()
                .addStatement("kept.set(null)")
                .addStatement("$T.fill(vector, 0.0)", Arrays.class)
                .addStatement("return vector").build();
    }

    private static MethodSpec takeMatrix(MethodSpec.Builder m) {
        TypeName matrix = ArrayTypeName.of(ArrayTypeName.of(double.class));
        return m.addJavadoc("A zeroed {@code rows} by {@code columns} matrix: the one this thread kept from an\n"
                        + "earlier call when it has that shape, else a new one, which rejects a negative size as\n"
                        + "{@code new} does even without rows. A kept matrix is taken out of {@code kept}, so that a\n"
                        + "nested call on the same thread gets one of its own.\n")
                .returns(matrix)
                .addParameter(ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), matrix), "kept")
                .addParameter(int.class, "rows").addParameter(int.class, "columns")
                .addStatement("double[][] matrix = kept.get()")
                .beginControlFlow("if (matrix == null || matrix.length != rows || columns < 0)")
                .addStatement("return new double[rows][columns]")
                .endControlFlow()
                .beginControlFlow("for (double[] row : matrix)")
                .beginControlFlow("if (row.length != columns)")
                .addStatement("return new double[rows][columns]")
                .endControlFlow()
                .endControlFlow()
                .addStatement("kept.set(null)")
                .beginControlFlow("for (double[] row : matrix)")
                .addStatement("$T.fill(row, 0.0)", Arrays.class)
                .endControlFlow()
                .addStatement("return matrix").build();
    }
}
