package io.microautograd.accuracy;

import static io.microautograd.accuracy.HighPrecision.cbrt;
import static io.microautograd.accuracy.HighPrecision.cos;
import static io.microautograd.accuracy.HighPrecision.divide;
import static io.microautograd.accuracy.HighPrecision.exp;
import static io.microautograd.accuracy.HighPrecision.log;
import static io.microautograd.accuracy.HighPrecision.of;
import static io.microautograd.accuracy.HighPrecision.pow;
import static io.microautograd.accuracy.HighPrecision.sin;
import static io.microautograd.accuracy.HighPrecision.sqrt;
import static java.math.BigDecimal.ONE;
import static java.math.BigDecimal.ZERO;

import io.microautograd.engine.BuiltIns;
import io.microautograd.engine.Op;
import io.microautograd.engine.Value;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.MathFunction;
import io.microautograd.processor.ir.UnaryOp;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The true partials of every derivative rule of both paths (the {@code Value} engine's
 * {@link BuiltIns} and the processor's rule table), from {@link HighPrecision}, with the points to
 * check each at: ordinary ones and the tails where a careless formula loses its digits (saturated
 * sigmoid and tanh, exp and log of huge and tiny numbers, atan2 and hypot of huge and tiny
 * coordinates, asin and acos next to 1). Every true partial there is 0 or a normal double, so
 * that a relative error means something.
 */
final class TrueDerivatives {

    /** The true partials of a function at {@code x}, one per input. */
    @FunctionalInterface
    interface Partials {
        BigDecimal[] at(BigDecimal[] x);
    }

    /**
     * One function: the engine operation and the compiled primitive whose rules compute its
     * derivative (either may be null where only one path has it), how the engine builds a node
     * of it from leaves, its true partials, and the points to check.
     */
    record Reference(String name, Op engineOp, Object compiledPrimitive, Function<Value[], Value> engine,
                     Partials truth, double[][] points) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final double LOG_EPSILON = Value.LOG_EPSILON;
    private static final BigDecimal PI =
            new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459");
    /** Angles: at the double nearest pi / 2, cos is 6.1e-17 and tan 1.6e16; sin and cos reduce 1e15 exactly. */
    private static final double[][] ANGLES = xs(0.37, -2.2, 1e-8, 1.5707963267948966, 3.141592653589793, 1e6, 1e15);
    /** Inside (-1, 1), and next to its ends, where 1 - x*x cancels: 1 - 2^-30, 1 - 1e-11, 1 - 2^-53. */
    private static final double[][] OPEN_UNIT = xs(0, 1e-9, 0.37, -0.6, 0.9999999990686774, -0.99999999999,
            0.9999999999999999);

    /** Every reference, one per function per path; a rule of either path without one fails the test. */
    static final List<Reference> ALL = List.of(
            both("add", BuiltIns.ADD, BinaryOp.ADD, v -> v[0].add(v[1]), binary((a, b) -> partials(ONE, ONE)),
                    pairs(0.37, 0.71, -1e300, 3e-300)),
            engine("sum of many", BuiltIns.SUM, Value::sum, x -> partials(ONE, ONE, ONE),
                    new double[][] {{0.37, -1e300, 3e-300}}),
            compiled("sub", BinaryOp.SUB, binary((a, b) -> partials(ONE, ONE.negate())), pairs(0.37, 0.71)),
            both("mul", BuiltIns.MUL, BinaryOp.MUL, v -> v[0].mul(v[1]), binary((a, b) -> partials(b, a)),
                    pairs(0.37, 0.71, 1e-300, 1e300, -3, 7)),
            both("div", BuiltIns.DIV, BinaryOp.DIV, v -> v[0].div(v[1]),
                    binary((a, b) -> partials(divide(ONE, b), divide(a, b.multiply(b)).negate())),
                    pairs(0.37, 0.71, -3, 7, 1e-300, 1e300, 2.5, 1e-5, 1e200, 3)),
            compiled("neg", UnaryOp.NEG, unary(x -> ONE.negate()), xs(0.37, -2.2)),
            compiled("plus", UnaryOp.PLUS, unary(x -> ONE), xs(0.37, -2.2)),
            both("rounding to float, derivative 1 by convention", BuiltIns.TO_FLOAT, UnaryOp.TO_FLOAT,
                    v -> v[0].toFloat(), unary(x -> ONE),
                    xs(0.37, -2.2, 1e30)),
            engine("pow with a constant exponent", BuiltIns.POW, v -> v[0].pow(v[1].data()),
                    binary((x, n) -> partials(powerSlope(x, n), ZERO)),
                    pairs(2, 3, 0, 0, 0, 1, 0, 2, 5, 0, 1e-150, 2, 2.5, -1.5, 1e100, 0.5, -2, 3)),
            both("pow", BuiltIns.POW_VALUE, MathFunction.POW, v -> v[0].pow(v[1]),
                    binary((a, b) -> partials(powerSlope(a, b), a.signum() > 0 ? pow(a, b).multiply(log(a)) : ZERO)),
                    pairs(2, 3, 0.5, -2, 1e-150, 2, 1e100, 3, 3, 0.5, 10, -300, -2, 3, 1.0000001, 1e6, 0, 0, 2.5, 0)),
            both("exp", BuiltIns.EXP, MathFunction.EXP, v -> v[0].exp(), unary(HighPrecision::exp),
                    xs(0.37, -2.2, 1e-10, 700, -700)),
            engine("log, clamped at LOG_EPSILON", BuiltIns.LOG, v -> v[0].log(),
                    unary(x -> x.compareTo(of(LOG_EPSILON)) >= 0 ? divide(ONE, x) : ZERO),
                    xs(0.37, LOG_EPSILON, 1e-13, 1e300, 1.0000000000009095)),
            compiled("log", MathFunction.LOG, unary(x -> divide(ONE, x)), xs(0.37, 1e-300, 1e300, 1.0000000000009095)),
            both("tanh", BuiltIns.TANH, MathFunction.TANH, v -> v[0].tanh(), unary(x -> logisticSlope(x, 2)),
                    xs(0.37, -2.2, 1e-10, 20, -20, 40, 300, -300)),
            engine("relu", BuiltIns.RELU, v -> v[0].relu(), unary(x -> x.signum() > 0 ? ONE : ZERO), xs(0.37, -2.2, 0)),
            engine("sigmoid", BuiltIns.SIGMOID, v -> v[0].sigmoid(), unary(x -> logisticSlope(x, 1)),
                    xs(0, 0.37, -2.2, 20, -20, 40, -40, 700, -700)),
            both("sin", BuiltIns.SIN, MathFunction.SIN, v -> v[0].sin(), unary(HighPrecision::cos),
                    ANGLES),
            both("cos", BuiltIns.COS, MathFunction.COS, v -> v[0].cos(), unary(x -> sin(x).negate()),
                    ANGLES),
            both("tan", BuiltIns.TAN, MathFunction.TAN, v -> v[0].tan(), unary(x -> divide(ONE, cos(x).pow(2))),
                    ANGLES),
            both("asin", BuiltIns.ASIN, MathFunction.ASIN, v -> v[0].asin(), unary(x -> divide(ONE, sqrtOneMinusSquare(x))),
                    OPEN_UNIT),
            both("acos", BuiltIns.ACOS, MathFunction.ACOS, v -> v[0].acos(),
                    unary(x -> divide(ONE, sqrtOneMinusSquare(x)).negate()), OPEN_UNIT),
            both("atan", BuiltIns.ATAN, MathFunction.ATAN, v -> v[0].atan(),
                    unary(x -> divide(ONE, ONE.add(x.multiply(x)))), xs(0.37, -2.2, 1e-200, 1e100, -1e150)),
            both("atan2", BuiltIns.ATAN2, MathFunction.ATAN2, v -> v[0].atan2(v[1]), binary((a, b) -> {
                BigDecimal squares = a.multiply(a).add(b.multiply(b));
                return partials(divide(b, squares), divide(a, squares).negate());
            }), pairs(0.37, 0.71, 4e-200, 3e-200, 4e200, 3e200, -1, 1e-300, 1e-300, 1e300, 3, -4)),
            both("sinh", BuiltIns.SINH, MathFunction.SINH, v -> v[0].sinh(), unary(x -> halfSum(x, 1)),
                    xs(0.37, -2.2, 1e-10, 700, -700)),
            both("cosh", BuiltIns.COSH, MathFunction.COSH, v -> v[0].cosh(), unary(x -> halfSum(x, -1)),
                    xs(0.37, -2.2, 1e-10, 0, 700, -700)),
            both("expm1", BuiltIns.EXPM1, MathFunction.EXPM1, v -> v[0].expm1(), unary(HighPrecision::exp),
                    xs(0.37, -2.2, 1e-10, -40, -700, 700)),
            both("log10", BuiltIns.LOG10, MathFunction.LOG10, v -> v[0].log10(),
                    unary(x -> divide(ONE, x.multiply(log(BigDecimal.TEN)))), xs(0.37, 1e-300, 1e300, 1000)),
            both("log1p", BuiltIns.LOG1P, MathFunction.LOG1P, v -> v[0].log1p(), unary(x -> divide(ONE, ONE.add(x))),
                    xs(0.37, -0.5, -0.9999999999999998, 1e-20, 1e300)),
            both("sqrt", BuiltIns.SQRT, MathFunction.SQRT, v -> v[0].sqrt(),
                    unary(x -> divide(ONE, sqrt(x).multiply(BigDecimal.valueOf(2)))), xs(0.37, 2, 1e-300, 1e300)),
            both("cbrt", BuiltIns.CBRT, MathFunction.CBRT, v -> v[0].cbrt(),
                    unary(x -> divide(ONE, cbrt(x).pow(2).multiply(BigDecimal.valueOf(3)))),
                    xs(0.37, -2.2, -8, 1e-300, 1e300)),
            both("hypot", BuiltIns.HYPOT, MathFunction.HYPOT, v -> v[0].hypot(v[1]), binary((a, b) -> {
                BigDecimal length = sqrt(a.multiply(a).add(b.multiply(b)));
                return partials(divide(a, length), divide(b, length));
            }), pairs(3, 4, -3, 4, 0, 5, 3e-200, 4e-200, 3e200, 4e200, 1e-300, 1e300)),
            both("abs", BuiltIns.ABS, MathFunction.ABS, v -> v[0].abs(), unary(x -> BigDecimal.valueOf(x.signum())),
                    xs(0.37, -2.2, 0)),
            both("max", BuiltIns.MAX, MathFunction.MAX, v -> v[0].max(v[1]),
                    binary((a, b) -> a.compareTo(b) >= 0 ? partials(ONE, ZERO) : partials(ZERO, ONE)),
                    pairs(1, 2, 2, 1, 1, 1)),
            both("min", BuiltIns.MIN, MathFunction.MIN, v -> v[0].min(v[1]),
                    binary((a, b) -> a.compareTo(b) <= 0 ? partials(ONE, ZERO) : partials(ZERO, ONE)),
                    pairs(1, 2, 2, 1, 1, 1)),
            both("floor", BuiltIns.FLOOR, MathFunction.FLOOR, v -> v[0].floor(), unary(x -> ZERO), xs(0.37, -2.2, 1e300)),
            both("ceil", BuiltIns.CEIL, MathFunction.CEIL, v -> v[0].ceil(), unary(x -> ZERO), xs(0.37, -2.2, 1e300)),
            both("rint", BuiltIns.RINT, MathFunction.RINT, v -> v[0].rint(), unary(x -> ZERO), xs(0.37, -2.2, 1e300)),
            both("signum", BuiltIns.SIGNUM, MathFunction.SIGNUM, v -> v[0].signum(), unary(x -> ZERO), xs(0.37, -2.2, 0)),
            both("round", BuiltIns.ROUND, MathFunction.ROUND, v -> v[0].round(), unary(x -> ZERO),
                    xs(0.37, -2.2, 1e15)),
            both("fma(a, b, 2.5)", BuiltIns.FMA, MathFunction.FMA, v -> v[0].fma(v[1], Value.of(2.5)),
                    binary((a, b) -> partials(b, a, ONE)), pairs(0.37, 0.71, 1e-300, 1e300, -3, 7)),
            both("toRadians", BuiltIns.TO_RADIANS, MathFunction.TO_RADIANS, v -> v[0].toRadians(),
                    unary(x -> divide(PI, BigDecimal.valueOf(180))), xs(0.37, -2.2, 1e300)),
            both("toDegrees", BuiltIns.TO_DEGREES, MathFunction.TO_DEGREES, v -> v[0].toDegrees(),
                    unary(x -> divide(BigDecimal.valueOf(180), PI)), xs(0.37, -2.2, 1e-300)),
            both("copySign", BuiltIns.COPY_SIGN, MathFunction.COPY_SIGN, v -> v[0].copySign(v[1]),
                    binary((a, b) -> partials(BigDecimal.valueOf(a.signum() * b.signum()), ZERO)),
                    pairs(0.37, 0.71, 0.37, -2, -3, 7, -3, -1e-300)),
            both("scalb(a, (int) b)", BuiltIns.SCALB, MathFunction.SCALB, v -> v[0].scalb((int) v[1].data()),
                    binary((a, b) -> partials(HighPrecision.of(Math.scalb(1.0, b.intValue())), ZERO)),
                    pairs(0.37, 3, -2.2, -40, 1e-300, 600, 5, -1074)),
            compiled("floorDiv((int) a, (int) b)", MathFunction.FLOOR_DIV, binary((a, b) -> partials(ZERO, ZERO)),
                    pairs(7, 2, -7, 2)),
            compiled("floorMod((int) a, (int) b)", MathFunction.FLOOR_MOD, binary((a, b) -> partials(ZERO, ZERO)),
                    pairs(7, 2, -7, 2)),
            engine("clamp to [-1, 1]", BuiltIns.CLAMP, v -> v[0].clamp(-1, 1),
                    unary(x -> x.abs().compareTo(ONE) <= 0 ? ONE : ZERO), xs(0.37, 1, -1, 5, -3)));

    private TrueDerivatives() {
    }

    /** d(x^n)/dx = n x^(n-1), which is 0 where n = 0 (x^0 is the constant 1, at x = 0 too). */
    private static BigDecimal powerSlope(BigDecimal x, BigDecimal n) {
        return n.signum() == 0 ? ZERO : n.multiply(pow(x, n.subtract(ONE)));
    }

    /**
     * k^2 e^(-k|x|) / (1 + e^(-k|x|))^2: sigmoid'(x) for k = 1, tanh'(x) = 1 - tanh(x)^2 for k = 2,
     * with no cancellation at any x.
     */
    private static BigDecimal logisticSlope(BigDecimal x, int k) {
        BigDecimal e = exp(x.abs().multiply(BigDecimal.valueOf(-k)));
        BigDecimal onePlus = ONE.add(e);
        return divide(e.multiply(BigDecimal.valueOf(k * k)), onePlus.multiply(onePlus));
    }

    /** (e^x + sign e^-x) / 2: cosh x for sign 1, sinh x for sign -1. */
    private static BigDecimal halfSum(BigDecimal x, int sign) {
        return exp(x).add(exp(x.negate()).multiply(BigDecimal.valueOf(sign))).divide(BigDecimal.valueOf(2));
    }

    private static BigDecimal sqrtOneMinusSquare(BigDecimal x) {
        return sqrt(ONE.subtract(x.multiply(x)));
    }

    private static Reference both(String name, Op op, Object primitive, Function<Value[], Value> engine,
            Partials truth, double[][] points) {
        return new Reference(name, op, primitive, engine, truth, points);
    }

    private static Reference engine(String name, Op op, Function<Value[], Value> engine, Partials truth,
            double[][] points) {
        return new Reference(name, op, null, engine, truth, points);
    }

    private static Reference compiled(String name, Object primitive, Partials truth, double[][] points) {
        return new Reference(name, null, primitive, null, truth, points);
    }

    private static Partials unary(UnaryOperator<BigDecimal> derivative) {
        return x -> partials(derivative.apply(x[0]));
    }

    private static Partials binary(BiFunction<BigDecimal, BigDecimal, BigDecimal[]> partials) {
        return x -> partials.apply(x[0], x[1]);
    }

    private static BigDecimal[] partials(BigDecimal... partials) {
        return partials;
    }

    /** Points of two coordinates, from their coordinates in order: {@code pairs(a0, b0, a1, b1, ...)}. */
    private static double[][] pairs(double... coordinates) {
        double[][] pairs = new double[coordinates.length / 2][];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new double[] {coordinates[2 * i], coordinates[2 * i + 1]};
        }
        return pairs;
    }

    /** Points of one coordinate. */
    private static double[][] xs(double... xs) {
        double[][] points = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            points[i] = new double[] {xs[i]};
        }
        return points;
    }
}
