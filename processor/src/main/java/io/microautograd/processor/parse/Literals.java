package io.microautograd.processor.parse;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Type;

/**
 * Turns constant values into IR literals that Java reads back as exactly the same value. A float
 * constant keeps its {@code f}: it is a double of the float's value
 * ({@link io.microautograd.processor.ir.FloatTyping}).
 */
final class Literals {

    private Literals() {
    }

    /** The literal for a constant of the given type. */
    static Expr of(Object value, Type type) {
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return new Expr.Constant("java.lang.Double", "NaN", Type.DOUBLE);
            }
            if (d.isInfinite()) {
                return new Expr.Constant("java.lang.Double", d > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY",
                        Type.DOUBLE);
            }
            return new Expr.Literal(Double.toString(d), Type.DOUBLE);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? new Expr.Literal(f + "f", Type.DOUBLE) : of((double) f, Type.DOUBLE);
        }
        if (value instanceof Long l) {
            return new Expr.Literal(l + "L", Type.LONG);
        }
        return new Expr.Literal(String.valueOf(value), type);
    }
}
