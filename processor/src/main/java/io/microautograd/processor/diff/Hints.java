package io.microautograd.processor.diff;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.MathFunction;
import io.microautograd.processor.ir.UnaryOp;
import java.util.Locale;

/**
 * Names for the variables differentiation introduces, taken from what they hold, so that the
 * generated code reads like a person's: a temporary holding {@code Math.exp(z)} is {@code exp},
 * one holding {@code 1 + y * y} a {@code sum}, the element {@code a[s]} is {@code aS}, the adjoint
 * of a product {@code dProduct}; the decision of {@code if (x > y)} is {@code xAboveY}. The
 * emitter numbers a name that is taken.
 */
final class Hints {

    private Hints() {
    }

    /** A name for a temporary holding the value of {@code e}. */
    static String of(Expr e) {
        if (e instanceof Expr.Read r) {
            return r.variable().name();
        }
        if (e instanceof Expr.Element el) {
            String array = of(el.array());
            return el.index() instanceof Expr.Read i ? array + capitalized(i.variable().name()) : array + "Element";
        }
        if (e instanceof Expr.MathCall m) {
            return m.function().javaName();
        }
        if (e instanceof Expr.Call c) {
            return c.callee().name();
        }
        if (e instanceof Expr.Cast c) {
            return of(c.operand());
        }
        if (e instanceof Expr.Length l) {
            return of(l.array()) + "Length";
        }
        if (e instanceof Expr.Literal || e instanceof Expr.Constant) {
            return "constant";
        }
        if (e instanceof Expr.Unary u) {
            return u.op() == UnaryOp.NEG ? "negated" + capitalized(of(u.operand())) : of(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return result(b.op());
        }
        return e instanceof Expr.Conditional ? "choice" : "value";
    }

    /** A name for the output of a primitive: the function's name, or what the operator gives. */
    static String output(Object primitive) {
        if (primitive instanceof MathFunction f) {
            return f.javaName();
        }
        if (primitive instanceof BinaryOp op) {
            return result(op);
        }
        return primitive == UnaryOp.NEG ? "negation" : "value";
    }

    /** A name for a temporary holding the adjoint of {@code e}. */
    static String adjoint(Expr e) {
        return "d" + capitalized(of(e));
    }

    /**
     * A name for the decision of an {@code if}, from a comparison of a variable with a variable,
     * a constant or a small integer ({@code activationIsTanh}, {@code marginAboveZero}); else
     * {@code branch}.
     */
    static String decision(Expr condition) {
        if (!(condition instanceof Expr.Binary b) || !(b.left() instanceof Expr.Read left)) {
            return "branch";
        }
        String relation = switch (b.op()) {
            case EQ -> "Is";
            case NE -> "IsNot";
            case LT -> "Below";
            case LE -> "AtMost";
            case GT -> "Above";
            case GE -> "AtLeast";
            default -> null;
        };
        String right = b.right() instanceof Expr.Read r ? capitalized(r.variable().name())
                : b.right() instanceof Expr.Constant c ? camelCase(c.field())
                : b.right() instanceof Expr.Literal l ? number(l.text()) : null;
        return relation == null || right == null ? "branch" : left.variable().name() + relation + right;
    }

    private static String result(BinaryOp op) {
        return switch (op) {
            case ADD -> "sum";
            case SUB -> "difference";
            case MUL -> "product";
            case DIV -> "quotient";
            case REM -> "remainder";
            default -> "test";
        };
    }

    private static String number(String literal) {
        return switch (literal.replaceAll("[.]0*$|[dDfFlL]$", "")) {
            case "0" -> "Zero";
            case "1" -> "One";
            case "-1" -> "MinusOne";
            case "2" -> "Two";
            default -> null;
        };
    }

    /** {@code BINARY_CROSS_ENTROPY} as {@code BinaryCrossEntropy}, {@code limit} as {@code Limit}. */
    private static String camelCase(String field) {
        if (!field.equals(field.toUpperCase(Locale.ROOT))) {
            return capitalized(field);
        }
        StringBuilder name = new StringBuilder();
        for (String word : field.toLowerCase(Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                name.append(capitalized(word));
            }
        }
        return name.toString();
    }

    static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
