package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.lit;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Stmt;
import java.util.ArrayList;
import java.util.List;

/** Adjoint arrays shaped like the arrays a method allocates or aliases. */
final class ArrayShapes {

    private ArrayShapes() {
    }

    /**
     * The adjoint of an array value: for a row alias {@code m[i]} the adjoint row {@code dM[i]};
     * for an allocation, a zeroed array of the same shape.
     */
    static Expr adjointOf(Expr value, DiffContext context) {
        if (value instanceof Expr.NewArray n) {
            return n;
        }
        if (value instanceof Expr.ArrayLiteral literal) {
            return zeros(literal);
        }
        return context.adjointArray(value);
    }

    private static Expr zeros(Expr.ArrayLiteral literal) {
        List<Expr> elements = new ArrayList<>();
        for (Expr element : literal.elements()) {
            elements.add(element instanceof Expr.ArrayLiteral inner ? zeros(inner) : lit(0.0));
        }
        return new Expr.ArrayLiteral(literal.type(), List.copyOf(elements));
    }

    /** The reverse of an array initializer: each element gets the adjoint of its slot. */
    static void propagateLiteral(Expr.ArrayLiteral literal, Expr adjoint, ExpressionAdjoints adjoints,
            List<Stmt> out) {
        for (int k = 0; k < literal.elements().size(); k++) {
            Expr element = literal.elements().get(k);
            Expr slot = new Expr.Element(adjoint, lit(k));
            if (element instanceof Expr.ArrayLiteral inner) {
                propagateLiteral(inner, slot, adjoints, out);
            } else {
                adjoints.propagate(element, slot, out);
            }
        }
    }
}
