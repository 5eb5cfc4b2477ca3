package io.microautograd.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import io.microautograd.processor.diff.HessianVector;
import io.microautograd.processor.diff.Pullback;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the second-order members of a method {@code f} of order 2: {@code fPullbackTangent}, the
 * tangent of the pullback, which the second-order methods of its callers use, {@code fHvp}, the
 * gradient and the Hessian-vector product in one call, and {@code fHessian}, the whole Hessian,
 * where it is small. They have names of their own, since their locals are neither the pullback's
 * nor the tangent method's.
 */
final class HessianVectorWriter {

    private final MethodWriter writer;
    private final HessianVector hessianVector;
    private final Pullback pullback;
    private final Function function;
    private final Helpers helpers;
    private final LocalNames names = new LocalNames();
    private final BodyEmitter emitter;
    private final CodeBlock body;

    HessianVectorWriter(MethodWriter writer, GradientMethod method, Helpers helpers, ClassMembers members) {
        this.writer = writer;
        this.hessianVector = method.hessianVector();
        this.pullback = hessianVector.pullback();
        this.function = pullback.source();
        this.helpers = helpers;
        this.emitter = BodyEmitter.keepingNoArrays(names, helpers, function.name() + "Hvp", method,
                hessianVector.body(), members);
        Set<Variable> parameters = new HashSet<>(function.parameters());
        parameters.add(pullback.resultAdjoint());
        parameters.addAll(pullback.adjointStorage());
        parameters.addAll(hessianVector.tangents().values());
        this.body = emitter.body(hessianVector.body(), parameters, hessianVector.expectedTapeSizes(),
                hessianVector.tapeReservations(), Map.of());
    }

    /** The fields that keep the tapes of {@code fPullbackTangent} between calls on a thread. */
    List<FieldSpec> keptFields() {
        return emitter.tapeFields(pullbackTangentName());
    }

    /**
     * {@code fPullbackTangent(parameters..., dValue, adjoint storage..., tangents...)}: what the
     * pullback does, and the derivative of what it adds along the tangents added into theirs.
     */
    MethodSpec pullbackTangent() {
        MethodSpec.Builder m = MethodSpec.methodBuilder(pullbackTangentName())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(double.class)
                .addJavadoc("The tangent of the pullback of $L, forward over reverse: computes the value, adds\n"
                        + "{@code $L} times each partial derivative into the adjoint storage, as the pullback does,\n"
                        + "and adds the derivative of what it adds along the tangents into the tangents of the\n"
                        + "storage. Generated code of calling methods of order 2 uses it.\n\n", writer.link(),
                        names.of(pullback.resultAdjoint()))
                .addJavadoc("@return the value\n");
        for (Variable p : function.parameters()) {
            m.addParameter(MethodWriter.typeName(p.type()), names.of(p));
        }
        m.addParameter(double.class, names.of(pullback.resultAdjoint()));
        for (Variable d : pullback.adjointStorage()) {
            m.addParameter(MethodWriter.typeName(d.type()), names.of(d));
        }
        for (Variable t : hessianVector.tangents().values()) {
            m.addParameter(MethodWriter.typeName(t.type()), names.of(t));
        }
        addChecks(m);
        return m.addCode(AliasChecks.of(function, hessianVector.separations(), names, helpers)).addCode(body).build();
    }

    /**
     * {@code fHvp(parameters..., directions..., adjoint storage..., products...)}: the value, the
     * partials added into the storage, and the Hessian times the directions added into the products.
     */
    MethodSpec hessianVectorProduct() {
        MethodSpec.Builder m = MethodSpec.methodBuilder(function.name() + "Hvp")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(double.class)
                .addJavadoc("Computes $L, <em>adds</em> its partial derivatives into the given storage and the\n"
                        + "product of its Hessian (the matrix of second partial derivatives with respect to the\n"
                        + "differentiated parameters) with the direction into the products, in one forward and one\n"
                        + "reverse sweep that carry tangents, forward over reverse. The caller zeroes the storage and\n"
                        + "the products.\n\n", writer.link());
        List<CodeBlock> arguments = new ArrayList<>();
        List<Variable> storage = pullback.adjointStorage();
        for (Variable p : function.parameters()) {
            m.addParameter(MethodWriter.typeName(p.type()), names.of(p));
            arguments.add(CodeBlock.of("$N", names.of(p)));
        }
        arguments.add(CodeBlock.of("1.0"));
        storage.forEach(d -> arguments.add(CodeBlock.of("$N", names.of(d))));
        for (Variable p : function.parameters()) {
            Variable v = hessianVector.tangents().get(p);
            if (v != null) {
                m.addParameter(MethodWriter.typeName(v.type()), names.of(v));
                m.addJavadoc("@param $L the direction's component for $L$L\n", names.of(v), p.name(),
                        v.type().isArray() ? ", element by element; same shape" : "");
                arguments.add(CodeBlock.of("$N", names.of(v)));
            }
        }
        arguments.add(CodeBlock.of("0.0"));
        for (Variable d : storage) {
            m.addParameter(MethodWriter.typeName(d.type()), names.of(d));
        }
        for (Variable d : storage) {
            Variable hv = hessianVector.tangents().get(d);
            m.addParameter(MethodWriter.typeName(hv.type()), names.of(hv));
            arguments.add(CodeBlock.of("$N", names.of(hv)));
        }
        if (pullback.gradient() != null) {
            m.addJavadoc("@param $L receives the partials with respect to the scalar parameters, one slot each, in "
                    + "order: $L\n", names.of(pullback.gradient()), MethodWriter.differentiatedScalarNames(function));
        }
        pullback.arrayAdjoints().forEach((p, d) -> m.addJavadoc("@param $L receives the partials with respect to "
                + "the elements of $L; same shape\n", names.of(d), p.name()));
        for (Variable d : storage) {
            m.addJavadoc("@param $L receives the Hessian-vector product's components where $L receives the "
                    + "partials; same shape\n", names.of(hessianVector.tangents().get(d)), names.of(d));
        }
        return m.addJavadoc("@return the value\n")
                .addJavadoc("@throws IllegalArgumentException if the storage is also a parameter or a direction, a\n"
                        + "product is also an argument other than a product (the storage included), itself or as a\n"
                        + "row, or an array $L writes into is passed for another parameter too: the answer would\n"
                        + "then not be the method's\n", function.name())
                .addStatement("return $N($L)", pullbackTangentName(), CodeBlock.join(arguments, ", ")).build();
    }

    /**
     * {@code fHessian(parameters...)}, for a method whose differentiated parameters are doubles or
     * one {@code double[]}: the matrix of second partial derivatives, column by column from the
     * products with the unit vectors, then made symmetric by averaging each entry with its mirror
     * image, which gives the two one value since adding is commutative. Null for other methods.
     */
    MethodSpec hessian() {
        List<Variable> differentiated = function.parameters().stream().filter(function.differentiated()::contains)
                .toList();
        boolean scalars = differentiated.stream().allMatch(p -> p.type() == Type.DOUBLE);
        boolean oneArray = differentiated.size() == 1 && differentiated.get(0).type() == Type.DOUBLE_ARRAY;
        if (!scalars && !oneArray) {
            return null;
        }
        MethodSpec.Builder m = MethodSpec.methodBuilder(function.name() + "Hessian")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(double[][].class)
                .addJavadoc("Computes the Hessian of $L: the matrix of its second partial derivatives with respect\n"
                        + "to the differentiated $L, one Hessian-vector product per column. It is symmetric\n"
                        + "by construction: each entry is the mean of the two products that give it.\n\n"
                        + "@return the Hessian, row by row, a new $L matrix\n", writer.link(),
                        scalars ? "parameters, in order: " + MethodWriter.differentiatedScalarNames(function)
                                : "elements of " + differentiated.get(0).name(),
                        scalars ? "square" : "n-by-n, n the length of " + differentiated.get(0).name() + ",");
        LocalNames local = new LocalNames();
        function.parameters().forEach(p -> {
            local.allocate(names.of(p), p);
            m.addParameter(MethodWriter.typeName(p.type()), names.of(p));
        });
        String size = local.allocate("size", "size");
        String columns = local.allocate("columns", "columns");
        String gradient = local.allocate("gradient", "gradient");
        String direction = local.allocate("direction", "direction");
        String hessian = local.allocate("hessian", "hessian");
        String i = local.allocate("i", "i");
        String j = local.allocate("j", "j");
        m.addStatement("int $N = $L", size, scalars ? differentiated.size()
                : CodeBlock.of("$N.length", names.of(differentiated.get(0))));
        m.addStatement("double[][] $N = new double[$N][$N]", columns, size, size);
        m.addStatement("double[] $N = new double[$N]", gradient, size);
        m.addStatement("double[] $N = new double[$N]", direction, size);
        List<CodeBlock> arguments = new ArrayList<>();
        function.parameters().forEach(p -> arguments.add(CodeBlock.of("$N", names.of(p))));
        arguments.add(CodeBlock.of("1.0"));
        arguments.add(CodeBlock.of("$N", gradient));
        if (scalars) {
            for (int k = 0; k < differentiated.size(); k++) {
                arguments.add(CodeBlock.of("$N[$L]", direction, k));
            }
        } else {
            arguments.add(CodeBlock.of("$N", direction));
        }
        arguments.add(CodeBlock.of("0.0"));
        arguments.add(CodeBlock.of("$N[$N]", columns, j));
        m.beginControlFlow("for (int $N = 0; $N < $N; $N++)", j, j, size, j)
                .addStatement("$N[$N] = 1.0", direction, j)
                .addStatement("$N($L)", pullbackTangentName(), CodeBlock.join(arguments, ", "))
                .addStatement("$N[$N] = 0.0", direction, j)
                .endControlFlow();
        m.addStatement("double[][] $N = new double[$N][$N]", hessian, size, size)
                .beginControlFlow("for (int $N = 0; $N < $N; $N++)", i, i, size, i)
                .beginControlFlow("for (int $N = 0; $N < $N; $N++)", j, j, size, j)
                .addStatement("$N[$N][$N] = ($N[$N][$N] + $N[$N][$N]) / 2", hessian, i, j, columns, j, i, columns, i, j)
                .endControlFlow()
                .endControlFlow();
        return m.addStatement("return $N", hessian).build();
    }

    /** Checks the lengths and shapes of the storage, the directions and the products against the parameters. */
    private void addChecks(MethodSpec.Builder m) {
        Variable gradient = pullback.gradient();
        if (gradient != null) {
            int slots = pullback.scalarAdjoints().size();
            for (Variable d : List.of(gradient, hessianVector.tangents().get(gradient))) {
                m.addStatement("$N($S, $N, $L, $S)", helpers.use(Helpers.Helper.CHECK_LENGTH), names.of(d),
                        names.of(d), slots, "one slot per differentiated scalar: "
                                + MethodWriter.differentiatedScalarNames(function));
            }
        }
        Map<Variable, Variable> directions = new LinkedHashMap<>();
        Map<Variable, Variable> products = new LinkedHashMap<>();
        for (Variable p : function.parameters()) {
            if (p.type().isArray() && hessianVector.tangents().containsKey(p)) {
                directions.put(p, hessianVector.tangents().get(p));
                products.put(p, hessianVector.tangents().get(pullback.arrayAdjoints().get(p)));
            }
        }
        MethodWriter.addShapeChecks(m, pullback.arrayAdjoints(), names, helpers);
        MethodWriter.addShapeChecks(m, directions, names, helpers);
        MethodWriter.addShapeChecks(m, products, names, helpers);
    }

    private String pullbackTangentName() {
        return function.name() + "PullbackTangent";
    }
}
