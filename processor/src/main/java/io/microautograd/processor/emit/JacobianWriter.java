package io.microautograd.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import io.microautograd.processor.diff.Pullback;
import io.microautograd.processor.diff.Separation;
import io.microautograd.processor.diff.Tangent;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the members generated for a method {@code f} with outputs: {@code fVjp}, the
 * vector-Jacobian product, and {@code fJacobian}, the Jacobian of the outputs, one product per
 * row, where the differentiated parameters are doubles and {@code double[]}s. They have names of
 * their own, since the product's locals are not the pullback's.
 */
final class JacobianWriter {

    private final MethodWriter writer;
    private final GradientMethod method;
    private final Pullback product;
    private final Function function;
    private final Helpers helpers;
    private final LocalNames names = new LocalNames();
    private final BodyEmitter emitter;
    private final CodeBlock body;

    JacobianWriter(MethodWriter writer, GradientMethod method, Helpers helpers, ClassMembers members) {
        this.writer = writer;
        this.method = method;
        this.product = method.vectorJacobian();
        this.function = product.source();
        this.helpers = helpers;
        this.emitter = BodyEmitter.keepingNoArrays(names, helpers, vectorJacobianName(), method, product.body(),
                members);
        Set<Variable> parameters = new HashSet<>(function.parameters());
        parameters.add(product.resultAdjoint());
        parameters.addAll(product.outputSeeds().values());
        parameters.addAll(product.adjointStorage());
        this.body = emitter.body(product.body(), parameters, product.expectedTapeSizes(),
                product.tapeReservations(), product.tapeSlices());
    }

    /** The fields that keep the tapes of {@code fVjp} between calls on a thread. */
    List<FieldSpec> keptFields() {
        return emitter.tapeFields(vectorJacobianName());
    }

    /**
     * {@code fVjp(parameters..., dValue, output adjoints..., adjoint storage...)}: the value, and
     * the adjoints of the value and of the outputs' elements times their partials added into the storage.
     */
    MethodSpec vectorJacobianProduct() {
        MethodSpec.Builder m = MethodSpec.methodBuilder(vectorJacobianName())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(double.class)
                .addJavadoc("The vector-Jacobian product of $L: computes the value and <em>adds</em> into the\n"
                        + "storage, for each differentiated parameter, {@code $L} times the partial derivative of the\n"
                        + "value plus, over the outputs' elements, each element's adjoint times its partial\n"
                        + "derivative, in one forward and one reverse sweep. The outputs and their adjoints are left as\n"
                        + "they were (call $L for the outputs); the caller zeroes the storage.\n\n", writer.link(),
                        names.of(product.resultAdjoint()), writer.link())
                .addJavadoc("@param $N the adjoint of the value\n", names.of(product.resultAdjoint()));
        product.outputSeeds().forEach((output, seed) -> m.addJavadoc("@param $N the adjoints of the elements of $L;"
                + " same length\n", names.of(seed), output.name()));
        m.addJavadoc(writer.storageDoc(product, names))
                .addJavadoc("@return the value\n")
                .addJavadoc("@throws IllegalArgumentException if the storage is also a parameter, or an array $L\n"
                        + "writes into is passed for another parameter too: the answer would then not be the method's\n",
                        function.name());
        function.parameters().forEach(p -> m.addParameter(MethodWriter.typeName(p.type()), names.of(p)));
        m.addParameter(double.class, names.of(product.resultAdjoint()));
        product.outputSeeds().values().forEach(d -> m.addParameter(MethodWriter.typeName(d.type()), names.of(d)));
        product.adjointStorage().forEach(d -> m.addParameter(MethodWriter.typeName(d.type()), names.of(d)));
        MethodWriter.addStorageChecks(m, product, names, helpers);
        MethodWriter.addShapeChecks(m, product.outputSeeds(), names, helpers);
        return m.addCode(AliasChecks.of(function, product.separations(), names, helpers)).addCode(body).build();
    }

    /**
     * {@code fJvp(parameters..., tangents..., output tangents...)}: the value's derivative along
     * the tangents, as {@code fTangent} gives it, and the outputs' derivatives along them.
     */
    MethodSpec jacobianVectorProduct() {
        return writer.tangentMethod(method.jacobianVector(), jacobianVectorName(), CodeBlock.of("The"
                + " Jacobian-vector product of $L: computes the derivative of the value along a\ndirection,"
                + " the tangents, as {@code $LTangent} does, and sets each output's tangent to the\nderivatives of"
                + " its elements along it, in one forward sweep with no tape. The outputs are left\nas they were"
                + " (call $L for them).\n\n", writer.link(), function.name(), writer.link()));
    }

    /**
     * {@code fJacobian(parameters..., jacobian)}: the derivatives of the outputs' elements, a row
     * each, with respect to the differentiated parameters' values, a column each, by rows (one
     * vector-Jacobian product each) when there are no more rows than columns, else by columns (one
     * Jacobian-vector product each); null where a differentiated parameter is a matrix.
     */
    MethodSpec jacobian() {
        List<Variable> inputs = function.parameters().stream().filter(function.differentiated()::contains).toList();
        if (inputs.stream().anyMatch(p -> p.type() == Type.DOUBLE_MATRIX)) {
            return null;
        }
        LocalNames local = new LocalNames();
        function.parameters().forEach(p -> local.allocate(names.of(p), p));
        Variable matrix = new Variable("jacobian", Type.DOUBLE_MATRIX, -1, Variable.Role.GENERATED);
        String jacobian = local.of(matrix);
        String rows = local.allocate("rows", "rows");
        String columns = local.allocate("columns", "columns");
        String row = local.allocate("row", "row");
        List<String> outputNames = function.outputs().stream().map(Variable::name).toList();
        List<String> inputNames = inputs.stream().map(Variable::name).toList();
        MethodSpec.Builder m = MethodSpec.methodBuilder(function.name() + "Jacobian")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Fills {@code $L} with the Jacobian of the outputs of $L: {@code $L[r][c]} is the\n"
                        + "derivative of output element {@code r} (the elements of $L, in order) with respect to\n"
                        + "input {@code c} (the values of $L, in order, an array's elements in its place), at the\n"
                        + "parameters' values. Where there are no more rows than columns it computes a row at a\n"
                        + "time, each a vector-Jacobian product (a forward and a reverse sweep), else a column at a\n"
                        + "time, each a Jacobian-vector product (a forward sweep). The outputs are left as they were\n"
                        + "(call $L for them).\n\n", jacobian, writer.link(), jacobian, String.join(", ", outputNames),
                        String.join(", ", inputNames), writer.link())
                .addJavadoc("@param $L receives the Jacobian: one row per output element, each of one entry per"
                        + " input\n", jacobian)
                .addJavadoc("@throws IllegalArgumentException if {@code $L} has another shape, a row of it is a\n"
                        + "parameter, or an array $L writes into is passed for another parameter too\n", jacobian,
                        function.name());
        function.parameters().forEach(p -> m.addParameter(MethodWriter.typeName(p.type()), local.of(p)));
        m.addParameter(double[][].class, jacobian);

        List<CodeBlock> offsets = new ArrayList<>();
        List<CodeBlock> widths = new ArrayList<>();
        for (Variable p : inputs) {
            offsets.add(widths.isEmpty() ? CodeBlock.of("0") : CodeBlock.join(widths, " + "));
            widths.add(p.type() == Type.DOUBLE ? CodeBlock.of("1") : CodeBlock.of("$N.length", local.of(p)));
        }
        m.addStatement("int $N = $L", rows, CodeBlock.join(function.outputs().stream()
                .map(o -> CodeBlock.of("$N.length", local.of(o))).toList(), " + "));
        m.addStatement("int $N = $L", columns, CodeBlock.join(widths, " + "));
        m.beginControlFlow("if ($N.length != $N)", jacobian, rows)
                .addStatement("throw new $T($S + $N.length$W+ $S + $N)", IllegalArgumentException.class,
                        jacobian + " has ", jacobian, " rows; it must have one per element of "
                                + String.join(", ", outputNames) + ": ", rows)
                .endControlFlow();
        m.beginControlFlow("for (int $N = 0; $N < $N; $N++)", row, row, rows, row)
                .beginControlFlow("if ($N[$N].length != $N)", jacobian, row, columns)
                .addStatement("throw new $T($S + $N + $S + $N[$N].length$W+ $S + $N + $S)",
                        IllegalArgumentException.class, jacobian + "[", row, "] has length ", jacobian, row,
                        "; it must have one entry per input, ", columns, ", the values of "
                                + String.join(", ", inputNames))
                .endControlFlow()
                .endControlFlow();
        m.addCode(AliasChecks.of(function, Separation.ofFilled(matrix, function.parameters(),
                Separation.Reason.JACOBIAN), local, helpers));
        m.beginControlFlow("if ($N <= $N)", rows, columns);
        byRows(m, local, jacobian, inputs, offsets);
        m.nextControlFlow("else");
        byColumns(m, local, jacobian, inputs);
        return m.endControlFlow().build();
    }

    /** Fills the Jacobian a row at a time: a vector-Jacobian product per output element. */
    private void byRows(MethodSpec.Builder m, LocalNames local, String jacobian, List<Variable> inputs,
            List<CodeBlock> offsets) {
        String row = local.allocate("row", "row");
        String element = local.allocate("i", "i");
        String column = local.allocate("c", "c");
        String jacobianRow = local.allocate("jacobianRow", "jacobianRow");
        List<CodeBlock> arguments = new ArrayList<>();
        function.parameters().forEach(p -> arguments.add(CodeBlock.of("$N", local.of(p))));
        arguments.add(CodeBlock.of("0.0"));
        product.outputSeeds().forEach((output, d) -> {
            m.addStatement("double[] $N = new double[$N.length]", local.of(d), local.of(output));
            arguments.add(CodeBlock.of("$N", local.of(d)));
        });
        if (product.gradient() != null) {
            m.addStatement("double[] $N = new double[$L]", local.of(product.gradient()),
                    product.scalarAdjoints().size());
        }
        product.arrayAdjoints().forEach((p, d) -> m.addStatement("double[] $N = new double[$N.length]", local.of(d),
                local.of(p)));
        product.adjointStorage().forEach(d -> arguments.add(CodeBlock.of("$N", local.of(d))));
        m.addStatement("int $N = 0", row);
        String seed = eachOutput(m, local, product.outputSeeds().values().stream().map(local::of).toList());
        m.beginControlFlow("for (int $N = 0; $N < $N.length; $N++, $N++)", element, element, seed, element, row)
                .addStatement("$N[$N] = 1.0", seed, element)
                .addStatement("$N($L)", vectorJacobianName(), CodeBlock.join(arguments, ", "))
                .addStatement("$N[$N] = 0.0", seed, element)
                .addStatement("double[] $N = $N[$N]", jacobianRow, jacobian, row);
        int slot = 0;
        for (int k = 0; k < inputs.size(); k++) {
            Variable p = inputs.get(k);
            if (p.type() == Type.DOUBLE) {
                String gradient = local.of(product.gradient());
                m.addStatement("$N[$L] = $N[$L]", jacobianRow, offsets.get(k), gradient, slot);
                m.addStatement("$N[$L] = 0.0", gradient, slot++);
                continue;
            }
            String d = local.of(product.arrayAdjoints().get(p));
            m.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", column, column, d, column)
                    .addStatement("$N[$L$N] = $N[$N]", jacobianRow, k == 0 ? "" : CodeBlock.of("$L + ",
                            offsets.get(k)), column, d, column)
                    .addStatement("$N[$N] = 0.0", d, column)
                    .endControlFlow();
        }
        m.endControlFlow();
        if (product.outputSeeds().size() > 1) {
            m.endControlFlow();
        }
    }

    /** Fills the Jacobian a column at a time: a Jacobian-vector product per input. */
    private void byColumns(MethodSpec.Builder m, LocalNames local, String jacobian, List<Variable> inputs) {
        Tangent tangent = method.jacobianVector();
        String column = local.allocate("column", "column");
        String element = local.allocate("j", "j");
        String row = local.allocate("row", "row");
        String k = local.allocate("k", "k");
        for (var entry : tangent.tangents().entrySet()) {
            if (entry.getKey().type().isArray()) {
                m.addStatement("double[] $N = new double[$N.length]",
                        tangentName(local, entry.getKey(), entry.getValue()), local.of(entry.getKey()));
            }
        }
        tangent.outputTangents().forEach((output, t) -> m.addStatement("double[] $N = new double[$N.length]",
                tangentName(local, output, t), local.of(output)));
        m.addStatement("int $N = 0", column);
        m.addStatement("int $N", row);
        for (Variable input : inputs) {
            boolean array = input.type().isArray();
            String direction = tangentName(local, input, tangent.tangents().get(input));
            List<CodeBlock> arguments = new ArrayList<>();
            function.parameters().forEach(p -> arguments.add(CodeBlock.of("$N", local.of(p))));
            tangent.tangents().forEach((p, t) -> arguments.add(p.type().isArray()
                    ? CodeBlock.of("$N", tangentName(local, p, t)) : CodeBlock.of(p.equals(input) ? "1.0" : "0.0")));
            tangent.outputTangents().forEach((o, t) -> arguments.add(CodeBlock.of("$N", tangentName(local, o, t))));
            if (array) {
                m.beginControlFlow("for (int $N = 0; $N < $N.length; $N++, $N++)", element, element, direction,
                        element, column).addStatement("$N[$N] = 1.0", direction, element);
            }
            m.addStatement("$N($L)", jacobianVectorName(), CodeBlock.join(arguments, ", "));
            if (array) {
                m.addStatement("$N[$N] = 0.0", direction, element);
            }
            m.addStatement("$N = 0", row);
            String outputTangent = eachOutput(m, local, tangent.outputTangents().entrySet().stream()
                    .map(e -> tangentName(local, e.getKey(), e.getValue())).toList());
            m.beginControlFlow("for (int $N = 0; $N < $N.length; $N++, $N++)", k, k, outputTangent, k, row)
                    .addStatement("$N[$N][$N] = $N[$N]", jacobian, row, column, outputTangent, k)
                    .endControlFlow();
            if (tangent.outputTangents().size() > 1) {
                m.endControlFlow();
            }
            if (array) {
                m.endControlFlow();
            } else {
                m.addStatement("$N++", column);
            }
        }
    }

    /**
     * With one output, the name of its array; with several, opens a loop over their arrays and
     * gives the name of its variable. The caller closes the loop.
     */
    private String eachOutput(MethodSpec.Builder m, LocalNames local, List<String> arrays) {
        if (arrays.size() == 1) {
            return arrays.get(0);
        }
        String each = local.allocate("output", "output");
        m.beginControlFlow("for (double[] $N : new double[][] {$L})", each, String.join(", ", arrays));
        return each;
    }

    /** The name in {@code fJacobian} of the tangent of {@code p}: "t" and its name, apart from the adjoints' names. */
    private static String tangentName(LocalNames local, Variable p, Variable tangent) {
        return local.allocate("t" + Character.toUpperCase(p.name().charAt(0)) + p.name().substring(1), tangent);
    }

    private String vectorJacobianName() {
        return function.name() + "Vjp";
    }

    private String jacobianVectorName() {
        return function.name() + "Jvp";
    }
}
