package io.microautograd.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.microautograd.processor.ir.CustomRule;
import io.microautograd.processor.ir.RuleOperation;
import io.microautograd.processor.ir.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.Generated;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes the {@code Value} operations of the {@code @Derivative} and {@code @Pullback} rules one
 * class declares, so that one declaration serves both paths: for each method with a partial for
 * every parameter, a constant {@code Op} made from the method and its rules, and a method applying
 * it to nodes; for each method with a pullback, a method of the target's name and parameters, with
 * nodes for its doubles, that makes one node of an {@code ArrayOperation} calling the target and
 * the rule.
 */
public final class OperationClassWriter {

    private static final ClassName OP = ClassName.get("io.microautograd.engine", "Op");
    private static final ClassName VALUE = ClassName.get("io.microautograd.engine", "Value");
    private static final ClassName ARRAY_OPERATION = ClassName.get("io.microautograd.engine", "ArrayOperation");

    private OperationClassWriter() {
    }

    /** The name of the class of operations of the rules of {@code rules}: theirs with the suffix {@code Ops}. */
    public static ClassName nameOf(TypeElement rules) {
        ClassName name = ClassName.get(rules);
        return ClassName.get(name.packageName(), String.join("", name.simpleNames()) + "Ops");
    }

    /**
     * The Java file of the operations of the rules {@code rules} declares.
     *
     * @param rules the class declaring the rules, the generated file's originating element
     * @param operations the methods whose rules are complete, in declaration order
     * @param processorName the processor's name for {@code @Generated}
     */
    public static JavaFile write(TypeElement rules, List<RuleOperation> operations, String processorName) {
        ClassName generated = nameOf(rules);
        TypeSpec.Builder type = TypeSpec.classBuilder(generated)
                .addOriginatingElement(rules)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(AnnotationSpec.builder(Generated.class).addMember("value", "$S", processorName).build())
                .addJavadoc("Operations of the {@code Value} engine made from the {@code @Derivative} and\n"
                        + "{@code @Pullback} rules of {@link $T}: the same rules the compiled gradients use, for\n"
                        + "models built as graphs, and for {@code GradientCheck.check(Op, points)}, which checks a\n"
                        + "rule against finite differences.\n", ClassName.get(rules))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        Set<String> fields = new HashSet<>();
        for (RuleOperation operation : operations) {
            if (operation.pullback() != null) {
                type.addMethod(pullbackMethod(operation));
                continue;
            }
            String field = constantName(operation.name());
            if (!fields.add(field)) {
                field = field + "_" + operation.parameterNames().size();
                fields.add(field);
            }
            ClassName target = ClassName.bestGuess(operation.targetClass());
            FieldSpec op = FieldSpec.builder(opType(operation), field, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("{@link $T#$L} as an operation, differentiated by its {@code @Derivative} rules.\n",
                            target, operation.name())
                    .initializer(operationOf(operation, target)).build();
            type.addField(op);
            MethodSpec.Builder apply = MethodSpec.methodBuilder(operation.name())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(VALUE)
                    .addJavadoc("{@link $T#$L} of nodes: a node of the operation {@link #$N}.\n", target,
                            operation.name(), op);
            for (String parameter : operation.parameterNames()) {
                apply.addParameter(VALUE, parameter);
            }
            apply.addStatement("return $N.apply($L)", op, String.join(", ", operation.parameterNames()));
            type.addMethod(apply.build());
        }
        return JavaFile.builder(generated.packageName(), type.build()).skipJavaLangImports(true).indent("    ")
                .build();
    }

    /**
     * {@code weighted(Value[] a, Value[][] m, Value s, int n)}: a node of the target at nodes, in
     * arrays as it takes numbers, whose backward calls the pullback rule.
     */
    private static MethodSpec pullbackMethod(RuleOperation operation) {
        ClassName target = ClassName.bestGuess(operation.targetClass());
        ClassName rule = ClassName.bestGuess(operation.pullback().ownerClass());
        NameAllocator names = new NameAllocator();
        operation.parameterNames().forEach(p -> names.newName(p, p));
        String x = names.newName("x");
        String seed = names.newName("seed");
        String adjoints = names.newName("adjoints");
        MethodSpec.Builder method = MethodSpec.methodBuilder(operation.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(VALUE)
                .addJavadoc("{@link $T#$L} of nodes: one node of the operation $S, differentiated by its\n"
                        + "{@code @Pullback} rule {@link $T#$L}. Gradients through it cannot be differentiated\n"
                        + "again ({@code Value.differentiate}), as the rule is in doubles.\n", target, operation.name(),
                        operation.name(), rule, operation.pullback().name());
        CodeBlock.Builder inputs = CodeBlock.builder().add("new $T($S)", ARRAY_OPERATION, operation.name());
        List<CodeBlock> arguments = new ArrayList<>();
        List<CodeBlock> adjointArrays = new ArrayList<>();
        boolean scalars = false;
        int input = 0;
        for (int i = 0; i < operation.parameterNames().size(); i++) {
            String parameter = operation.parameterNames().get(i);
            Type type = operation.parameterTypes().get(i);
            if (type == Type.DOUBLE || type.isArray()) {
                String kind = type == Type.DOUBLE ? "scalar" : type == Type.DOUBLE_ARRAY ? "vector" : "matrix";
                method.addParameter(type == Type.DOUBLE ? VALUE : type == Type.DOUBLE_ARRAY ? ArrayTypeName.of(VALUE)
                        : ArrayTypeName.of(ArrayTypeName.of(VALUE)), parameter);
                inputs.add(".$L($S, $N)", kind, parameter, parameter);
                arguments.add(CodeBlock.of("$N.$L($L)", x, kind, input));
                if (type.isArray()) {
                    adjointArrays.add(CodeBlock.of("$N.$L($L)", adjoints, kind, input));
                }
                scalars |= type == Type.DOUBLE;
                input++;
            } else if (type == Type.INT_ARRAY) {
                method.addParameter(int[].class, parameter);
                String copy = names.newName(parameter + "AtCall");
                method.addStatement("int[] $N = $N.clone()", copy, parameter);
                arguments.add(CodeBlock.of("$N", copy));
            } else {
                method.addParameter(TypeName.get(type == Type.INT ? int.class : type == Type.LONG ? long.class
                        : boolean.class), parameter);
                arguments.add(CodeBlock.of("$N", parameter));
            }
        }
        List<CodeBlock> ruleArguments = new ArrayList<>(arguments);
        ruleArguments.add(CodeBlock.of("$N", seed));
        if (scalars) {
            ruleArguments.add(CodeBlock.of("$N.scalars()", adjoints));
        }
        ruleArguments.addAll(adjointArrays);
        return method.addStatement("return $L.apply(\n$N -> $T.$L($L),\n($N, $N, $N) -> $T.$L($L))", inputs.build(), x,
                target, operation.name(), CodeBlock.join(arguments, ",$W"), x, seed, adjoints, rule,
                operation.pullback().name(), CodeBlock.join(ruleArguments, ",$W")).build();
    }

    private static ClassName opType(RuleOperation operation) {
        int arity = operation.parameterNames().size();
        return OP.nestedClass(arity == 1 ? "Unary" : arity == 2 ? "Binary" : "Nary");
    }

    private static CodeBlock operationOf(RuleOperation operation, ClassName target) {
        int arity = operation.parameterNames().size();
        List<CodeBlock> partials = new ArrayList<>();
        if (arity == 1 || arity == 2) {
            List<String> inputs = arity == 1 ? List.of("x") : List.of("a", "b");
            String lambda = arity == 1 ? "(x, y)" : "(a, b, y)";
            for (CustomRule.PartialMethod partial : operation.partials().partials()) {
                partials.add(CodeBlock.of("$L -> $L", lambda, call(partial, inputs)));
            }
            return CodeBlock.of("$T.$L($S, $T::$L, $L)", OP, arity == 1 ? "unary" : "binary", operation.name(), target,
                    operation.name(), CodeBlock.join(partials, ", "));
        }
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            inputs.add("x[" + i + "]");
        }
        for (CustomRule.PartialMethod partial : operation.partials().partials()) {
            partials.add(call(partial, inputs));
        }
        return CodeBlock.of("$T.nary($S, x -> $T.$L($L), (x, y) -> new double[] {$L})", OP, operation.name(), target,
                operation.name(), String.join(", ", inputs), CodeBlock.join(partials, ", "));
    }

    private static CodeBlock call(CustomRule.PartialMethod partial, List<String> inputs) {
        List<String> arguments = new ArrayList<>(inputs);
        if (partial.takesValue()) {
            arguments.add("y");
        }
        return CodeBlock.of("$T.$L($L)", ClassName.bestGuess(partial.ownerClass()), partial.name(),
                String.join(", ", arguments));
    }

    /** {@code logGamma} as {@code LOG_GAMMA}. */
    private static String constantName(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
