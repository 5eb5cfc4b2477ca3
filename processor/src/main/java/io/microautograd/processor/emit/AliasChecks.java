package io.microautograd.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.microautograd.processor.diff.Pullback;
import io.microautograd.processor.diff.Separation;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The checks at a pullback's entry that no two of its array arguments share storage where its
 * answer would then not be the method's (the diff package's {@link Separation} has the rule), and
 * the helpers they call. Each check compares references once per call and throws an
 * {@code IllegalArgumentException} that names both arguments and says what to pass instead.
 * Arrays without elements, and null ones, share nothing, so they pass. A vector is compared with
 * a matrix row by row; two matrices (or the rows of one) go through an identity set that each
 * thread keeps, so that the check takes time in proportion to the rows and allocates nothing once
 * the set has grown to the largest matrix the thread has checked.
 */
final class AliasChecks {

    /** What the message says when adjoint storage shares a parameter's storage. */
    private static final String STORAGE_ADVICE = "adjoint storage must be arrays of its own";
    /** The field of the generated class keeping each thread's identity set of rows. */
    private static final String ROWS_SEEN = "rowsSeen";

    private AliasChecks() {
    }

    /** The checks of a pullback's arguments, one statement per pair that must be separate. */
    static CodeBlock of(Pullback pullback, LocalNames names, Helpers helpers) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Separation pair : pullback.separations()) {
            String advice = pair.reason() == Separation.Reason.STORAGE ? STORAGE_ADVICE
                    : pullback.source().name() + " writes into " + names.of(pair.written()) + ", so pass "
                    + remedy(pullback, pair, names);
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
        } else {
            helper = written.type() == Type.DOUBLE_ARRAY ? Helpers.Helper.REQUIRE_SEPARATE
                    : Helpers.Helper.REQUIRE_NO_SHARED_ROW;
        }
        return CodeBlock.builder().addStatement("$N($S, $N, $S, $N,$W$S)", helpers.use(helper), names.of(written),
                names.of(written), names.of(other), names.of(other), advice).build();
    }

    /** What to pass instead of arguments that share storage with an array the method writes into. */
    private static String remedy(Pullback pullback, Separation pair, LocalNames names) {
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
        for (Variable p : pullback.source().parameters()) {
            boolean shared = p.equals(pair.written()) || p.equals(pair.other());
            arguments.append(arguments.length() == 0 ? "" : ", ");
            if (shared && first == null) {
                first = p;
            }
            arguments.append(!shared ? names.of(p) : first == p ? names.of(p) : names.of(first) + ".clone()");
        }
        return "a copy to one of them, as in " + pullback.source().name() + "(" + arguments + ")";
    }

    /** The helper methods, each written into the generated class only when a check calls it. */
    static MethodSpec helper(Helpers.Helper helper, MethodSpec.Builder m) {
        TypeName vector = ArrayTypeName.of(double.class);
        TypeName matrix = ArrayTypeName.of(vector);
        switch (helper) {
            case REQUIRE_SEPARATE:
                return m.addJavadoc("Rejects two arguments that are one array with elements.\n")
                        .addParameter(String.class, "firstName").addParameter(vector, "first")
                        .addParameter(String.class, "secondName").addParameter(vector, "second")
                        .addParameter(String.class, "advice")
                        .beginControlFlow("if (first == second && first.length > 0)")
                        .addStatement("throw new $T(firstName + \" and \" + secondName + \" are the same array: \""
                                + " + advice)", IllegalArgumentException.class)
                        .endControlFlow().build();
            case REQUIRE_NOT_ROW:
                return m.addJavadoc("Rejects a vector with elements that is a row of a matrix argument.\n")
                        .addParameter(String.class, "vectorName").addParameter(vector, "vector")
                        .addParameter(String.class, "matrixName").addParameter(matrix, "matrix")
                        .addParameter(String.class, "advice")
                        .beginControlFlow("for (int i = 0; matrix != null && i < matrix.length; i++)")
                        .beginControlFlow("if (matrix[i] == vector && vector.length > 0)")
                        .addStatement("throw new $T(vectorName + \" is row \" + i + \" of \" + matrixName + \": \""
                                + " + advice)", IllegalArgumentException.class)
                        .endControlFlow()
                        .endControlFlow().build();
            case REQUIRE_NO_SHARED_ROW:
                return m.addJavadoc("Rejects a row with elements that two matrix arguments share, or one matrix\n"
                        + "passed for both. The rows of {@code first} go into the thread's set, which is empty\n"
                        + "again when the check returns or throws.\n")
                        .addParameter(String.class, "firstName").addParameter(matrix, "first")
                        .addParameter(String.class, "secondName").addParameter(matrix, "second")
                        .addParameter(String.class, "advice")
                        .beginControlFlow("if (second == null)")
                        .addStatement("return")
                        .endControlFlow()
                        .addStatement("$T<double[]> rows = $N.get()", Set.class, ROWS_SEEN)
                        .beginControlFlow("for (double[] row : first)")
                        .beginControlFlow("if (row != null && row.length > 0)")
                        .addStatement("rows.add(row)")
                        .endControlFlow()
                        .endControlFlow()
                        .beginControlFlow("for (int j = 0; j < second.length; j++)")
                        .beginControlFlow("if (rows.contains(second[j]))")
                        .addStatement("rows.clear()")
                        .addStatement("int i = 0")
                        .beginControlFlow("while (first[i] != second[j])")
                        .addStatement("i++")
                        .endControlFlow()
                        .addStatement("throw new $T((first == second"
                                + " ? firstName + \" and \" + secondName + \" are the same matrix\"$W: \"row \" + i"
                                + " + \" of \" + firstName + \" is row \" + j + \" of \" + secondName)"
                                + " + \": \" + advice)",
                                IllegalArgumentException.class)
                        .endControlFlow()
                        .endControlFlow()
                        .beginControlFlow("for (double[] row : first)")
                        .addStatement("rows.remove(row)")
                        .endControlFlow().build();
            default:
                return m.addJavadoc("Rejects a matrix argument two of whose rows with elements are one array. Its\n"
                        + "rows go into the thread's set, which is empty again when the check returns or throws.\n")
                        .addParameter(String.class, "name").addParameter(matrix, "matrix")
                        .addParameter(String.class, "advice")
                        .addStatement("$T<double[]> rows = $N.get()", Set.class, ROWS_SEEN)
                        .beginControlFlow("for (int j = 0; j < matrix.length; j++)")
                        .beginControlFlow("if (matrix[j] != null && matrix[j].length > 0 && !rows.add(matrix[j]))")
                        .addStatement("rows.clear()")
                        .addStatement("int i = 0")
                        .beginControlFlow("while (matrix[i] != matrix[j])")
                        .addStatement("i++")
                        .endControlFlow()
                        .addStatement("throw new $T(\"rows \" + i + \" and \" + j + \" of \" + name"
                                + " + \" are the same array: \" + advice)", IllegalArgumentException.class)
                        .endControlFlow()
                        .endControlFlow()
                        .beginControlFlow("for (double[] row : matrix)")
                        .addStatement("rows.remove(row)")
                        .endControlFlow().build();
        }
    }

    /** The field keeping each thread's identity set of rows, which the matrix checks share. */
    static FieldSpec rowsSeen() {
        TypeName set = ParameterizedTypeName.get(ClassName.get(Set.class), ArrayTypeName.of(double.class));
        return FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), set), ROWS_SEEN,
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Per thread, the rows a matrix check has seen: empty between checks, and grown to the\n"
                        + "largest matrix the thread has checked, so that checks allocate nothing after that.\n")
                .initializer("$T.withInitial(() -> $T.newSetFromMap(new $T<>()))", ThreadLocal.class,
                        Collections.class, IdentityHashMap.class)
                .build();
    }
}
