package io.microautograd.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * Writes the derivatives of {@code fTangent} for a method {@code f} of order 2, so that a
 * {@code @Differentiable} method may call {@code FGrad.fTangent(parameters, directions)} and be
 * differentiated through it (a nested derivative). With t = ∇f(x)·v, the adjoints are x̄ += t̄·H·v
 * and v̄ += t̄·∇f, and the tangent is ṫ = ẋ·(H·v) + v̇·∇f: each one call of {@code f}'s second-order
 * code. {@code fTangentPullback} is the pullback of {@code fTangent}, {@code fTangentTangent} its
 * tangent; callers' generated code calls them as it calls any callee's. For a nested gradient,
 * {@code FGrad.f(parameters, gradient)}, it writes {@code fPartial}, one slot of the gradient by
 * reverse mode, with its pullback (the Hessian's column of the slot times the seed) and tangent
 * (the slot of the Hessian times the tangents).
 */
final class NestedDerivativeWriter {

    private final MethodWriter writer;
    private final Helpers helpers;
    private final Function function;
    private final List<Variable> differentiated;
    private final int scalars;

    NestedDerivativeWriter(MethodWriter writer, Helpers helpers, Function function) {
        this.writer = writer;
        this.helpers = helpers;
        this.function = function;
        this.differentiated = function.parameters().stream().filter(function.differentiated()::contains).toList();
        this.scalars = (int) differentiated.stream().filter(p -> p.type() == Type.DOUBLE).count();
    }

    /**
     * {@code fTangentPullback(parameters..., directions..., dValue, adjoint storage...)}: adds
     * {@code dValue} times the partials of {@code fTangent} into the storage, laid out as any
     * pullback's for the parameters of {@code fTangent}: one {@code double[]} with a slot per
     * differentiated scalar parameter and then one per its direction, then one array per
     * differentiated array parameter and then one per its direction.
     */
    MethodSpec tangentPullback() {
        LocalNames names = new LocalNames();
        MethodSpec.Builder m = MethodSpec.methodBuilder(function.name() + "TangentPullback")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The pullback of {@code $LTangent}, the derivative of $L along a direction, as a function\n"
                        + "of the parameters and the direction: adds {@code dValue} times its partials into the\n"
                        + "storage, those with respect to the parameters (the Hessian times the direction) and to\n"
                        + "the direction (the gradient), from one call of {@code $LPullbackTangent}. Generated code\n"
                        + "of methods calling {@code $LTangent} uses it.\n\n", function.name(), writer.link(),
                        function.name(), function.name());
        List<String> parameters = addParameters(m, names);
        List<String> directions = addDirections(m, names, "v");
        String dValue = names.allocate("dValue", "dValue");
        m.addParameter(double.class, dValue);
        String gradient = null;
        if (scalars > 0) {
            gradient = names.allocate("gradient", "gradient");
            m.addParameter(double[].class, gradient);
            m.addJavadoc("@param $L receives the partials with respect to the scalar parameters, then to their\n"
                    + "directions, one slot each, in order: $L\n", gradient,
                    MethodWriter.differentiatedScalarNames(function));
        }
        List<String> arrayDirections = new ArrayList<>();
        for (int k = 0; k < differentiated.size(); k++) {
            if (differentiated.get(k).type().isArray()) {
                arrayDirections.add(directions.get(k));
            }
        }
        List<String> parameterAdjoints = addArrayStorage(m, names,
                arrays().stream().map(Variable::name).toList());
        List<String> directionAdjoints = addArrayStorage(m, names, arrayDirections);
        m.addJavadoc("@throws IllegalArgumentException if the storage does not fit, or shares an array with a\n"
                + "parameter or a direction\n");
        List<CodeBlock> arguments = new ArrayList<>();
        parameters.forEach(p -> arguments.add(CodeBlock.of("$N", p)));
        arguments.add(CodeBlock.of("$N", dValue));
        String directionGradient = null;
        String hessianVector = null;
        if (scalars > 0) {
            m.addStatement("$N($S, $N, $L, $S)", helpers.use(Helpers.Helper.CHECK_LENGTH), gradient,
                    gradient, 2 * scalars, "one slot per differentiated scalar and one per its direction: "
                            + MethodWriter.differentiatedScalarNames(function));
            directionGradient = names.allocate("directionGradient", "directionGradient");
            hessianVector = names.allocate("hessianVector", "hessianVector");
            m.addStatement("double[] $N = new double[$L]", directionGradient, scalars);
            m.addStatement("double[] $N = new double[$L]", hessianVector, scalars);
            arguments.add(CodeBlock.of("$N", directionGradient));
        }
        // The product goes into the parameters' adjoints and the gradient into the directions'; where a
        // caller passes one array as parameter and direction, they are one array, which the product
        // may not be added into, so the direction's part goes through an array of its own.
        List<String> ownAdjoints = new ArrayList<>();
        for (int k = 0; k < directionAdjoints.size(); k++) {
            String d = directionAdjoints.get(k);
            Type type = arrays().get(k).type();
            String own = names.allocate(d + "Own", d + "Own");
            List<CodeBlock> sameType = new ArrayList<>();
            for (int a = 0; a < parameterAdjoints.size(); a++) {
                if (arrays().get(a).type() == type) {
                    sameType.add(CodeBlock.of("$N == $N", d, parameterAdjoints.get(a)));
                }
            }
            CodeBlock shared = CodeBlock.join(sameType, " || ");
            m.addStatement("$T $N = $L ? $L : $N", MethodWriter.typeName(type), own, shared, zerosLike(type, d), d);
            ownAdjoints.add(own);
            arguments.add(CodeBlock.of("$N", own));
        }
        directions.forEach(v -> arguments.add(CodeBlock.of("$N", v)));
        arguments.add(CodeBlock.of("0.0"));
        if (scalars > 0) {
            arguments.add(CodeBlock.of("$N", hessianVector));
        }
        parameterAdjoints.forEach(d -> arguments.add(CodeBlock.of("$N", d)));
        m.addStatement("$NPullbackTangent($L)", function.name(), CodeBlock.join(arguments, ", "));
        for (int k = 0; k < directionAdjoints.size(); k++) {
            m.beginControlFlow("if ($N != $N)", ownAdjoints.get(k), directionAdjoints.get(k));
            String d = directionAdjoints.get(k);
            String own = ownAdjoints.get(k);
            addElementwise(m, names, arrays().get(k).type(), at -> CodeBlock.of("$N$L += $N$L", d, at, own, at), d);
            m.endControlFlow();
        }
        if (scalars > 0) {
            String i = names.allocate("i", "i");
            m.beginControlFlow("for (int $N = 0; $N < $L; $N++)", i, i, scalars, i)
                    .addStatement("$N[$N] += $N[$N]", gradient, i, hessianVector, i)
                    .addStatement("$N[$L + $N] += $N[$N]", gradient, scalars, i, directionGradient, i)
                    .endControlFlow();
        }
        return m.build();
    }

    /**
     * {@code fTangentTangent(parameters..., directions..., tangents..., direction tangents...)}:
     * the derivative of {@code fTangent} along the tangents of its parameters and directions.
     */
    MethodSpec tangentTangent() {
        LocalNames names = new LocalNames();
        MethodSpec.Builder m = MethodSpec.methodBuilder(function.name() + "TangentTangent")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(double.class)
                .addJavadoc("The tangent of {@code $LTangent}, the derivative of $L along a direction, as a function\n"
                        + "of the parameters and the direction: its derivative along the parameters' tangents (the\n"
                        + "Hessian times the direction, dotted with them) and the direction's (the gradient, dotted\n"
                        + "with them), from one call of {@code $LHvp}. Generated code of methods calling\n"
                        + "{@code $LTangent} uses it.\n\n", function.name(), writer.link(), function.name(),
                        function.name());
        List<String> parameters = addParameters(m, names);
        List<String> directions = addDirections(m, names, "v");
        List<String> tangents = addDirections(m, names, "t");
        List<String> directionTangents = new ArrayList<>();
        for (int k = 0; k < differentiated.size(); k++) {
            String name = names.allocate("t" + ClassMembers.capitalized(directions.get(k)), "direction tangent " + k);
            m.addParameter(MethodWriter.typeName(differentiated.get(k).type()), name);
            directionTangents.add(name);
        }
        m.addJavadoc("@return the derivative of {@code $LTangent}\n", function.name());
        List<CodeBlock> arguments = new ArrayList<>();
        parameters.forEach(p -> arguments.add(CodeBlock.of("$N", p)));
        directions.forEach(v -> arguments.add(CodeBlock.of("$N", v)));
        String gradient = names.allocate("gradient", "gradient");
        String hessianVector = names.allocate("hessianVector", "hessianVector");
        if (scalars > 0) {
            m.addStatement("double[] $N = new double[$L]", gradient, scalars);
            m.addStatement("double[] $N = new double[$L]", hessianVector, scalars);
        }
        List<String> gradients = zeroedLikeArrays(m, names, gradient);
        List<String> products = zeroedLikeArrays(m, names, hessianVector);
        if (scalars > 0) {
            arguments.add(CodeBlock.of("$N", gradient));
        }
        gradients.forEach(g -> arguments.add(CodeBlock.of("$N", g)));
        if (scalars > 0) {
            arguments.add(CodeBlock.of("$N", hessianVector));
        }
        products.forEach(hv -> arguments.add(CodeBlock.of("$N", hv)));
        m.addStatement("$NHvp($L)", function.name(), CodeBlock.join(arguments, ", "));
        String sum = names.allocate("derivative", "derivative");
        m.addStatement("double $N = 0.0", sum);
        int slot = 0;
        int array = 0;
        for (int k = 0; k < differentiated.size(); k++) {
            Variable p = differentiated.get(k);
            if (p.type() == Type.DOUBLE) {
                m.addStatement("$N += $N * $N[$L] + $N * $N[$L]", sum, tangents.get(k), hessianVector, slot,
                        directionTangents.get(k), gradient, slot);
                slot++;
            } else {
                addDots(m, names, sum, p.type(), tangents.get(k), products.get(array), directionTangents.get(k),
                        gradients.get(array));
                array++;
            }
        }
        return m.addStatement("return $N", sum).build();
    }

    /** Whether {@code f} differentiates a scalar, so that it has partials for a nested gradient. */
    boolean hasScalarPartials() {
        return scalars > 0;
    }

    /**
     * {@code fPartial(parameters..., slot)}: the partial with respect to the differentiated scalar
     * parameter in {@code slot}, from the gradient, by reverse mode. A caller's nested gradient,
     * {@code FGrad.f(parameters, gradient)}, adds one per slot.
     */
    MethodSpec partial() {
        LocalNames names = new LocalNames();
        MethodSpec.Builder m = partialMethod(names, "Partial")
                .addJavadoc("The partial derivative of $L with respect to the differentiated scalar parameter\n"
                        + "in the slot, from its gradient by reverse mode. Generated code of methods calling\n"
                        + "{@code $L(parameters, gradient)} uses it.\n\n", writer.link(), generatedName(""));
        addSlotJavadoc(m, names).addJavadoc("@return the partial derivative\n");
        List<CodeBlock> arguments = names(names, function.parameters());
        arguments.add(CodeBlock.of("1.0"));
        String gradient = names.allocate("gradient", "gradient");
        m.addStatement("double[] $N = new double[$L]", gradient, scalars);
        arguments.add(CodeBlock.of("$N", gradient));
        zeroedLikeArrays(m, names, "gradient").forEach(a -> arguments.add(CodeBlock.of("$N", a)));
        m.addStatement("$NPullback($L)", function.name(), CodeBlock.join(arguments, ", "));
        return m.addStatement("return $N[$N]", gradient, names.allocate("slot", "slot")).build();
    }

    /**
     * {@code fPartialPullback(parameters..., slot, dValue, adjoint storage...)}: adds {@code dValue}
     * times the Hessian's column of the slot into the storage, laid out as {@code f}'s, from one
     * call of {@code fPullbackTangent} along the slot's unit vector.
     */
    MethodSpec partialPullback() {
        LocalNames names = new LocalNames();
        MethodSpec.Builder m = partialMethod(names, "PartialPullback")
                .addJavadoc("The pullback of {@code $L}, a partial derivative of $L: adds {@code dValue}\n"
                        + "times the Hessian's column of the slot into the storage, from one call of\n"
                        + "{@code $L} along the slot's unit vector. Generated code of methods calling\n"
                        + "{@code $L(parameters, gradient)} uses it.\n\n", generatedName("Partial"), writer.link(),
                        generatedName("PullbackTangent"), generatedName(""));
        addSlotJavadoc(m, names);
        String dValue = names.allocate("dValue", "dValue");
        m.addParameter(double.class, dValue);
        String gradient = names.allocate("gradient", "gradient");
        m.addParameter(double[].class, gradient);
        m.addJavadoc("@param $L receives the partials with respect to the scalar parameters, one slot each\n",
                gradient);
        List<String> storage = new ArrayList<>();
        for (Variable p : differentiated) {
            if (p.type().isArray()) {
                String d = names.allocate("d" + ClassMembers.capitalized(p.name()), "storage " + p.name());
                m.addParameter(MethodWriter.typeName(p.type()), d);
                m.addJavadoc("@param $L receives the partials with respect to the elements of $L; same shape\n", d,
                        p.name());
                storage.add(d);
            }
        }
        m.addStatement("$N($S, $N, $L, $S)", helpers.use(Helpers.Helper.CHECK_LENGTH), gradient, gradient, scalars,
                "one slot per differentiated scalar: " + MethodWriter.differentiatedScalarNames(function));
        String slot = names.allocate("slot", "slot");
        List<CodeBlock> arguments = names(names, function.parameters());
        arguments.add(CodeBlock.of("$N", dValue));
        String partials = names.allocate("partials", "partials");
        m.addStatement("double[] $N = new double[$L]", partials, scalars);
        arguments.add(CodeBlock.of("$N", partials));
        zeroedLikeArrays(m, names, "partials").forEach(a -> arguments.add(CodeBlock.of("$N", a)));
        int k = 0;
        for (Variable p : differentiated) {
            if (p.type() == Type.DOUBLE) {
                arguments.add(CodeBlock.of("$N == $L ? 1.0 : 0.0", slot, k++));
            } else {
                String zeros = names.allocate("direction" + ClassMembers.capitalized(p.name()),
                        "direction " + p.name());
                m.addStatement("$T $N = $L", MethodWriter.typeName(p.type()), zeros, zerosLike(p.type(), names.of(p)));
                arguments.add(CodeBlock.of("$N", zeros));
            }
        }
        arguments.add(CodeBlock.of("0.0"));
        arguments.add(CodeBlock.of("$N", gradient));
        storage.forEach(d -> arguments.add(CodeBlock.of("$N", d)));
        return m.addStatement("$NPullbackTangent($L)", function.name(), CodeBlock.join(arguments, ", ")).build();
    }

    /**
     * {@code fPartialTangent(parameters..., slot, tangents...)}: the derivative of the partial of the
     * slot along the tangents, the slot's entry of the Hessian times them (it is symmetric), from
     * one call of {@code fHvp}.
     */
    MethodSpec partialTangent() {
        LocalNames names = new LocalNames();
        MethodSpec.Builder m = partialMethod(names, "PartialTangent")
                .addJavadoc("The tangent of {@code $L}, a partial derivative of $L: the slot's entry\n"
                        + "of the Hessian times the tangents, from one call of {@code $L}. Generated code of\n"
                        + "methods calling {@code $L(parameters, gradient)} uses it.\n\n", generatedName("Partial"),
                        writer.link(), generatedName("Hvp"), generatedName(""));
        addSlotJavadoc(m, names).addJavadoc("@return the derivative of the partial along the tangents\n");
        List<String> tangents = addDirections(m, names, "t");
        List<CodeBlock> arguments = names(names, function.parameters());
        tangents.forEach(t -> arguments.add(CodeBlock.of("$N", t)));
        String gradient = names.allocate("gradient", "gradient");
        String hessianVector = names.allocate("hessianVector", "hessianVector");
        m.addStatement("double[] $N = new double[$L]", gradient, scalars);
        m.addStatement("double[] $N = new double[$L]", hessianVector, scalars);
        arguments.add(CodeBlock.of("$N", gradient));
        zeroedLikeArrays(m, names, "gradient").forEach(a -> arguments.add(CodeBlock.of("$N", a)));
        arguments.add(CodeBlock.of("$N", hessianVector));
        zeroedLikeArrays(m, names, "hessianVector").forEach(a -> arguments.add(CodeBlock.of("$N", a)));
        m.addStatement("$NHvp($L)", function.name(), CodeBlock.join(arguments, ", "));
        return m.addStatement("return $N[$N]", hessianVector, names.allocate("slot", "slot")).build();
    }

    /** A public static method {@code f} + {@code suffix} taking the parameters and the slot. */
    private MethodSpec.Builder partialMethod(LocalNames names, String suffix) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(generatedName(suffix))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(suffix.endsWith("Pullback") ? void.class : double.class);
        addParameters(m, names);
        return m.addParameter(int.class, names.allocate("slot", "slot"));
    }

    private MethodSpec.Builder addSlotJavadoc(MethodSpec.Builder m, LocalNames names) {
        return m.addJavadoc("@param $L the slot of the partial, in order: $L\n", names.allocate("slot", "slot"),
                MethodWriter.differentiatedScalarNames(function));
    }

    /** The name of the generated method {@code f} + {@code suffix}. */
    private String generatedName(String suffix) {
        return function.name() + suffix;
    }

    /** The names of {@code variables}, as arguments. */
    private static List<CodeBlock> names(LocalNames names, List<Variable> variables) {
        List<CodeBlock> arguments = new ArrayList<>();
        variables.forEach(v -> arguments.add(CodeBlock.of("$N", names.of(v))));
        return arguments;
    }

    /**
     * Declares a zeroed array shaped like each differentiated array parameter, named {@code hint}
     * and the parameter, and gives their names.
     */
    private List<String> zeroedLikeArrays(MethodSpec.Builder m, LocalNames names, String hint) {
        List<String> zeroed = new ArrayList<>();
        for (Variable p : arrays()) {
            String array = names.allocate(hint + ClassMembers.capitalized(p.name()), hint + " " + p.name());
            m.addStatement("$T $N = $L", MethodWriter.typeName(p.type()), array, zerosLike(p.type(), names.of(p)));
            zeroed.add(array);
        }
        return zeroed;
    }

    /** The differentiated array parameters, in parameter order. */
    private List<Variable> arrays() {
        return differentiated.stream().filter(p -> p.type().isArray()).toList();
    }

    /** A storage parameter for each differentiated array parameter, named after {@code of}'s entry for it. */
    private List<String> addArrayStorage(MethodSpec.Builder m, LocalNames names, List<String> of) {
        List<String> storage = new ArrayList<>();
        for (int k = 0; k < of.size(); k++) {
            String name = "d" + ClassMembers.capitalized(of.get(k));
            String allocated = names.allocate(name, name);
            m.addParameter(MethodWriter.typeName(arrays().get(k).type()), allocated);
            m.addJavadoc("@param $L receives the partials with respect to the elements of $L; same shape\n",
                    allocated, of.get(k));
            storage.add(allocated);
        }
        return storage;
    }

    /** {@code sum += a·b + c·d}, element by element, for arrays of one shape. */
    private static void addDots(MethodSpec.Builder m, LocalNames names, String sum, Type type, String a, String b,
            String c, String d) {
        addElementwise(m, names, type, at -> CodeBlock.of("$N += $N$L * $N$L + $N$L * $N$L", sum, a, at, b, at, c, at,
                d, at), a);
    }

    /**
     * A statement for each element of {@code shape}, an array or a matrix of the shape of every
     * array the statement names, which {@code statement} writes given the element's indices.
     */
    private static void addElementwise(MethodSpec.Builder m, LocalNames names, Type type,
            UnaryOperator<CodeBlock> statement, String shape) {
        String i = names.allocate("i", "i");
        m.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, shape, i);
        if (type == Type.DOUBLE_ARRAY) {
            m.addStatement(statement.apply(CodeBlock.of("[$N]", i)));
        } else {
            String j = names.allocate("j", "j");
            m.beginControlFlow("for (int $N = 0; $N < $N[$N].length; $N++)", j, j, shape, i, j)
                    .addStatement(statement.apply(CodeBlock.of("[$N][$N]", i, j)))
                    .endControlFlow();
        }
        m.endControlFlow();
    }

    /** A new zeroed array of {@code type} with the shape of {@code array}. */
    private CodeBlock zerosLike(Type type, String array) {
        return type == Type.DOUBLE_ARRAY ? CodeBlock.of("new double[$N.length]", array)
                : CodeBlock.of("$N($N)", helpers.use(Helpers.Helper.ZEROS_LIKE), array);
    }

    private List<String> addParameters(MethodSpec.Builder m, LocalNames names) {
        List<String> parameters = new ArrayList<>();
        for (Variable p : function.parameters()) {
            String name = names.allocate(p.name(), p);
            m.addParameter(MethodWriter.typeName(p.type()), name);
            parameters.add(name);
        }
        return parameters;
    }

    /** One parameter per differentiated parameter, named {@code prefix} and its capitalized name. */
    private List<String> addDirections(MethodSpec.Builder m, LocalNames names, String prefix) {
        List<String> added = new ArrayList<>();
        for (Variable p : differentiated) {
            String name = names.allocate(prefix + ClassMembers.capitalized(p.name()), prefix + " " + p.name());
            m.addParameter(MethodWriter.typeName(p.type()), name);
            added.add(name);
        }
        return added;
    }
}
