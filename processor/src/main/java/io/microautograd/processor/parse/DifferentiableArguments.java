package io.microautograd.processor.parse;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import io.microautograd.Differentiable;
import java.util.List;

/** Finds the arguments of a method's {@code @Differentiable}, to point a diagnostic at one. */
final class DifferentiableArguments {

    private DifferentiableArguments() {
    }

    /** The string literal {@code name} in the method's {@code member}, else the annotation, else the method. */
    static Tree listedName(MethodTree method, String member, String name) {
        Tree list = value(method, member);
        List<? extends Tree> names = list instanceof NewArrayTree array && array.getInitializers() != null
                ? array.getInitializers() : List.of(list);
        for (Tree candidate : names) {
            if (candidate instanceof LiteralTree literal && name.equals(literal.getValue())) {
                return literal;
            }
        }
        return annotation(method);
    }

    /** The value given to {@code member} in the method's {@code @Differentiable}, else the annotation, else the method. */
    static Tree value(MethodTree method, String member) {
        Tree annotation = annotation(method);
        if (annotation instanceof AnnotationTree differentiable) {
            for (ExpressionTree argument : differentiable.getArguments()) {
                if (argument instanceof AssignmentTree assignment
                        && assignment.getVariable() instanceof IdentifierTree key
                        && key.getName().contentEquals(member)) {
                    return assignment.getExpression();
                }
            }
        }
        return annotation;
    }

    /** The method's {@code @Differentiable}, else the method. */
    private static Tree annotation(MethodTree method) {
        for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
            if (isDifferentiable(annotation.getAnnotationType())) {
                return annotation;
            }
        }
        return method;
    }

    private static boolean isDifferentiable(Tree type) {
        String simple = Differentiable.class.getSimpleName();
        return type instanceof IdentifierTree identifier && identifier.getName().contentEquals(simple)
                || type instanceof MemberSelectTree select && select.getIdentifier().contentEquals(simple);
    }
}
