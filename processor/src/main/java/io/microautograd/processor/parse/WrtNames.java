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

/**
 * Finds the trees of a method's {@code @Differentiable} arguments (a name in its {@code wrt}, the
 * value of its {@code checkpoints}), to point a diagnostic at them.
 */
final class WrtNames {

    private WrtNames() {
    }

    /** The string literal {@code name} in the method's {@code wrt}, else the annotation, else the method. */
    static Tree at(MethodTree method, String name) {
        Tree value = argument(method, "wrt");
        if (!(value instanceof ExpressionTree given) || value instanceof AnnotationTree) {
            return value;
        }
        List<? extends ExpressionTree> names = given instanceof NewArrayTree array && array.getInitializers() != null
                ? array.getInitializers() : List.of(given);
        for (ExpressionTree candidate : names) {
            if (candidate instanceof LiteralTree literal && name.equals(literal.getValue())) {
                return literal;
            }
        }
        return annotation(method);
    }

    /** The value given for {@code attribute}, else the annotation, else the method. */
    static Tree argument(MethodTree method, String attribute) {
        AnnotationTree annotation = annotation(method);
        if (annotation == null) {
            return method;
        }
        for (ExpressionTree argument : annotation.getArguments()) {
            if (argument instanceof AssignmentTree assignment && assignment.getVariable() instanceof IdentifierTree key
                    && key.getName().contentEquals(attribute)) {
                return assignment.getExpression();
            }
        }
        return annotation;
    }

    private static AnnotationTree annotation(MethodTree method) {
        for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
            if (isDifferentiable(annotation.getAnnotationType())) {
                return annotation;
            }
        }
        return null;
    }

    private static boolean isDifferentiable(Tree type) {
        String simple = Differentiable.class.getSimpleName();
        return type instanceof IdentifierTree identifier && identifier.getName().contentEquals(simple)
                || type instanceof MemberSelectTree select && select.getIdentifier().contentEquals(simple);
    }
}
