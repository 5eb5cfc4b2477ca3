package io.microautograd.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.microautograd.processor.diff.Pullback;
import io.microautograd.processor.diff.Tangent;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.MethodFacts;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the members generated for one method {@code f}: the result record, the
 * value-and-gradient method, the accumulating method (which allocates no result), the pullback and
 * the tangent method.
 */
final class MethodWriter {

    private final Pullback pullback;
    private final GradientMethod method;
    private final MethodFacts facts;
    private final Function function;
    private final ClassName source;
    private final Helpers helpers;
    private final ClassMembers members;
    private final LocalNames names = new LocalNames();
    private final KeptArrays keptArrays;
    private final BodyEmitter emitter;
    private final CodeBlock body;
    private final ClassName resultName;

    /**
     * @param members the names of the generated class's fields and records
     */
    MethodWriter(GradientMethod method, ClassName source, Helpers helpers, ClassMembers members) {
        this.method = method;
        this.pullback = method.pullback();
        this.facts = method.facts();
        this.function = pullback.source();
        this.source = source;
        this.helpers = helpers;
        this.members = members;
        this.keptArrays = new KeptArrays(pullback.keptArrays(), names, helpers, function.name(), members);
        this.emitter = new BodyEmitter(names, helpers, function.name(), keptArrays, members);
        emitter.nameSourceVariables(method.sourceVariables(), pullback.body());
        Set<Variable> parameters = new HashSet<>(pullback.adjointStorage());
        parameters.addAll(function.parameters());
        parameters.add(pullback.resultAdjoint());
        this.body = emitter.body(pullback.body(), parameters, pullback.expectedTapeSizes(),
                pullback.tapeReservations(), pullback.tapeSlices());
        this.resultName = ClassName.get("", members.resultRecord(function));
    }

    /** The record holding the value and the partials. */
    TypeSpec result() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addParameter(double.class, valueComponent());
        CodeBlock.Builder doc = CodeBlock.builder().add("The value of $L and its partial derivatives.\n\n", link())
                .add("@param $L the value\n", valueComponent());
        for (Variable p : function.parameters()) {
            if (function.differentiated().contains(p)) {
                constructor.addParameter(typeName(p.type()), p.name());
                doc.add("@param $L the partial derivative with respect to $L$L\n", p.name(), p.name(),
                        p.type().isArray() ? ", element by element" : "");
            }
        }
        return TypeSpec.recordBuilder(resultName.simpleName())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(doc.build())
                .recordConstructor(constructor.build())
                .build();
    }

    /** The fields that keep the pullback's tapes and arrays between calls on a thread; none if it keeps none. */
    List<FieldSpec> keptFields() {
        List<FieldSpec> fields = new ArrayList<>(emitter.tapeFields(pullbackName()));
        fields.addAll(keptArrays.fields(pullbackName()));
        return fields;
    }

    /** {@code f(parameters...)}: the value and every partial, in a new result record. */
    MethodSpec valueAndGradient() {
        MethodSpec.Builder m = MethodSpec.methodBuilder(function.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(resultName)
                .addJavadoc("Computes $L and its gradient in one forward and one reverse sweep.\n\n"
                        + "@return the value and the partial derivative with respect to each differentiated parameter\n",
                        link());
        addSourceParameters(m);
        List<CodeBlock> components = new ArrayList<>();
        if (pullback.gradient() != null) {
            m.addStatement("double[] $N = new double[$L]", names.of(pullback.gradient()),
                    pullback.scalarAdjoints().size());
        }
        int slot = 0;
        for (Variable p : function.parameters()) {
            if (!function.differentiated().contains(p)) {
                continue;
            }
            if (p.type() == Type.DOUBLE) {
                components.add(CodeBlock.of("$N[$L]", names.of(pullback.gradient()), slot++));
            } else {
                Variable d = pullback.arrayAdjoints().get(p);
                if (p.type() == Type.DOUBLE_ARRAY) {
                    m.addStatement("double[] $N = new double[$N.length]", names.of(d), names.of(p));
                } else {
                    m.addStatement("double[][] $N = $N($N)", names.of(d), helpers.use(Helpers.Helper.ZEROS_LIKE),
                            names.of(p));
                }
                components.add(CodeBlock.of("$N", names.of(d)));
            }
        }
        LocalNames wrapperNames = new LocalNames();
        function.parameters().forEach(p -> wrapperNames.allocate(names.of(p), p));
        pullback.adjointStorage().forEach(d -> wrapperNames.allocate(names.of(d), d));
        String value = wrapperNames.allocate("value", "value-and-gradient result");
        m.addStatement("double $N = $L", value, pullbackCall("1.0"));
        components.add(0, CodeBlock.of("$N", value));
        return m.addStatement("return new $T($L)", resultName, CodeBlock.join(components, ", ")).build();
    }

    /** {@code f(parameters..., adjoint storage...)}: the value; partials added into the storage. */
    MethodSpec accumulating() {
        MethodSpec.Builder m = MethodSpec.methodBuilder(function.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(double.class)
                .addJavadoc("Computes $L and <em>adds</em> its partial derivatives into the given storage. It\n"
                        + "allocates only the arrays of the method that cannot be kept between calls, and a tape or\n"
                        + "an array when the thread has kept none that fits from its earlier calls. The caller\n"
                        + "zeroes the storage.\n\n", link())
                .addJavadoc(storageDoc(pullback, names))
                .addJavadoc("@return the value\n");
        addSourceParameters(m);
        addAdjointParameters(m);
        return m.addStatement("return $L", pullbackCall("1.0")).build();
    }

    /** {@code fPullback(parameters..., dValue, adjoint storage...)}, which the other methods call. */
    MethodSpec pullback() {
        MethodSpec.Builder m = MethodSpec.methodBuilder(pullbackName())
                .addAnnotation(FactsAnnotation.of(facts))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(double.class)
                .addJavadoc("The pullback of $L: computes the value and adds {@code $L} times each partial\n"
                        + "derivative into the given storage. Generated code of calling methods uses it.\n\n", link(),
                        names.of(pullback.resultAdjoint()))
                .addJavadoc("@param $N the derivative of the caller's result with respect to this value\n",
                        names.of(pullback.resultAdjoint()))
                .addJavadoc(storageDoc(pullback, names))
                .addJavadoc("@return the value\n");
        addSourceParameters(m);
        m.addParameter(double.class, names.of(pullback.resultAdjoint()));
        addAdjointParameters(m);
        addStorageChecks(m, pullback, names, helpers);
        return m.addCode(AliasChecks.of(function, pullback.separations(), names, helpers)).addCode(body).build();
    }

    /**
     * {@code fTangent(parameters..., tangents...)}: the derivative of the value along the tangents,
     * in one forward sweep with no tape.
     */
    MethodSpec tangent() {
        return tangentMethod(method.tangent(), function.name() + "Tangent", CodeBlock.of("Computes the derivative of"
                + " $L along a direction, the tangents, in one forward\nsweep with no tape: the sum of each partial"
                + " derivative times its parameter's tangent\n(for an array, the sum over its elements). It allocates"
                + " only what the method does, and the\ntangents of the arrays it allocates.\n\n", link()));
    }

    /**
     * A method running {@code tangent}'s body: the parameters, their tangents and the outputs'
     * tangents, if any, as parameters, returning the value's tangent. It has names of its own,
     * since its locals are not the pullback's.
     */
    MethodSpec tangentMethod(Tangent tangent, String name, CodeBlock doc) {
        LocalNames tangentNames = new LocalNames();
        BodyEmitter tangentEmitter = BodyEmitter.keepingNoArrays(tangentNames, helpers, function.name(), method,
                tangent.body(), members);
        MethodSpec.Builder m = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(double.class)
                .addJavadoc(doc);
        for (Variable p : function.parameters()) {
            m.addParameter(typeName(p.type()), tangentNames.of(p));
        }
        Set<Variable> parameters = new HashSet<>(function.parameters());
        for (var entry : tangent.tangents().entrySet()) {
            Variable t = entry.getValue();
            m.addParameter(typeName(t.type()), tangentNames.of(t));
            m.addJavadoc("@param $L the tangent of $L$L\n", tangentNames.of(t), entry.getKey().name(),
                    t.type().isArray() ? ", element by element; same shape" : "");
            parameters.add(t);
        }
        for (var entry : tangent.outputTangents().entrySet()) {
            Variable t = entry.getValue();
            m.addParameter(typeName(t.type()), tangentNames.of(t));
            m.addJavadoc("@param $L receives the tangent of $L, element by element; same length\n",
                    tangentNames.of(t), entry.getKey().name());
            parameters.add(t);
        }
        m.addJavadoc("@return the directional derivative$L\n", tangent.outputTangents().isEmpty() ? ""
                : " of the value");
        if (!tangent.separations().isEmpty()) {
            m.addJavadoc("@throws IllegalArgumentException if an array $L writes into is passed for another\n"
                    + "parameter too, itself or as a row of a matrix, or two rows of a matrix it writes into are\n"
                    + "one array: its derivative is then not this one, which works on a copy$L\n", function.name(),
                    tangent.outputTangents().isEmpty() ? "" : ",\nor an output's tangent is also another argument");
        }
        addShapeChecks(m, tangent.tangents(), tangentNames, helpers);
        addShapeChecks(m, tangent.outputTangents(), tangentNames, helpers);
        m.addCode(AliasChecks.of(function, tangent.separations(), tangentNames, helpers));
        return m.addCode(tangentEmitter.body(tangent.body(), parameters, Map.of(), Map.of(), Map.of())).build();
    }

    /** Checks that the adjoint storage of {@code pullback} has the slots and shapes of its parameters. */
    static void addStorageChecks(MethodSpec.Builder m, Pullback pullback, LocalNames names, Helpers helpers) {
        if (pullback.gradient() != null) {
            m.addStatement("$N($S, $N, $L, $S)", helpers.use(Helpers.Helper.CHECK_LENGTH),
                    names.of(pullback.gradient()), names.of(pullback.gradient()), pullback.scalarAdjoints().size(),
                    "one slot per differentiated scalar: " + differentiatedScalarNames(pullback.source()));
        }
        addShapeChecks(m, pullback.arrayAdjoints(), names, helpers);
    }

    /** Checks that each array given for a parameter's partials or tangent has the parameter's shape. */
    static void addShapeChecks(MethodSpec.Builder m, Map<Variable, Variable> arrays, LocalNames names,
            Helpers helpers) {
        for (var entry : arrays.entrySet()) {
            if (!entry.getKey().type().isArray()) {
                continue;
            }
            String d = names.of(entry.getValue());
            String p = names.of(entry.getKey());
            if (entry.getKey().type() == Type.DOUBLE_ARRAY) {
                m.addStatement("$N($S, $N, $N.length, $S)", helpers.use(Helpers.Helper.CHECK_LENGTH), d, d, p,
                        "the length of " + p);
            } else {
                m.addStatement("$N($S, $N, $N)", helpers.use(Helpers.Helper.CHECK_SHAPE), d, d, p);
            }
        }
    }

    private CodeBlock pullbackCall(String resultAdjoint) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (Variable p : function.parameters()) {
            arguments.add(CodeBlock.of("$N", names.of(p)));
        }
        arguments.add(CodeBlock.of("$L", resultAdjoint));
        for (Variable d : pullback.adjointStorage()) {
            arguments.add(CodeBlock.of("$N", names.of(d)));
        }
        return CodeBlock.of("$N($L)", pullbackName(), CodeBlock.join(arguments, ", "));
    }

    /** The javadoc of the adjoint storage parameters of {@code pullback}, named as {@code names} names them. */
    static CodeBlock storageDoc(Pullback pullback, LocalNames names) {
        CodeBlock.Builder doc = CodeBlock.builder();
        if (pullback.gradient() != null) {
            doc.add("@param $L receives the partials with respect to the scalar parameters, one slot each, in order: "
                    + "$L\n", names.of(pullback.gradient()), differentiatedScalarNames(pullback.source()));
        }
        for (var entry : pullback.arrayAdjoints().entrySet()) {
            doc.add("@param $L receives the partials with respect to the elements of $L; same shape\n",
                    names.of(entry.getValue()), entry.getKey().name());
        }
        return doc.build();
    }

    /** The names of the differentiated scalar parameters, in slot order, comma-separated. */
    static String differentiatedScalarNames(Function function) {
        return function.parameters().stream()
                .filter(p -> p.type() == Type.DOUBLE && function.differentiated().contains(p))
                .map(Variable::name).collect(Collectors.joining(", "));
    }

    private void addSourceParameters(MethodSpec.Builder m) {
        for (Variable p : function.parameters()) {
            m.addParameter(ParameterSpec.builder(typeName(p.type()), names.of(p)).build());
        }
    }

    private void addAdjointParameters(MethodSpec.Builder m) {
        for (Variable d : pullback.adjointStorage()) {
            m.addParameter(typeName(d.type()), names.of(d));
        }
    }

    private String valueComponent() {
        boolean taken = function.parameters().stream().anyMatch(p -> p.name().equals("value"));
        return taken ? "valueOfFunction" : "value";
    }

    String pullbackName() {
        return function.name() + "Pullback";
    }

    /** A javadoc link to the source method. */
    CodeBlock link() {
        String types = function.parameters().stream().map(p -> p.type().javaName()).collect(Collectors.joining(", "));
        return CodeBlock.of("{@link $T#$L($L)}", source, function.name(), types);
    }

    /** The Java type of a value of the given IR type. */
    static TypeName typeName(Type type) {
        return switch (type) {
            case DOUBLE -> TypeName.DOUBLE;
            case INT -> TypeName.INT;
            case LONG -> TypeName.LONG;
            case BOOLEAN -> TypeName.BOOLEAN;
            case DOUBLE_ARRAY -> ArrayTypeName.of(double.class);
            case INT_ARRAY -> ArrayTypeName.of(int.class);
            case STRING -> ClassName.get(String.class);
            case DOUBLE_MATRIX -> ArrayTypeName.of(ArrayTypeName.of(double.class));
        };
    }
}
