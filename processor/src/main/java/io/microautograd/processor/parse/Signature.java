package io.microautograd.processor.parse;

import com.sun.source.tree.MethodTree;
import io.microautograd.Differentiable;
import io.microautograd.processor.ir.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * The parameters of a {@code @Differentiable} method, their types and which are differentiated;
 * reading one checks that the annotation is used on a method it fits.
 *
 * @param types the parameter types in order
 * @param differentiated for each parameter, whether it is differentiated
 */
public record Signature(List<Type> types, List<Boolean> differentiated) {

    /**
     * Reads and checks an annotated method, recording each problem in {@code rejections}: the
     * types of parameters whose type is outside the subset are null, and such parameters are
     * not differentiated.
     */
    static Signature of(ExecutableElement method, MethodTree tree, Rejections rejections) {
        String name = method.getSimpleName().toString();
        if (method.getModifiers().contains(Modifier.ABSTRACT) || method.getModifiers().contains(Modifier.NATIVE)) {
            rejections.add(new Rejection(Tag.NO_BODY, tree, "@Differentiable method " + name
                    + " has no body to differentiate; annotate a static method with a body"));
        }
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            rejections.add(new Rejection(Tag.NOT_STATIC, tree, "@Differentiable method " + name
                    + " must be static; only static methods are supported"));
        }
        if (method.getReturnType().getKind() != TypeKind.DOUBLE) {
            rejections.add(new Rejection(Tag.RETURN_TYPE, tree, "@Differentiable method " + name + " returns "
                    + method.getReturnType() + "; it must return double"));
        }
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < method.getParameters().size(); i++) {
            int index = i;
            types.add(rejections.attempt(() -> parameterType(method, tree, index)));
        }
        int checkpoints = method.getAnnotation(Differentiable.class).checkpoints();
        if (checkpoints < Differentiable.AUTOMATIC) {
            rejections.add(new Rejection(Tag.CHECKPOINT, DifferentiableArguments.value(tree, "checkpoints"),
                    "checkpoints = " + checkpoints + " is no number of snapshots; give a positive number, 0 to tape"
                    + " every loop, or Differentiable.AUTOMATIC to let the processor choose"));
        }
        List<Boolean> differentiated = differentiatedFlags(method, types, tree, rejections);
        if (!types.contains(null) && !differentiated.contains(true)) {
            rejections.add(new Rejection(Tag.NOTHING_TO_DIFFERENTIATE, tree, "@Differentiable method " + name
                    + " has no parameter to differentiate; give it a double, double[] or double[][] parameter"));
        }
        return new Signature(Collections.unmodifiableList(types), List.copyOf(differentiated));
    }

    private static Type parameterType(ExecutableElement method, MethodTree tree, int i) {
        VariableElement parameter = method.getParameters().get(i);
        Optional<Type> type = Types.of(parameter.asType());
        if (type.isEmpty() && IntArrays.isIntArray(parameter.asType())) {
            throw IntArrays.nestedParameter(tree.getParameters().get(i), parameter.getSimpleName(),
                    parameter.asType());
        }
        return type.orElseThrow(() -> new Rejection(Tag.UNSUPPORTED_TYPE, tree.getParameters().get(i), "parameter "
                + parameter.getSimpleName() + " has type " + parameter.asType() + "; supported parameter types are "
                + Types.SUPPORTED_PARAMETERS));
    }

    /**
     * The signature of a method another differentiable method calls, or empty when its
     * parameter or return types are outside the subset.
     */
    public static Optional<Signature> ofCallee(ExecutableElement method) {
        List<Type> types = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            Optional<Type> type = Types.of(parameter.asType());
            if (type.isEmpty()) {
                return Optional.empty();
            }
            types.add(type.get());
        }
        List<Boolean> flags = new ArrayList<>();
        Differentiable annotation = method.getAnnotation(Differentiable.class);
        List<String> wrt = annotation == null ? List.of() : Arrays.asList(annotation.wrt());
        List<String> outputs = OutputArrays.names(method);
        for (int i = 0; i < types.size(); i++) {
            String name = method.getParameters().get(i).getSimpleName().toString();
            flags.add(annotation != null && Types.isDifferentiable(types.get(i))
                    && (wrt.isEmpty() || wrt.contains(name)) && !outputs.contains(name));
        }
        return Optional.of(new Signature(List.copyOf(types), List.copyOf(flags)));
    }

    private static List<Boolean> differentiatedFlags(ExecutableElement method, List<Type> types, MethodTree tree,
            Rejections rejections) {
        List<String> wrt = Arrays.asList(method.getAnnotation(Differentiable.class).wrt());
        List<String> names = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            names.add(parameter.getSimpleName().toString());
        }
        for (String wanted : wrt) {
            int index = names.indexOf(wanted);
            if (index < 0 || types.get(index) != null && !Types.isDifferentiable(types.get(index))) {
                rejections.add(new Rejection(Tag.UNKNOWN_WRT, DifferentiableArguments.listedName(tree, "wrt", wanted),
                        "wrt names \"" + wanted + "\", which is not a double, double[] or double[][] parameter of " + method.getSimpleName()
                        + "; name one of its parameters " + names));
            }
        }
        List<String> outputs = OutputArrays.names(method);
        List<Boolean> flags = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            flags.add(types.get(i) != null && Types.isDifferentiable(types.get(i))
                    && (wrt.isEmpty() || wrt.contains(names.get(i))) && !outputs.contains(names.get(i)));
        }
        return flags;
    }
}
