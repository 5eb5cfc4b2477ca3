package io.microautograd.processor.ir;

/**
 * Java's float arithmetic in an IR without a float type. A float literal ({@code 2.5f}) and a
 * cast to float are doubles holding the float's value; where Java computes in float (both
 * operands float, or float and an integer), the double operation is followed by the rounding to
 * float ({@link UnaryOp#TO_FLOAT}), which gives exactly Java's float result: double has more than
 * twice float's precision, so rounding the double result again is exact for + - * /. The
 * generated code prints the same literals and casts, so it computes what the source computes.
 */
public final class FloatTyping {

    private FloatTyping() {
    }

    /** {@code left op right}, rounded to float where Java computes it in float. */
    public static Expr arithmetic(BinaryOp op, Expr left, Expr right) {
        Expr binary = new Expr.Binary(op, left, right);
        return isFloat(binary) ? new Expr.Unary(UnaryOp.TO_FLOAT, binary) : binary;
    }

    /**
     * Whether Java types the expression {@code float}: a float literal, a cast to float, and
     * arithmetic, negation, choices, {@code abs}, {@code max} and {@code min} of floats, or of
     * floats and integers.
     */
    public static boolean isFloat(Expr e) {
        if (e instanceof Expr.Literal literal) {
            return literal.text().endsWith("f");
        }
        if (e instanceof Expr.Unary unary) {
            return unary.op() == UnaryOp.TO_FLOAT || unary.op() != UnaryOp.NOT && isFloat(unary.operand());
        }
        if (e instanceof Expr.Binary binary) {
            return !binary.op().isComparisonOrLogical() && promotesToFloat(binary.left(), binary.right());
        }
        if (e instanceof Expr.Conditional c) {
            return promotesToFloat(c.whenTrue(), c.whenFalse());
        }
        if (e instanceof Expr.MathCall call && call.function().keepsIntegerType()) {
            return call.arguments().stream().anyMatch(FloatTyping::isFloat)
                    && call.arguments().stream().noneMatch(FloatTyping::isWideDouble);
        }
        return false;
    }

    private static boolean promotesToFloat(Expr a, Expr b) {
        return (isFloat(a) || isFloat(b)) && !isWideDouble(a) && !isWideDouble(b);
    }

    /** Whether Java types the expression {@code double} (not a float held as a double). */
    private static boolean isWideDouble(Expr e) {
        return e.type() == Type.DOUBLE && !isFloat(e);
    }
}
