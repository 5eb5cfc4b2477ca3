package io.microautograd.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The arrays of one generated method that each thread keeps between calls, as it keeps tapes:
 * arrays the method allocates that no one can see once it has returned (the diff package's
 * {@code ReusableArrays} finds them). At its allocation a call takes the thread's kept array,
 * zeroed, when it has exactly the shape asked for, else allocates one, and before its return
 * it gives its own back for the thread's next call.
 */
final class KeptArrays {

    private final LocalNames names;
    private final Helpers helpers;
    private final Map<Variable, String> fields = new LinkedHashMap<>();
    private boolean explained;

    /**
     * Names a field per kept array, before any local of the method so that no local hides one.
     *
     * @param kept the arrays to keep
     * @param method the source method's name, with which the names of its fields start
     * @param members the names of the generated class's fields, unique across its methods: a field
     *     name could otherwise be both a method {@code a}'s for an array {@code bC} and a method
     *     {@code aB}'s for an array {@code c}, or two overloads' for one array
     */
    KeptArrays(List<Variable> kept, LocalNames names, Helpers helpers, String method, ClassMembers members) {
        this.names = names;
        this.helpers = helpers;
        for (Variable v : kept) {
            String name = members.field(method + ClassMembers.capitalized(v.name()) + "Array");
            fields.put(v, names.allocate(name, "kept " + v.id()));
        }
    }

    /** The kept arrays, which the method's return reads. */
    Set<Variable> variables() {
        return fields.keySet();
    }

    /** Whether an assignment allocates a kept array. */
    boolean keeps(Stmt.Assign assign) {
        return fields.containsKey(assign.target());
    }

    /**
     * The allocation of a kept array, which takes the thread's kept one when its shape fits.
     *
     * @param declares whether the assignment declares the variable
     */
    CodeBlock allocation(Stmt.Assign assign, boolean declares, ExprPrinter printer) {
        Variable v = assign.target();
        Expr.NewArray allocation = (Expr.NewArray) assign.value();
        List<CodeBlock> arguments = new ArrayList<>();
        arguments.add(CodeBlock.of("$N", fields.get(v)));
        allocation.dimensions().forEach(size -> arguments.add(printer.print(size)));
        Helpers.Helper take = v.type() == Type.DOUBLE_MATRIX ? Helpers.Helper.TAKE_MATRIX : Helpers.Helper.TAKE_VECTOR;
        CodeBlock value = CodeBlock.of("$N($L)", helpers.use(take), CodeBlock.join(arguments, ", "));
        CodeBlock.Builder code = CodeBlock.builder();
        if (v.role() == Variable.Role.LOCAL && !explained) {
            code.add("// The thread's arrays from its last call, zeroed, where the shape fits: no allocation,"
                    + " warm memory.\n");
            explained = true;
        }
        if (declares) {
            return code.addStatement("$L $N = $L", v.type().javaName(), names.of(v), value).build();
        }
        return code.addStatement("$N = $L", names.of(v), value).build();
    }

    /** The statements that give the arrays back for the thread's next call, before the method's return. */
    CodeBlock keeping() {
        CodeBlock.Builder code = CodeBlock.builder();
        if (!fields.isEmpty()) {
            code.add("// Kept for the thread's next call, which then reuses them instead of allocating arrays, unless"
                    + " over the\n// bound.\n");
        }
        fields.forEach((v, field) -> code.addStatement("$N($N, $N)", helpers.use(Helpers.Helper.keep(
                v.type() == Type.DOUBLE_MATRIX ? TapeKind.ROW : TapeKind.DOUBLE)), field, names.of(v)));
        return code.build();
    }

    /**
     * The fields that keep the arrays between calls.
     *
     * @param pullback the name of the generated method that uses them
     */
    List<FieldSpec> fields(String pullback) {
        List<FieldSpec> out = new ArrayList<>();
        fields.forEach((v, field) -> out.add(FieldSpec.builder(ParameterizedTypeName.get(
                        ClassName.get(ThreadLocal.class), MethodWriter.typeName(v.type())), field,
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The array {@code $L} of {@code $L}, kept per thread.\n", names.of(v), pullback)
                .initializer("new $T<>()", ThreadLocal.class)
                .build()));
        return out;
    }
}
