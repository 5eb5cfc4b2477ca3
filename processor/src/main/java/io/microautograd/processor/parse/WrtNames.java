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

/** Finds a name in the {@code wrt} of a method's {@code @Differentiable}, to point a diagnostic at it. */
final class WrtNames {

    private WrtNames() {
    }

    /** The string literal {@code name} in the method's {@code wrt}, else the annotation, else the method. */
    static Tree at(MethodTree method, String name) {
        for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
            if (!isDifferentiable(annotation.getAnnotationType())) {
                continue;
            }
            for (ExpressionTree argument : annotation.getArguments()) {
                if (argument instanceof AssignmentTree assignment
                        && assignment.getVariable() instanceof IdentifierTree key
                        && key.getName().contentEquals("wrt")) {
                    ExpressionTree value = assignment.getExpression();
                    List<? extends ExpressionTree> names = value instanceof NewArrayTree array
                            && array.getInitializers() != null ? array.getInitializers() : List.of(value);
                    for (ExpressionTree candidate : names) {
                        if (candidate instanceof LiteralTree literal && name.equals(literal.getValue())) {
                            return literal;
                        }
                    }
                }
            }
            return annotation;
        }
        return method;
    }

    private static boolean isDifferentiable(Tree type) {
        String simple = Differentiable.class.getSimpleName();
        return type instanceof IdentifierTree identifier && identifier.getName().contentEquals(simple)
                || type instanceof MemberSelectTree select && select.getIdentifier().contentEquals(simple);
    }
}
