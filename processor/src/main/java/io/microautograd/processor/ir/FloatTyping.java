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
     * arithmetic, negation, choices and Math functions of floats, or of floats and integers, as
     * Java's promotion and overloads type them.
     */
    public static boolean isFloat(Expr e) {
        return e.accept(FLOAT);
    }

    private static boolean promotesToFloat(Expr a, Expr b) {
        return (isFloat(a) || isFloat(b)) && !isWideDouble(a) && !isWideDouble(b);
    }

    /** Whether Java types the expression {@code double} (not a float held as a double). */
    static boolean isWideDouble(Expr e) {
        return e.type() == Type.DOUBLE && !isFloat(e);
    }

    private static final Expr.Visitor<Boolean> FLOAT = new Expr.Visitor<>() {
        @Override
        public Boolean literal(Expr.Literal e) {
            return e.text().endsWith("f");
        }

        @Override
        public Boolean read(Expr.Read e) {
            return false;
        }

        @Override
        public Boolean constant(Expr.Constant e) {
            return false;
        }

        @Override
        public Boolean unary(Expr.Unary e) {
            return e.op() == UnaryOp.TO_FLOAT || e.op() != UnaryOp.NOT && isFloat(e.operand());
        }

        @Override
        public Boolean binary(Expr.Binary e) {
            return !e.op().isComparisonOrLogical() && promotesToFloat(e.left(), e.right());
        }

        @Override
        public Boolean conditional(Expr.Conditional e) {
            return promotesToFloat(e.whenTrue(), e.whenFalse());
        }

        @Override
        public Boolean mathCall(Expr.MathCall e) {
            return e.function().returnsFloat(e.arguments());
        }

        @Override
        public Boolean cast(Expr.Cast e) {
            return false;
        }

        @Override
        public Boolean element(Expr.Element e) {
            return false;
        }

        @Override
        public Boolean length(Expr.Length e) {
            return false;
        }

        @Override
        public Boolean call(Expr.Call e) {
            return false;
        }

        @Override
        public Boolean newArray(Expr.NewArray e) {
            return false;
        }

        @Override
        public Boolean arrayLiteral(Expr.ArrayLiteral e) {
            return false;
        }

        @Override
        public Boolean cloneArray(Expr.Clone e) {
            return false;
        }

        @Override
        public Boolean pop(Expr.Pop e) {
            return false;
        }
    };
}
