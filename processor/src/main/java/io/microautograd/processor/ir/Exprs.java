package io.microautograd.processor.ir;

import java.util.List;

/** Short constructors for IR expressions, so that derivative rules read like the maths. */
public final class Exprs {

    /** The double literal 1. */
    public static final Expr ONE = lit(1.0);

    private Exprs() {
    }

    /** A double literal. */
    public static Expr lit(double value) {
        return new Expr.Literal(Double.toString(value), Type.DOUBLE);
    }

    /** An int literal. */
    public static Expr lit(int value) {
        return new Expr.Literal(Integer.toString(value), Type.INT);
    }

    /** The value of a variable. */
    public static Expr read(Variable variable) {
        return new Expr.Read(variable);
    }

    /** {@code a + b}. */
    public static Expr add(Expr a, Expr b) {
        return arithmetic(BinaryOp.ADD, a, b);
    }

    /** {@code a - b}. */
    public static Expr sub(Expr a, Expr b) {
        return arithmetic(BinaryOp.SUB, a, b);
    }

    /**
     * {@code a * b}, dropping a factor that is the literal 1 and pulling out negations, so that two
     * cancel: {@code (-a) * b} is {@code -(a * b)} to the bit, since rounding is symmetric. A
     * factor {@code 1 / c} divides instead, {@code a / c}, which rounds once where {@code a * (1 / c)}
     * rounds twice: the adjoint through a quotient as the {@code Value} engine computes it.
     */
    public static Expr mul(Expr a, Expr b) {
        if (isOne(a)) {
            return b;
        }
        if (isOne(b)) {
            return a;
        }
        if (a instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            return neg(mul(u.operand(), b));
        }
        if (b instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            return neg(mul(a, u.operand()));
        }
        if (b instanceof Expr.Binary quotient && quotient.op() == BinaryOp.DIV && isOne(quotient.left())) {
            return div(a, quotient.right());
        }
        return arithmetic(BinaryOp.MUL, a, b);
    }

    /** {@code a / b}. */
    public static Expr div(Expr a, Expr b) {
        return arithmetic(BinaryOp.DIV, a, b);
    }

    /**
     * The value of a numeric expression as a double, as Java converts an int or long: the
     * expression itself when it is a double, the double literal of an int or long literal, else
     * a cast of the whole expression (so {@code (double) (n * n)} keeps the int product the
     * source computes).
     */
    public static Expr asDouble(Expr e) {
        if (e.type() == Type.DOUBLE) {
            return e;
        }
        if (e instanceof Expr.Literal l) {
            return lit((double) l.integerValue());
        }
        return new Expr.Cast(Type.DOUBLE, e);
    }

    /**
     * {@code a op b}, leaving out a cast of an int or long operand to double where the other
     * operand is a double that is not such a cast: Java's numeric promotion converts it just so.
     */
    private static Expr arithmetic(BinaryOp op, Expr a, Expr b) {
        return new Expr.Binary(op, promoted(a, b), promoted(b, a));
    }

    private static Expr promoted(Expr operand, Expr other) {
        return isWidened(operand) && other.type() == Type.DOUBLE && !isWidened(other)
                ? ((Expr.Cast) operand).operand() : operand;
    }

    private static boolean isWidened(Expr e) {
        return e instanceof Expr.Cast c && c.type() == Type.DOUBLE && c.operand().type() != Type.DOUBLE;
    }

    /** {@code -a}, cancelling a double negation. */
    public static Expr neg(Expr a) {
        if (a instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            return u.operand();
        }
        return new Expr.Unary(UnaryOp.NEG, a);
    }

    /** A comparison or other binary operator. */
    public static Expr binary(BinaryOp op, Expr a, Expr b) {
        return new Expr.Binary(op, a, b);
    }

    /** {@code condition ? a : b}. */
    public static Expr cond(Expr condition, Expr a, Expr b) {
        return new Expr.Conditional(condition, a, b);
    }

    /** A Math function call. */
    public static Expr call(MathFunction function, Expr... arguments) {
        return new Expr.MathCall(function, List.of(arguments));
    }

    /** Whether an expression is the double literal 1. */
    public static boolean isOne(Expr e) {
        return e instanceof Expr.Literal l && l.text().equals("1.0");
    }

    /** Whether reading the expression twice costs nothing worth a temporary. */
    public static boolean isTrivial(Expr e) {
        return e instanceof Expr.Read || e instanceof Expr.Literal || e instanceof Expr.Constant
                || e instanceof Expr.Unary u && isTrivial(u.operand());
    }
}
