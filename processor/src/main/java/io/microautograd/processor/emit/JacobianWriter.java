package io.microautograd.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import io.microautograd.processor.diff.Pullback;
import io.microautograd.processor.diff.Separation;
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
    private final Pullback product;
    private final Function function;
    private final Helpers helpers;
    private final LocalNames names = new LocalNames();
    private final BodyEmitter emitter;
    private final CodeBlock body;

    JacobianWriter(MethodWriter writer, GradientMethod method, Helpers helpers, ClassMembers members) {
        this.writer = writer;
        this.product = method.vectorJacobian();
        this.function = product.source();
        this.helpers = helpers;
        this.emitter = new BodyEmitter(names, helpers, vectorJacobianName(),
                new KeptArrays(List.of(), names, helpers, function.name(), members), members);
        emitter.nameSourceVariables(method.sourceVariables(), product.body());
        Set<Variable> parameters = new HashSet<>(function.parameters());
        parameters.add(product.resultAdjoint());
        parameters.addAll(product.outputSeeds().values());
        parameters.addAll(product.adjointStorage());
        this.body = emitter.body(product.body(), parameters, product.expectedTapeSizes(),
                product.tapeReservations());
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
     * {@code fJacobian(parameters..., jacobian)}: the derivatives of the outputs' elements, a row
     * each, with respect to the differentiated parameters' values, a column each, one
     * vector-Jacobian product per row; null where a differentiated parameter is a matrix.
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
        String element = local.allocate("i", "i");
        String column = local.allocate("c", "c");
        String jacobianRow = local.allocate("jacobianRow", "jacobianRow");
        String seed = local.allocate("seed", "seed");
        product.outputSeeds().values().forEach(d -> local.allocate(names.of(d), d));
        product.adjointStorage().forEach(d -> local.allocate(names.of(d), d));

        List<String> outputNames = function.outputs().stream().map(Variable::name).toList();
        List<String> inputNames = inputs.stream().map(Variable::name).toList();
        MethodSpec.Builder m = MethodSpec.methodBuilder(function.name() + "Jacobian")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Fills {@code $L} with the Jacobian of the outputs of $L: {@code $L[r][c]} is the\n"
                        + "derivative of output element {@code r} (the elements of $L, in order) with respect to\n"
                        + "input {@code c} (the values of $L, in order, an array's elements in its place), at the\n"
                        + "parameters' values. One vector-Jacobian product per row, each a forward and a reverse\n"
                        + "sweep. The outputs are left as they were (call $L for them).\n\n", jacobian, writer.link(),
                        jacobian, String.join(", ", outputNames), String.join(", ", inputNames), writer.link())
                .addJavadoc("@param $L receives the Jacobian: one row per output element, each of one entry per"
                        + " input\n", jacobian)
                .addJavadoc("@throws IllegalArgumentException if {@code $L} has another shape, a row of it is a\n"
                        + "parameter, or an array $L writes into is passed for another parameter too\n", jacobian,
                        function.name());
        function.parameters().forEach(p -> m.addParameter(MethodWriter.typeName(p.type()), local.of(p)));
        m.addParameter(double[][].class, jacobian);

        List<CodeBlock> offsets = new ArrayList<>();
        CodeBlock.Builder width = CodeBlock.builder();
        int scalars = 0;
        for (Variable p : inputs) {
            offsets.add(width.isEmpty() ? CodeBlock.of("0") : width.build());
            if (!width.isEmpty()) {
                width.add(" + ");
            }
            width.add(p.type() == Type.DOUBLE ? CodeBlock.of("1") : CodeBlock.of("$N.length", local.of(p)));
        }
        m.addStatement("int $N = $L", rows, CodeBlock.join(function.outputs().stream()
                .map(o -> CodeBlock.of("$N.length", local.of(o))).toList(), " + "));
        m.addStatement("int $N = $L", columns, width.build());
        m.beginControlFlow("if ($N.length != $N)", jacobian, rows)
                .addStatement("throw new $T($S + $N.length$W+ $S + $N)", IllegalArgumentException.class,
                        jacobian + " has ", jacobian, " rows; it must have one per element of "
                                + String.join(", ", outputNames) + ": ", rows)
                .endControlFlow();
        m.addCode(AliasChecks.of(function, Separation.ofJacobian(function.parameters(), matrix), local, helpers));
        List<CodeBlock> arguments = new ArrayList<>();
        function.parameters().forEach(p -> arguments.add(CodeBlock.of("$N", local.of(p))));
        arguments.add(CodeBlock.of("0.0"));
        for (Variable d : product.outputSeeds().values()) {
            m.addStatement("double[] $N = new double[$N.length]", local.of(d), local.of(outputOf(d)));
            arguments.add(CodeBlock.of("$N", local.of(d)));
        }
        if (product.gradient() != null) {
            m.addStatement("double[] $N = new double[$L]", local.of(product.gradient()),
                    product.scalarAdjoints().size());
        }
        product.arrayAdjoints().forEach((p, d) -> m.addStatement("double[] $N = new double[$N.length]", local.of(d),
                local.of(p)));
        product.adjointStorage().forEach(d -> arguments.add(CodeBlock.of("$N", local.of(d))));

        m.addStatement("int $N = 0", row);
        boolean several = product.outputSeeds().size() > 1;
        String seedName = several ? seed : local.of(product.outputSeeds().values().iterator().next());
        if (several) {
            m.beginControlFlow("for (double[] $N : new double[][] {$L})", seed, CodeBlock.join(product.outputSeeds()
                    .values().stream().map(d -> CodeBlock.of("$N", local.of(d))).toList(), ", "));
        }
        m.beginControlFlow("for (int $N = 0; $N < $N.length; $N++, $N++)", element, element, seedName, element, row)
                .addStatement("$N[$N] = 1.0", seedName, element)
                .addStatement("$N($L)", vectorJacobianName(), CodeBlock.join(arguments, ", "))
                .addStatement("$N[$N] = 0.0", seedName, element)
                .addStatement("double[] $N = $N[$N]", jacobianRow, jacobian, row)
                .beginControlFlow("if ($N.length != $N)", jacobianRow, columns)
                .addStatement("throw new $T($S + $N + $S + $N.length$W+ $S + $N + $S)", IllegalArgumentException.class,
                        jacobian + "[", row, "] has length ", jacobianRow, "; it must have one entry per input, ",
                        columns, ", the values of " + String.join(", ", inputNames))
                .endControlFlow();
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
                    .addStatement("$N[$L + $N] = $N[$N]", jacobianRow, offsets.get(k), column, d, column)
                    .addStatement("$N[$N] = 0.0", d, column)
                    .endControlFlow();
        }
        m.endControlFlow();
        if (several) {
            m.endControlFlow();
        }
        return m.build();
    }

    private Variable outputOf(Variable seed) {
        return product.outputSeeds().entrySet().stream().filter(e -> e.getValue().equals(seed)).findFirst()
                .orElseThrow().getKey();
    }

    private String vectorJacobianName() {
        return function.name() + "Vjp";
    }
}
