package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.ONE;
import static io.microautograd.processor.ir.Exprs.add;
import static io.microautograd.processor.ir.Exprs.binary;
import static io.microautograd.processor.ir.Exprs.call;
import static io.microautograd.processor.ir.Exprs.cond;
import static io.microautograd.processor.ir.Exprs.div;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.mul;
import static io.microautograd.processor.ir.Exprs.neg;
import static io.microautograd.processor.ir.Exprs.sub;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.CustomRule;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.MathFunction;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.UnaryOp;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The derivative rule table: for each primitive (an operator or a Math function), its local
 * partials as IR over its inputs {@code x} and its output {@code y}. Reverse mode uses a row as
 * {@code adj(x_i) += partial_i * adj(y)}. A null partial is zero: piecewise-constant functions
 * and inputs that do not affect the value. At kinks the derivative is fixed: abs'(0) = 0, and at
 * ties max and min send the whole gradient to their first argument. pow(a, b) has derivative 0 in
 * a where b = 0 (it is the constant 1 there, a = 0 included) and 0 in b where a &lt;= 0 (for a &lt; 0
 * it is defined only at integer b, so it has no derivative in b), as the {@code Value} engine has.
 */
public final class DerivativeRules {

    /** One row: the partials of a primitive, aligned with its inputs. */
    @FunctionalInterface
    interface Rule {
        List<Expr> partials(List<Expr> x, Expr y);
    }

    private static final Expr MINUS_ONE = neg(ONE);
    private static final Expr LN_10 = lit(Math.log(10));
    private static final Map<Object, Rule> TABLE = new LinkedHashMap<>();

    static {
        row(BinaryOp.ADD, (x, y) -> List.of(ONE, ONE));                             // d(a+b) = da + db
        row(BinaryOp.SUB, (x, y) -> List.of(ONE, MINUS_ONE));                       // d(a-b) = da - db
        row(BinaryOp.MUL, (x, y) -> List.of(x.get(1), x.get(0)));                   // d(ab) = b da + a db
        row(BinaryOp.DIV, (x, y) -> List.of(div(ONE, x.get(1)), neg(div(y, x.get(1))))); // d(a/b) = da/b - y db/b
        row(UnaryOp.NEG, (x, y) -> List.of(MINUS_ONE));                             // d(-a) = -da
        row(UnaryOp.PLUS, (x, y) -> List.of(ONE));                                  // d(+a) = da
        row(UnaryOp.TO_FLOAT, (x, y) -> List.of(ONE));                              // (float) a: 1, as astype
        row(MathFunction.SIN, (x, y) -> List.of(call(MathFunction.COS, x.get(0))));      // sin' = cos
        row(MathFunction.COS, (x, y) -> List.of(neg(call(MathFunction.SIN, x.get(0))))); // cos' = -sin
        row(MathFunction.TAN, (x, y) -> List.of(add(ONE, mul(y, y))));              // tan' = 1 + y^2
        row(MathFunction.ASIN, (x, y) -> List.of(div(ONE, sqrtOneMinusSquare(x.get(0)))));      // 1/sqrt(1-a^2)
        row(MathFunction.ACOS, (x, y) -> List.of(neg(div(ONE, sqrtOneMinusSquare(x.get(0)))))); // -1/sqrt(1-a^2)
        row(MathFunction.ATAN, (x, y) -> List.of(div(ONE, add(ONE, mul(x.get(0), x.get(0)))))); // 1/(1+a^2)
        row(MathFunction.ATAN2, (x, y) -> List.of(                                  // atan2(a, b):
                overSumOfSquares(x.get(1), x), neg(overSumOfSquares(x.get(0), x)))); // b/(a^2+b^2), -a/(a^2+b^2)
        row(MathFunction.SINH, (x, y) -> List.of(call(MathFunction.COSH, x.get(0)))); // sinh' = cosh
        row(MathFunction.COSH, (x, y) -> List.of(call(MathFunction.SINH, x.get(0)))); // cosh' = sinh
        row(MathFunction.TANH, (x, y) -> List.of(tanhSlope(x.get(0), y)));          // tanh' = 1 - y^2
        row(MathFunction.EXP, (x, y) -> List.of(y));                                // exp' = y
        row(MathFunction.EXPM1, (x, y) -> List.of(call(MathFunction.EXP, x.get(0)))); // expm1' = e^a
        row(MathFunction.LOG, (x, y) -> List.of(div(ONE, x.get(0))));               // log' = 1/a
        row(MathFunction.LOG10, (x, y) -> List.of(div(ONE, mul(x.get(0), LN_10)))); // log10' = 1/(a ln 10)
        row(MathFunction.LOG1P, (x, y) -> List.of(div(ONE, add(ONE, x.get(0)))));   // log1p' = 1/(1+a)
        row(MathFunction.SQRT, (x, y) -> List.of(div(lit(0.5), y)));                // sqrt' = 1/(2y)
        row(MathFunction.CBRT, (x, y) -> List.of(div(ONE, mul(lit(3.0), mul(y, y))))); // cbrt' = 1/(3y^2)
        row(MathFunction.POW, (x, y) -> Arrays.asList(                              // pow(a, b):
                powerRule(x.get(0), x.get(1)),                                      // b a^(b-1), 0 for b = 0,
                cond(binary(BinaryOp.GT, x.get(0), lit(0.0)),                       // y ln a for a > 0, else 0
                        mul(y, call(MathFunction.LOG, x.get(0))), lit(0.0))));
        row(MathFunction.HYPOT, (x, y) -> List.of(div(x.get(0), y), div(x.get(1), y))); // a/y, b/y
        row(MathFunction.FMA, (x, y) -> List.of(x.get(1), x.get(0), ONE));          // fma(a, b, c) = ab + c
        row(MathFunction.TO_RADIANS, (x, y) -> List.of(lit(Math.toRadians(1))));    // a pi/180: pi/180
        row(MathFunction.TO_DEGREES, (x, y) -> List.of(lit(Math.toDegrees(1))));    // a 180/pi: 180/pi
        row(MathFunction.ABS, (x, y) -> List.of(call(MathFunction.SIGNUM, x.get(0)))); // sign(a), 0 at 0
        row(MathFunction.MAX, (x, y) -> choose(binary(BinaryOp.GE, x.get(0), x.get(1)))); // ties: first argument
        row(MathFunction.MIN, (x, y) -> choose(binary(BinaryOp.LE, x.get(0), x.get(1)))); // ties: first argument
        row(MathFunction.COPY_SIGN, (x, y) -> Arrays.asList(mul(                    // |a| sign(b): sign(a) sign(b),
                call(MathFunction.SIGNUM, x.get(0)), call(MathFunction.COPY_SIGN, ONE, x.get(1))), null)); // 0
        row(MathFunction.SCALB, (x, y) -> Arrays.asList(                            // a 2^n: 2^n, which pow
                call(MathFunction.POW, lit(2.0), x.get(1)), null));                 // gives exactly for int n
        row(MathFunction.CLAMP, (x, y) -> List.of(                                  // clamp(v, lo, hi): to v
                cond(binary(BinaryOp.AND, binary(BinaryOp.GE, x.get(0), x.get(1)),   // from lo to hi inclusive,
                        binary(BinaryOp.LE, x.get(0), x.get(2))), ONE, lit(0.0)),
                cond(binary(BinaryOp.LT, x.get(0), x.get(1)), ONE, lit(0.0)),       // to lo below it,
                cond(binary(BinaryOp.GT, x.get(0), x.get(2)), ONE, lit(0.0))));     // to hi above it
        row(MathFunction.SIGNUM, (x, y) -> zero());                                 // piecewise constant
        row(MathFunction.FLOOR, (x, y) -> zero());                                  // piecewise constant
        row(MathFunction.CEIL, (x, y) -> zero());                                   // piecewise constant
        row(MathFunction.RINT, (x, y) -> zero());                                   // piecewise constant
        row(MathFunction.ROUND, (x, y) -> zero());                                  // piecewise constant
        row(MathFunction.FLOOR_DIV, (x, y) -> Arrays.asList(null, null));           // integer arithmetic
        row(MathFunction.FLOOR_MOD, (x, y) -> Arrays.asList(null, null));           // integer arithmetic
    }

    private DerivativeRules() {
    }

    private static void row(Object primitive, Rule rule) {
        TABLE.put(primitive, rule);
    }

    /**
     * The partials of a primitive at inputs {@code x} with output {@code y}. The inputs are
     * double expressions, whatever the types of the operands they stand for, so every row
     * computes in double.
     *
     * @param primitive a {@link BinaryOp} (+ - * /), a {@link UnaryOp} (- + and the cast to float),
     *     a {@link MathFunction} or a user's {@link CustomRule}
     * @throws IllegalArgumentException when the table has no row for it
     */
    public static List<Expr> partials(Object primitive, List<Expr> x, Expr y) {
        Rule rule = primitive instanceof CustomRule custom ? userRow(custom) : TABLE.get(primitive);
        if (rule == null) {
            throw new IllegalArgumentException("no derivative rule for " + primitive);
        }
        return rule.partials(x, y);
    }

    /**
     * The primitive a call is, whose row differentiates it: the function of a Math call, the
     * partials rule of a call of a method with one; null for anything else.
     */
    static Object primitiveOf(Expr e) {
        if (e instanceof Expr.MathCall m) {
            return m.function();
        }
        return e instanceof Expr.Call c ? c.callee().rule() : null;
    }

    /** Whether {@code e} is a call whose row reads its output: a Math call of exp, tanh, ..., or a user's such rule. */
    static boolean readsOutputOf(Expr e) {
        Object primitive = primitiveOf(e);
        return primitive != null && readsOutput(primitive);
    }

    /** Whether a primitive's row reads its output {@code y} (exp, tanh, sqrt, ...). */
    public static boolean readsOutput(Object primitive) {
        int arity = primitive instanceof MathFunction f ? f.arity() : primitive instanceof UnaryOp ? 1
                : primitive instanceof CustomRule custom ? custom.partials().size() : 2;
        List<Expr> inputs = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            inputs.add(new Expr.Read(new Variable("x" + i, Type.DOUBLE, -1 - i, Variable.Role.GENERATED)));
        }
        Variable output = new Variable("y", Type.DOUBLE, -10, Variable.Role.GENERATED);
        boolean[] found = {false};
        for (Expr partial : partials(primitive, inputs, new Expr.Read(output))) {
            if (partial != null) {
                IrWalk.expressions(partial, e -> found[0] |= e instanceof Expr.Read r && r.variable().equals(output));
            }
        }
        return found[0];
    }

    /** Every primitive with a row, in table order. */
    public static Set<Object> primitives() {
        return Collections.unmodifiableSet(TABLE.keySet());
    }

    /**
     * The row of a user's {@code @Derivative} rules: partial i is a call of the user's method for
     * it on the inputs, and on the output when it takes it; null where the user gave none.
     */
    private static Rule userRow(CustomRule custom) {
        return (x, y) -> {
            List<Expr> partials = new ArrayList<>();
            for (CustomRule.PartialMethod method : custom.partials()) {
                List<Expr> arguments = new ArrayList<>(x);
                if (method != null && method.takesValue()) {
                    arguments.add(y);
                }
                partials.add(method == null ? null : new Expr.Call(new Callee(method.ownerClass(), null, method.name(),
                        List.of(), Collections.nCopies(arguments.size(), Type.DOUBLE),
                        Collections.nCopies(arguments.size(), false), Type.DOUBLE), List.copyOf(arguments)));
            }
            return partials;
        };
    }

    /** sqrt(1 - a^2) as sqrt((1 - a)(1 + a)): near |a| = 1, where 1 - a*a cancels, each factor is exact or nearly. */
    private static Expr sqrtOneMinusSquare(Expr a) {
        return call(MathFunction.SQRT, mul(sub(ONE, a), add(ONE, a)));
    }

    /** c / (a^2 + b^2) as c / r / r with r = hypot(a, b), whose squares neither overflow nor underflow. */
    private static Expr overSumOfSquares(Expr c, List<Expr> x) {
        Expr r = call(MathFunction.HYPOT, x.get(0), x.get(1));
        return div(div(c, r), r);
    }

    /**
     * tanh'(a) = 1 - y^2 as e^(-2|a|) (1 + |y|)^2: the same number without the cancellation that
     * leaves 1 - y^2 with no correct digit once y rounds to within a few ulps of 1.
     */
    private static Expr tanhSlope(Expr a, Expr y) {
        Expr onePlusAbsY = add(ONE, call(MathFunction.ABS, y));
        return mul(call(MathFunction.EXP, mul(lit(-2.0), call(MathFunction.ABS, a))),
                mul(onePlusAbsY, onePlusAbsY));
    }

    /**
     * b a^(b-1), and 0 where b = 0: pow(a, 0) is the constant 1, though 0 a^-1 is NaN at a = 0.
     * A literal exponent decides at compile time (null: the literal 0 leaves no dependence on a).
     */
    private static Expr powerRule(Expr a, Expr b) {
        Expr general = mul(b, call(MathFunction.POW, a, sub(b, ONE)));
        if (b instanceof Expr.Literal l) {
            return Double.parseDouble(l.text()) == 0 ? null : general;
        }
        return cond(binary(BinaryOp.EQ, b, lit(0.0)), lit(0.0), general);
    }

    private static List<Expr> choose(Expr firstWins) {
        return List.of(cond(firstWins, ONE, lit(0.0)), cond(firstWins, lit(0.0), ONE));
    }

    private static List<Expr> zero() {
        return Arrays.asList((Expr) null);
    }
}
