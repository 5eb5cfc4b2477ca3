package io.microautograd.processor.parse;

import com.sun.source.tree.MethodTree;
import io.microautograd.Differentiable;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * The {@code outputs} of a method's {@code @Differentiable}: the {@code double[]} parameters whose
 * final contents are outputs of the function. Each must be a parameter of that type, not
 * differentiated, and written by the body; a method with outputs is of order 1.
 */
final class OutputArrays {

    private OutputArrays() {
    }

    /** The names the method's {@code outputs} gives, in order. */
    static List<String> names(ExecutableElement method) {
        Differentiable annotation = method.getAnnotation(Differentiable.class);
        return annotation == null ? List.of() : Arrays.asList(annotation.outputs());
    }

    /**
     * Checks the outputs against the signature, before the body is read: each names a
     * {@code double[]} parameter that {@code wrt} does not name, and the method is of order 1.
     *
     * @param types the parameter types in order, null for a parameter outside the subset
     */
    static void checkSignature(ExecutableElement method, MethodTree tree, List<Type> types, int order,
            Rejections rejections) {
        List<String> outputs = names(method);
        if (outputs.isEmpty()) {
            return;
        }
        String name = method.getSimpleName().toString();
        List<String> arrays = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            VariableElement parameter = method.getParameters().get(i);
            parameters.add(parameter.getSimpleName().toString());
            if (types.get(i) == Type.DOUBLE_ARRAY) {
                arrays.add(parameter.getSimpleName().toString());
            }
        }
        List<String> wrt = Arrays.asList(method.getAnnotation(Differentiable.class).wrt());
        for (String output : outputs) {
            int index = parameters.indexOf(output);
            if (index < 0 || types.get(index) != null && types.get(index) != Type.DOUBLE_ARRAY) {
                rejections.add(new Rejection(Tag.OUTPUTS, DifferentiableArguments.listedName(tree, "outputs", output),
                        "outputs names \"" + output + "\", which is not a double[] parameter of " + name
                        + "; name one of its double[] parameters " + arrays));
            } else if (wrt.contains(output)) {
                rejections.add(new Rejection(Tag.OUTPUTS, DifferentiableArguments.listedName(tree, "wrt", output),
                        "wrt names \"" + output + "\", which is an output of " + name + "; an output is written,"
                        + " not differentiated: take it out of wrt"));
            }
        }
        if (order != 1) {
            rejections.add(new Rejection(Tag.OUTPUTS, DifferentiableArguments.value(tree, "order"), name
                    + " has outputs and order = " + order + "; Jacobians of outputs are first order only:"
                    + " use order = 1, or return a double instead of writing outputs"));
        }
    }

    /**
     * The outputs as the body's parameters, each checked to be written by the body, itself or
     * through a local array that names it.
     */
    static List<Variable> of(ExecutableElement method, MethodTree tree, List<Variable> parameters, Stmt.Block body,
            Rejections rejections) {
        Set<Variable> stored = new HashSet<>();
        Map<Variable, Variable> names = new HashMap<>();
        IrWalk.statements(body, s -> {
            if (s instanceof Stmt.Store store) {
                stored.add(IrWalk.root(store.array()));
            } else if (s instanceof Stmt.Assign a && a.target().type().isArray()
                    && (a.value() instanceof Expr.Read || a.value() instanceof Expr.Element)) {
                names.put(a.target(), IrWalk.root(a.value()));
            }
        });
        for (Variable local : List.copyOf(stored)) {
            Variable named = names.get(local);
            while (named != null && stored.add(named)) {
                named = names.get(named);
            }
        }
        List<Variable> outputs = new ArrayList<>();
        for (String output : names(method)) {
            for (Variable p : parameters) {
                if (!p.name().equals(output) || p.type() != Type.DOUBLE_ARRAY) {
                    continue;
                }
                if (stored.contains(p)) {
                    outputs.add(p);
                } else {
                    rejections.add(new Rejection(Tag.OUTPUTS, DifferentiableArguments.listedName(tree, "outputs",
                            output), "output " + output + " is never written by " + method.getSimpleName()
                            + "; write its elements (" + output + "[i] = ...) or take it out of outputs"));
                }
            }
        }
        return List.copyOf(outputs);
    }
}
