package io.microautograd.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.microautograd.processor.diff.Separation;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The checks at the entry of a pullback, a tangent method or a pullback's tangent that no two of
 * its array arguments share storage where its answer would then not be the method's (the diff
 * package's {@link Separation} has the rule), and the helpers they call. Each check compares
 * references once per call and throws an {@code IllegalArgumentException} that names both
 * arguments and says what to pass instead.
 * Arrays without elements, and null ones, share nothing, so they pass. A vector is compared with
 * a matrix row by row. A matrix of adjoint storage (or of a product) is compared with a matrix
 * argument by marking its rows, which the caller lent for writing: each holds its index as its
 * first element for the time of the check, so a row of the other matrix that shows an index of a
 * storage row that is the very same array is one, whatever the indices. A matrix the method writes
 * into, which must be left as it was, goes into a table of its rows by identity hash instead,
 * where the rows of another matrix, or its own rows, look themselves up. Both take time in
 * proportion to the rows and keep their scratch array per thread, so checks allocate nothing once
 * it has grown.
 */
final class AliasChecks {

    /** What the message says when adjoint storage shares a parameter's storage. */
    private static final String STORAGE_ADVICE = "adjoint storage must be arrays of its own";
    /** What the message says when a Jacobian shares a parameter's storage. */
    private static final String JACOBIAN_ADVICE = "the Jacobian must be filled into arrays of its own";
    /** What the message says when an output's tangent shares another argument's storage. */
    private static final String OUTPUT_TANGENT_ADVICE = "the outputs' tangents must be arrays of their own";
    /** What the message says when a Hessian-vector product shares another argument's storage. */
    private static final String PRODUCT_ADVICE = "the product must be added into arrays of its own";
    /** The field of the generated class keeping each thread's first elements of the storage's rows. */
    private static final String STORAGE_FIRSTS = "storageFirsts";
    /** The field of the generated class keeping each thread's identity table of rows. */
    private static final String ROW_TABLE = "rowTable";
    private static final TypeName VECTOR = ArrayTypeName.of(double.class);
    private static final TypeName MATRIX = ArrayTypeName.of(VECTOR);

    private AliasChecks() {
    }

    /**
     * The checks of the arguments of a method generated from {@code source} (its pullback or its
     * tangent method), one statement per pair that must be separate.
     */
    static CodeBlock of(Function source, List<Separation> separations, LocalNames names, Helpers helpers) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Separation pair : separations) {
            String advice = switch (pair.reason()) {
                case STORAGE -> STORAGE_ADVICE;
                case PRODUCT -> PRODUCT_ADVICE;
                case JACOBIAN -> JACOBIAN_ADVICE;
                case OUTPUT_TANGENT -> OUTPUT_TANGENT_ADVICE;
                case WRITTEN -> source.name() + " writes into " + names.of(pair.written()) + ", so pass "
                        + remedy(source, pair, names);
            };
            code.add(check(pair, advice, names, helpers));
        }
        return code.build();
    }

    private static CodeBlock check(Separation pair, String advice, LocalNames names, Helpers helpers) {
        Variable written = pair.written();
        Variable other = pair.other();
        if (pair.isRowsOfOne()) {
            return CodeBlock.builder().addStatement("$N($S, $N,$W$S)",
                    helpers.use(Helpers.Helper.REQUIRE_DISTINCT_ROWS), names.of(written), names.of(written), advice)
                    .build();
        }
        Helpers.Helper helper;
        if (written.type() != other.type()) {
            helper = Helpers.Helper.REQUIRE_NOT_ROW;
            if (written.type() == Type.DOUBLE_MATRIX) {
                Variable vector = other;
                other = written;
                written = vector;
            }
        } else if (written.type() == Type.DOUBLE_ARRAY) {
            helper = Helpers.Helper.REQUIRE_SEPARATE;
        } else {
            helper = pair.reason() == Separation.Reason.WRITTEN ? Helpers.Helper.REQUIRE_NO_SHARED_ROW
                    : Helpers.Helper.REQUIRE_OWN_ROWS;
        }
        return CodeBlock.builder().addStatement("$N($S, $N, $S, $N,$W$S)", helpers.use(helper), names.of(written),
                names.of(written), names.of(other), names.of(other), advice).build();
    }

    /** What to pass instead of arguments that share storage with an array the method writes into. */
    private static String remedy(Function source, Separation pair, LocalNames names) {
        if (pair.isRowsOfOne()) {
            return "a matrix whose rows are separate arrays";
        }
        if (pair.written().type() != pair.other().type()) {
            return "a copy of that row";
        }
        if (pair.written().type() == Type.DOUBLE_MATRIX) {
            return "a copy of one of them with its rows cloned";
        }
        Variable first = null;
        StringBuilder arguments = new StringBuilder();
        for (Variable p : source.parameters()) {
            boolean shared = p.equals(pair.written()) || p.equals(pair.other());
            arguments.append(arguments.length() == 0 ? "" : ", ");
            if (shared && first == null) {
                first = p;
            }
            arguments.append(!shared || p.equals(first) ? names.of(p) : names.of(first) + ".clone()");
        }
        return "a copy to one of them, as in " + source.name() + "(" + arguments + ")";
    }

    /** The fields the helpers used keep per thread: the storage's first elements and the identity table. */
    static List<FieldSpec> fields(Set<Helpers.Helper> used) {
        List<FieldSpec> fields = new ArrayList<>();
        if (used.contains(Helpers.Helper.REQUIRE_OWN_ROWS)) {
            fields.add(FieldSpec.builder(ParameterizedTypeName.get(ThreadLocal.class, double[].class), STORAGE_FIRSTS,
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Per thread, the first elements of the adjoint storage's rows while {@code requireOwnRows}\n"
                            + "marks them; grown to the most rows the thread has checked, so checks then allocate nothing.\n")
                    .initializer("new $T<>()", ThreadLocal.class).build());
        }
        if (used.contains(Helpers.Helper.IDENTITY_TABLE)) {
            fields.add(FieldSpec.builder(ParameterizedTypeName.get(ThreadLocal.class, int[].class), ROW_TABLE,
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Per thread, the table in which the row checks of a matrix the method writes into find\n"
                            + "rows by identity; grown to the most rows the thread has checked, so checks then allocate\n"
                            + "nothing.\n")
                    .initializer("new $T<>()", ThreadLocal.class).build());
        }
        return fields;
    }

    static MethodSpec requireSeparate(MethodSpec.Builder m) {
        return m.addJavadoc("Rejects two arguments that are one array with elements.\n")
                .addParameter(String.class, "firstName").addParameter(VECTOR, "first")
                .addParameter(String.class, "secondName").addParameter(VECTOR, "second")
                .addParameter(String.class, "advice")
                .beginControlFlow("if (first == second && first.length > 0)")
                .addStatement("throw new $T(firstName + \" and \" + secondName + \" are the same array: \" + advice)",
                        IllegalArgumentException.class)
                .endControlFlow().build();
    }

    static MethodSpec requireNotRow(MethodSpec.Builder m) {
        return m.addJavadoc("Rejects a vector with elements that is a row of a matrix argument.\n")
                .addParameter(String.class, "vectorName").addParameter(VECTOR, "vector")
                .addParameter(String.class, "matrixName").addParameter(MATRIX, "matrix")
                .addParameter(String.class, "advice")
                .beginControlFlow("for (int i = 0; matrix != null && i < matrix.length; i++)")
                .beginControlFlow("if (matrix[i] == vector && vector.length > 0)")
                .addStatement("throw new $T(vectorName + \" is row \" + i + \" of \" + matrixName + \": \" + advice)",
                        IllegalArgumentException.class)
                .endControlFlow()
                .endControlFlow().build();
    }

    static MethodSpec requireOwnRows(MethodSpec.Builder m) {
        return m.addJavadoc("Rejects adjoint storage a row of which is a row of {@code matrix}, or that is\n"
                        + "{@code matrix}. For the time of the check each storage row with elements holds its index\n"
                        + "as its first element, the caller having lent the storage for writing: a row of\n"
                        + "{@code matrix} whose first element names a storage row that is that very array is one.\n"
                        + "The first elements are put back in reverse order, so a row the storage repeats gets its\n"
                        + "own value back, before the check returns or throws. Rows are read once each, and no\n"
                        + "identity hash is needed, so fresh storage costs no more than kept storage.\n")
                .addParameter(String.class, "storageName").addParameter(MATRIX, "storage")
                .addParameter(String.class, "matrixName").addParameter(MATRIX, "matrix")
                .addParameter(String.class, "advice")
                .beginControlFlow("if (matrix == null)")
                .addStatement("return")
                .endControlFlow()
                .addStatement("double[] firsts = $N.get()", STORAGE_FIRSTS)
                .beginControlFlow("if (firsts == null || firsts.length < storage.length)")
                .addStatement("firsts = new double[storage.length]")
                .addStatement("$N.set(firsts)", STORAGE_FIRSTS)
                .endControlFlow()
                .beginControlFlow("for (int i = 0; i < storage.length; i++)")
                .beginControlFlow("if (storage[i].length > 0)")
                .addStatement("firsts[i] = storage[i][0]")
                .addStatement("storage[i][0] = i")
                .endControlFlow()
                .endControlFlow()
                .addStatement("int shared = -1")
                .addStatement("int mark = 0")
                .beginControlFlow("for (int j = 0; j < matrix.length && shared < 0; j++)")
                .beginControlFlow("if (matrix[j] != null && matrix[j].length > 0)")
                .addStatement("mark = (int) matrix[j][0]")
                .beginControlFlow("if (mark == matrix[j][0] && mark >= 0 && mark < storage.length"
                        + " && storage[mark] == matrix[j])")
                .addStatement("shared = j")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for (int i = storage.length - 1; i >= 0; i--)")
                .beginControlFlow("if (storage[i].length > 0)")
                .addStatement("storage[i][0] = firsts[i]")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("if (shared >= 0)")
                .addStatement("throw new $T((storage == matrix"
                        + " ? storageName + \" and \" + matrixName + \" are the same matrix\"$W: \"row \" + mark"
                        + " + \" of \" + storageName + \" is row \" + shared + \" of \" + matrixName) + \": \" + advice)",
                        IllegalArgumentException.class)
                .endControlFlow().build();
    }

    static MethodSpec requireNoSharedRow(MethodSpec.Builder m) {
        return m.addJavadoc("Rejects a row with elements of {@code second} that is also a row of {@code written}, a\n"
                        + "matrix the method writes into, or {@code second} when it is {@code written}. The rows of\n"
                        + "{@code written} go into the thread's identity table, where each row of {@code second}\n"
                        + "looks itself up.\n")
                .addParameter(String.class, "writtenName").addParameter(MATRIX, "written")
                .addParameter(String.class, "secondName").addParameter(MATRIX, "second")
                .addParameter(String.class, "advice")
                .beginControlFlow("if (second == null)")
                .addStatement("return")
                .endControlFlow()
                .addStatement("int heads = Integer.highestOneBit(Math.max(written.length, 1)) * 4")
                .addStatement("int[] table = $N(heads + written.length)", Helpers.Helper.IDENTITY_TABLE.methodName())
                .beginControlFlow("for (int i = 0; i < written.length; i++)")
                .beginControlFlow("if (written[i] != null && written[i].length > 0)")
                .addStatement("int head = System.identityHashCode(written[i]) & (heads - 1)")
                .addStatement("table[heads + i] = table[head]")
                .addStatement("table[head] = i + 1")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for (int j = 0; j < second.length; j++)")
                .beginControlFlow("for (int k = table[System.identityHashCode(second[j]) & (heads - 1)]; k != 0;"
                        + " k = table[heads + k - 1])")
                .beginControlFlow("if (written[k - 1] == second[j])")
                .addStatement("throw new $T((written == second"
                        + " ? writtenName + \" and \" + secondName + \" are the same matrix\"$W: \"row \" + (k - 1)"
                        + " + \" of \" + writtenName + \" is row \" + j + \" of \" + secondName) + \": \" + advice)",
                        IllegalArgumentException.class)
                .endControlFlow()
                .endControlFlow()
                .endControlFlow().build();
    }

    static MethodSpec requireDistinctRows(MethodSpec.Builder m) {
        return m.addJavadoc("Rejects a matrix the method writes into two of whose rows with elements are one array.\n"
                        + "Each row looks up the rows before it in the thread's identity table, then goes in.\n")
                .addParameter(String.class, "name").addParameter(MATRIX, "matrix")
                .addParameter(String.class, "advice")
                .addStatement("int heads = Integer.highestOneBit(Math.max(matrix.length, 1)) * 4")
                .addStatement("int[] table = $N(heads + matrix.length)", Helpers.Helper.IDENTITY_TABLE.methodName())
                .beginControlFlow("for (int j = 0; j < matrix.length; j++)")
                .beginControlFlow("if (matrix[j] != null && matrix[j].length > 0)")
                .addStatement("int head = System.identityHashCode(matrix[j]) & (heads - 1)")
                .beginControlFlow("for (int k = table[head]; k != 0; k = table[heads + k - 1])")
                .beginControlFlow("if (matrix[k - 1] == matrix[j])")
                .addStatement("throw new $T(\"rows \" + (k - 1) + \" and \" + j + \" of \" + name"
                        + " + \" are the same array: \" + advice)", IllegalArgumentException.class)
                .endControlFlow()
                .endControlFlow()
                .addStatement("table[heads + j] = table[head]")
                .addStatement("table[head] = j + 1")
                .endControlFlow()
                .endControlFlow().build();
    }

    static MethodSpec identityTable(MethodSpec.Builder m) {
        return m.addJavadoc("This thread's identity table of rows, zeroed, with {@code length} entries: chain heads,\n"
                        + "a power of two of them, each the index plus one of a row whose identity hash it takes\n"
                        + "(0 for none), then a link per row to the next row of its chain.\n")
                .returns(int[].class)
                .addParameter(int.class, "length")
                .addStatement("int[] table = $N.get()", ROW_TABLE)
                .beginControlFlow("if (table == null || table.length < length)")
                .addStatement("table = new int[length]")
                .addStatement("$N.set(table)", ROW_TABLE)
                .addStatement("return table")
                .endControlFlow()
                .addStatement("$T.fill(table, 0, length, 0)", Arrays.class)
                .addStatement("return table").build();
    }
}
