package io.microautograd.processor.parse;

import com.sun.source.tree.MethodTree;
import io.microautograd.Differentiable;
import javax.lang.model.element.ExecutableElement;

/** The {@code order} of a method's {@code @Differentiable}: which derivatives its generated class offers. */
final class DerivativeOrder {

    /** The highest order there is: Hessian-vector products and Hessians. */
    static final int SECOND = 2;

    private DerivativeOrder() {
    }

    /** The method's order, 1 or 2; another value is recorded in {@code rejections} and read as 1. */
    static int of(ExecutableElement method, MethodTree tree, Rejections rejections) {
        int order = method.getAnnotation(Differentiable.class).order();
        if (order == 1 || order == SECOND) {
            return order;
        }
        rejections.add(new Rejection(Tag.ORDER, DifferentiableArguments.value(tree, "order"), "order = " + order
                + " on @Differentiable method " + method.getSimpleName() + "; use order = 1 (gradients and tangents, "
                + "the default) or order = 2 (also Hessian-vector products and Hessians)"));
        return 1;
    }
}
