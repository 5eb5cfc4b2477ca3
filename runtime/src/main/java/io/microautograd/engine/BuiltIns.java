package io.microautograd.engine;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The engine's rule table: every operation {@link Value} offers, each row its forward formula
 * and its backward, which adds to each input's gradient its partial times the output's gradient,
 * as micrograd's operations do. An operation of your own, made by the factories of {@link Op},
 * has the same shape. Everything else the engine offers (neg, sub, smooth clamp, the forms with
 * a plain double) is built from these rows. They cover the {@code Math} functions the gradient
 * compiler supports, with the same conventions at kinks (relu'(0) = 0, abs'(0) = 0, max and min
 * send the gradient to their first argument at a tie, floor, ceil, rint and signum have
 * derivative 0), so that both paths compute the same program the same way.
 *
 * <p>Each row also writes its backward as a graph ({@code backwardGraph}): the same rule built
 * from engine operations, with the output's gradient a {@link Value}, so that
 * {@link Value#differentiate} can give gradients that are differentiated again (second
 * derivatives). The plain backward stays in doubles, as fast as it was. Where the two forms
 * differ in how they compute a partial, they compute it the same way (tanh's and sigmoid's
 * cancellation-free forms, atan2's division by r twice), so that a gradient as a graph holds the
 * number {@link Value#backward()} gives, to rounding.
 */
public final class BuiltIns {

    /** A leaf: an input, a parameter or a constant, made by {@link Value#of(double)}. Nothing to propagate. */
    public static final Op LEAF = new Op("leaf", 0) {
        @Override
        public Value apply(Value... inputs) {
            throw new IllegalArgumentException("a leaf is made by Value.of(data), not by an operation");
        }

        @Override
        double forward(Value[] inputs) {
            throw new AssertionError("a leaf has no forward formula");
        }

        @Override
        void backward(Value out) {
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[0];
        }
    };

    /** a + b: d/da = d/db = 1. */
    public static final Op.Binary ADD = new Op.Binary("+") {
        @Override
        double forward(double a, double b) {
            return a + b;
        }

        @Override
        void backward(Value out) {
            out.inputs[0].grad += out.grad;
            out.inputs[1].grad += out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient, gradient};
        }
    };

    /** The sum of any number of terms as one node ({@link Value#sum}): d/dx_i = 1. */
    public static final Op SUM = new Op("+", Op.ANY) {
        @Override
        double forward(Value[] terms) {
            double total = 0;
            for (Value term : terms) {
                total += term.data;
            }
            return total;
        }

        @Override
        void backward(Value out) {
            for (Value term : out.inputs) {
                term.grad += out.grad;
            }
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            Value[] contributions = new Value[out.inputs.length];
            Arrays.fill(contributions, gradient);
            return contributions;
        }
    };

    /** a b: d/da = b, d/db = a. */
    public static final Op.Binary MUL = new Op.Binary("*") {
        @Override
        double forward(double a, double b) {
            return a * b;
        }

        @Override
        void backward(Value out) {
            Value a = out.inputs[0];
            Value b = out.inputs[1];
            a.grad += b.data * out.grad;
            b.grad += a.data * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient.mul(out.inputs[1]), gradient.mul(out.inputs[0])};
        }
    };

    /** a / b, rounded as Java's {@code /}: d/da = 1/b, d/db = -y/b. */
    public static final Op.Binary DIV = new Op.Binary("/") {
        @Override
        double forward(double a, double b) {
            return a / b;
        }

        @Override
        void backward(Value out) {
            Value a = out.inputs[0];
            Value b = out.inputs[1];
            a.grad += out.grad / b.data;
            b.grad -= out.data / b.data * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            Value b = out.inputs[1];
            return new Value[] {gradient.div(b), out.div(b).mul(gradient).neg()};
        }
    };

    /** a b + c with one rounding, as {@code Math.fma}: d/da = b, d/db = a, d/dc = 1. */
    public static final Op FMA = new Op("fma", 3) {
        @Override
        double forward(Value[] inputs) {
            return Math.fma(inputs[0].data, inputs[1].data, inputs[2].data);
        }

        @Override
        void backward(Value out) {
            Value a = out.inputs[0];
            Value b = out.inputs[1];
            a.grad += b.data * out.grad;
            b.grad += a.data * out.grad;
            out.inputs[2].grad += out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient.mul(out.inputs[1]), gradient.mul(out.inputs[0]), gradient};
        }
    };

    /**
     * x^n with a constant exponent n, kept as the second input: d/dx = n x^(n-1), and 0 where
     * n = 0, at x = 0 too.
     */
    public static final Op.Binary POW = new Op.Binary("^") {
        @Override
        public boolean differentiates(int input) {
            return input == 0;
        }

        @Override
        double forward(double x, double n) {
            return Math.pow(x, n);
        }

        @Override
        void backward(Value out) {
            Value base = out.inputs[0];
            base.grad += powerSlope(base.data, out.inputs[1].data) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            double n = out.inputs[1].data;
            return new Value[] {n == 0 ? null : out.inputs[0].pow(n - 1).mul(n).mul(gradient), null};
        }
    };

    /**
     * x^n differentiated in both: d/dx = n x^(n-1) (0 where n = 0), d/dn = y ln x for x &gt; 0
     * and 0 otherwise (x^n is not a real-differentiable function of n where x &lt;= 0).
     */
    public static final Op.Binary POW_VALUE = new Op.Binary("^") {
        @Override
        double forward(double x, double n) {
            return Math.pow(x, n);
        }

        @Override
        void backward(Value out) {
            Value base = out.inputs[0];
            Value exponent = out.inputs[1];
            base.grad += powerSlope(base.data, exponent.data) * out.grad;
            if (base.data > 0) {
                exponent.grad += out.data * Math.log(base.data) * out.grad;
            }
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            Value base = out.inputs[0];
            Value exponent = out.inputs[1];
            Value slope = exponent.data == 0 ? null : base.pow(exponent.sub(1)).mul(exponent).mul(gradient);
            return new Value[] {slope, base.data > 0 ? out.mul(naturalLog(base)).mul(gradient) : null};
        }
    };

    /** x 2^n with an int n, kept as the second input, as {@code Math.scalb}: d/dx = 2^n. */
    public static final Op.Binary SCALB = new Op.Binary("scalb") {
        @Override
        public boolean differentiates(int input) {
            return input == 0;
        }

        @Override
        double forward(double x, double n) {
            return Math.scalb(x, (int) n);
        }

        @Override
        void backward(Value out) {
            out.inputs[0].grad += Math.scalb(1.0, (int) out.inputs[1].data) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient.mul(Math.scalb(1.0, (int) out.inputs[1].data)), null};
        }
    };

    /** e^x: d/dx = y. */
    public static final Op.Unary EXP = new Op.Unary("exp") {
        @Override
        double forward(double x) {
            return Math.exp(x);
        }

        @Override
        void backward(Value out) {
            out.inputs[0].grad += out.data * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {out.mul(gradient)};
        }
    };

    /**
     * The natural log of max(x, {@link Value#LOG_EPSILON}): d/dx = 1/x above the epsilon, 0 below
     * it, NaN at NaN.
     */
    public static final Op.Unary LOG = new Op.Unary("log") {
        @Override
        double forward(double x) {
            return Math.log(Math.max(x, Value.LOG_EPSILON));
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            if (x.data >= Value.LOG_EPSILON) {
                x.grad += out.grad / x.data;
            } else if (Double.isNaN(x.data)) {
                x.grad += Double.NaN;
            }
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            Value x = out.inputs[0];
            if (x.data >= Value.LOG_EPSILON) {
                return new Value[] {gradient.div(x)};
            }
            return new Value[] {Double.isNaN(x.data) ? gradient.mul(Double.NaN) : null};
        }
    };

    /**
     * tanh x: d/dx = 1 - y^2, computed as e^(-2|x|) (1 + |y|)^2, the same number without the
     * cancellation that leaves 1 - y^2 with no correct digit once y rounds to within a few ulps
     * of 1 (tanh'(20) = 1.7e-17, not 0). The compiled rule is the same expression.
     */
    public static final Op.Unary TANH = new Op.Unary("tanh") {
        @Override
        double forward(double x) {
            return Math.tanh(x);
        }

        @Override
        void backward(Value out) {
            double y = Math.abs(out.data);
            out.inputs[0].grad += Math.exp(-2 * Math.abs(out.inputs[0].data)) * ((1 + y) * (1 + y)) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            Value x = out.inputs[0];
            Value onePlusY = out.abs().add(1);
            return new Value[] {x.abs().mul(-2).exp().mul(onePlusY.mul(onePlusY)).mul(gradient)};
        }
    };

    /** max(0, x): d/dx = 1 for x &gt; 0, else 0 (relu'(0) = 0). */
    public static final Op.Unary RELU = new Op.Unary("relu") {
        @Override
        double forward(double x) {
            return x > 0 ? x : 0;
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            if (x.data > 0) {
                x.grad += out.grad;
            }
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {out.inputs[0].data > 0 ? gradient : null};
        }
    };

    /**
     * 1 / (1 + e^-x), without overflow for large |x|: d/dx = y (1 - y), computed as
     * e^-|x| / (1 + e^-|x|)^2, which keeps every digit where 1 - y cancels (sigmoid'(40) = 4.2e-18, not 0).
     */
    public static final Op.Unary SIGMOID = new Op.Unary("sigmoid") {
        @Override
        double forward(double x) {
            return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            double e = Math.exp(-Math.abs(x.data));
            x.grad += e / ((1 + e) * (1 + e)) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            Value e = out.inputs[0].abs().neg().exp();
            Value onePlusE = e.add(1);
            return new Value[] {e.div(onePlusE.mul(onePlusE)).mul(gradient)};
        }
    };

    /**
     * x limited to [lo, hi], the bounds kept as the second and third inputs: d/dx = 1 inside,
     * boundaries included, and 0 outside (as PyTorch's clamp).
     */
    public static final Op CLAMP = new Op("clamp", 3) {
        @Override
        public boolean differentiates(int input) {
            return input == 0;
        }

        @Override
        double forward(Value[] inputs) {
            return Math.min(Math.max(inputs[0].data, inputs[1].data), inputs[2].data);
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            if (x.data >= out.inputs[1].data && x.data <= out.inputs[2].data) {
                x.grad += out.grad;
            }
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            Value x = out.inputs[0];
            boolean inside = x.data >= out.inputs[1].data && x.data <= out.inputs[2].data;
            return new Value[] {inside ? gradient : null, null, null};
        }
    };

    /** sin x: d/dx = cos x. */
    public static final Op.Unary SIN = new Op.Unary("sin") {
        @Override
        double forward(double x) {
            return Math.sin(x);
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += Math.cos(x.data) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {out.inputs[0].cos().mul(gradient)};
        }
    };

    /** cos x: d/dx = -sin x. */
    public static final Op.Unary COS = new Op.Unary("cos") {
        @Override
        double forward(double x) {
            return Math.cos(x);
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad -= Math.sin(x.data) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {out.inputs[0].sin().mul(gradient).neg()};
        }
    };

    /** tan x: d/dx = 1 + y^2. */
    public static final Op.Unary TAN = new Op.Unary("tan") {
        @Override
        double forward(double x) {
            return Math.tan(x);
        }

        @Override
        void backward(Value out) {
            out.inputs[0].grad += (1 + out.data * out.data) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {out.mul(out).add(1).mul(gradient)};
        }
    };

    /** asin x: d/dx = 1 / sqrt(1 - x^2); see {@link #oneMinusSquare}. */
    public static final Op.Unary ASIN = new Op.Unary("asin") {
        @Override
        double forward(double x) {
            return Math.asin(x);
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += out.grad / Math.sqrt(oneMinusSquare(x.data));
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient.div(oneMinusSquare(out.inputs[0]).sqrt())};
        }
    };

    /** acos x: d/dx = -1 / sqrt(1 - x^2); see {@link #oneMinusSquare}. */
    public static final Op.Unary ACOS = new Op.Unary("acos") {
        @Override
        double forward(double x) {
            return Math.acos(x);
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad -= out.grad / Math.sqrt(oneMinusSquare(x.data));
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient.div(oneMinusSquare(out.inputs[0]).sqrt()).neg()};
        }
    };

    /** atan x: d/dx = 1 / (1 + x^2). */
    public static final Op.Unary ATAN = new Op.Unary("atan") {
        @Override
        double forward(double x) {
            return Math.atan(x);
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += out.grad / (1 + x.data * x.data);
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            Value x = out.inputs[0];
            return new Value[] {gradient.div(x.mul(x).add(1))};
        }
    };

    /**
     * atan2(y, x), the angle of the point (x, y): d/dy = x / (x^2 + y^2), d/dx = -y / (x^2 + y^2),
     * computed as x / r / r with r = hypot(y, x), so that the squares neither overflow nor
     * underflow (at (4e200, 3e200) and (4e-200, 3e-200) the sum of squares is infinite or 0).
     */
    public static final Op.Binary ATAN2 = new Op.Binary("atan2") {
        @Override
        double forward(double y, double x) {
            return Math.atan2(y, x);
        }

        @Override
        void backward(Value out) {
            Value y = out.inputs[0];
            Value x = out.inputs[1];
            double r = Math.hypot(y.data, x.data);
            y.grad += x.data / r / r * out.grad;
            x.grad -= y.data / r / r * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            Value y = out.inputs[0];
            Value x = out.inputs[1];
            Value r = y.hypot(x);
            return new Value[] {x.div(r).div(r).mul(gradient), y.div(r).div(r).mul(gradient).neg()};
        }
    };

    /** x in radians from degrees: d/dx = pi/180. */
    public static final Op.Unary TO_RADIANS = new Op.Unary("toRadians") {
        @Override
        double forward(double x) {
            return Math.toRadians(x);
        }

        @Override
        void backward(Value out) {
            out.inputs[0].grad += Math.toRadians(1) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient.mul(Math.toRadians(1))};
        }
    };

    /** x in degrees from radians: d/dx = 180/pi. */
    public static final Op.Unary TO_DEGREES = new Op.Unary("toDegrees") {
        @Override
        double forward(double x) {
            return Math.toDegrees(x);
        }

        @Override
        void backward(Value out) {
            out.inputs[0].grad += Math.toDegrees(1) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient.mul(Math.toDegrees(1))};
        }
    };

    /** sinh x: d/dx = cosh x. */
    public static final Op.Unary SINH = new Op.Unary("sinh") {
        @Override
        double forward(double x) {
            return Math.sinh(x);
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += Math.cosh(x.data) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {out.inputs[0].cosh().mul(gradient)};
        }
    };

    /** cosh x: d/dx = sinh x. */
    public static final Op.Unary COSH = new Op.Unary("cosh") {
        @Override
        double forward(double x) {
            return Math.cosh(x);
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += Math.sinh(x.data) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {out.inputs[0].sinh().mul(gradient)};
        }
    };

    /** e^x - 1, accurate near 0: d/dx = e^x (not y + 1, which is 0 once y rounds to -1: expm1'(-40) = 4.2e-18). */
    public static final Op.Unary EXPM1 = new Op.Unary("expm1") {
        @Override
        double forward(double x) {
            return Math.expm1(x);
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += Math.exp(x.data) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {out.inputs[0].exp().mul(gradient)};
        }
    };

    /** The base-10 log, as {@code Math.log10} (no epsilon clamp): d/dx = 1 / (x ln 10). */
    public static final Op.Unary LOG10 = new Op.Unary("log10") {
        @Override
        double forward(double x) {
            return Math.log10(x);
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += out.grad / (x.data * Math.log(10));
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient.div(out.inputs[0].mul(Math.log(10)))};
        }
    };

    /** log(1 + x), accurate near 0: d/dx = 1 / (1 + x). */
    public static final Op.Unary LOG1P = new Op.Unary("log1p") {
        @Override
        double forward(double x) {
            return Math.log1p(x);
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += out.grad / (1 + x.data);
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient.div(out.inputs[0].add(1))};
        }
    };

    /** The square root: d/dx = 1 / (2y). */
    public static final Op.Unary SQRT = new Op.Unary("sqrt") {
        @Override
        double forward(double x) {
            return Math.sqrt(x);
        }

        @Override
        void backward(Value out) {
            out.inputs[0].grad += out.grad / (2 * out.data);
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient.div(out.mul(2))};
        }
    };

    /** The cube root: d/dx = 1 / (3y^2). */
    public static final Op.Unary CBRT = new Op.Unary("cbrt") {
        @Override
        double forward(double x) {
            return Math.cbrt(x);
        }

        @Override
        void backward(Value out) {
            out.inputs[0].grad += out.grad / (3 * out.data * out.data);
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient.div(out.mul(out).mul(3))};
        }
    };

    /** sqrt(a^2 + b^2) without overflow: d/da = a / y, d/db = b / y. */
    public static final Op.Binary HYPOT = new Op.Binary("hypot") {
        @Override
        double forward(double a, double b) {
            return Math.hypot(a, b);
        }

        @Override
        void backward(Value out) {
            Value a = out.inputs[0];
            Value b = out.inputs[1];
            a.grad += a.data / out.data * out.grad;
            b.grad += b.data / out.data * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {out.inputs[0].div(out).mul(gradient), out.inputs[1].div(out).mul(gradient)};
        }
    };

    /** |x|: d/dx = the sign of x, with abs'(0) = 0. */
    public static final Op.Unary ABS = new Op.Unary("abs") {
        @Override
        double forward(double x) {
            return Math.abs(x);
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += Math.signum(x.data) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient.mul(Math.signum(out.inputs[0].data))};
        }
    };

    /** The larger of a and b: the whole gradient to the larger input; at a tie, to the first. */
    public static final Op.Binary MAX = new Op.Binary("max") {
        @Override
        double forward(double a, double b) {
            return Math.max(a, b);
        }

        @Override
        void backward(Value out) {
            Value a = out.inputs[0];
            Value b = out.inputs[1];
            (a.data >= b.data ? a : b).grad += out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            boolean first = out.inputs[0].data >= out.inputs[1].data;
            return new Value[] {first ? gradient : null, first ? null : gradient};
        }
    };

    /** The smaller of a and b: the whole gradient to the smaller input; at a tie, to the first. */
    public static final Op.Binary MIN = new Op.Binary("min") {
        @Override
        double forward(double a, double b) {
            return Math.min(a, b);
        }

        @Override
        void backward(Value out) {
            Value a = out.inputs[0];
            Value b = out.inputs[1];
            (a.data <= b.data ? a : b).grad += out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            boolean first = out.inputs[0].data <= out.inputs[1].data;
            return new Value[] {first ? gradient : null, first ? null : gradient};
        }
    };

    /**
     * |a| with the sign of b, as {@code Math.copySign}: d/da = sign(a) sign(b), 0 at a = 0;
     * d/db = 0, since the sign is piecewise constant.
     */
    public static final Op.Binary COPY_SIGN = new Op.Binary("copySign") {
        @Override
        double forward(double a, double b) {
            return Math.copySign(a, b);
        }

        @Override
        void backward(Value out) {
            Value a = out.inputs[0];
            a.grad += Math.signum(a.data) * Math.copySign(1, out.inputs[1].data) * out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            double sign = Math.signum(out.inputs[0].data) * Math.copySign(1, out.inputs[1].data);
            return new Value[] {gradient.mul(sign), null};
        }
    };

    /** The largest integer not above x: piecewise constant, derivative 0. */
    public static final Op.Unary FLOOR = piecewiseConstant("floor", Math::floor);

    /** The smallest integer not below x: piecewise constant, derivative 0. */
    public static final Op.Unary CEIL = piecewiseConstant("ceil", Math::ceil);

    /** The nearest integer, ties to even: piecewise constant, derivative 0. */
    public static final Op.Unary RINT = piecewiseConstant("rint", Math::rint);

    /** The nearest integer, ties up, as {@code Math.round} (a long, here its double): derivative 0. */
    public static final Op.Unary ROUND = piecewiseConstant("round", Math::round);

    /** -1, 0 or 1 by the sign of x: piecewise constant, derivative 0. */
    public static final Op.Unary SIGNUM = piecewiseConstant("signum", Math::signum);

    /**
     * x rounded to the nearest float, Java's {@code (float) x}: derivative 1 by convention, as
     * the compiled path's cast and PyTorch's and JAX's casts between float types, though the
     * rounding is a staircase of steps one float apart.
     */
    public static final Op.Unary TO_FLOAT = new Op.Unary("(float)") {
        @Override
        double forward(double x) {
            return (float) x;
        }

        @Override
        void backward(Value out) {
            out.inputs[0].grad += out.grad;
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            return new Value[] {gradient};
        }
    };

    private static final List<Op> ALL = List.of(LEAF, ADD, SUM, MUL, DIV, FMA, POW, POW_VALUE, SCALB, EXP, LOG,
            TANH, RELU, SIGMOID, CLAMP, SIN, COS, TAN, ASIN, ACOS, ATAN, ATAN2, TO_RADIANS, TO_DEGREES, SINH, COSH,
            EXPM1, LOG10, LOG1P, SQRT, CBRT, HYPOT, ABS, MAX, MIN, COPY_SIGN, FLOOR, CEIL, RINT, ROUND, SIGNUM,
            TO_FLOAT);

    private BuiltIns() {
    }

    /** Every row of the table, {@link #LEAF} first. */
    public static List<Op> all() {
        return ALL;
    }

    /** A function that is constant between its jumps: derivative 0, so its backward passes nothing. */
    private static Op.Unary piecewiseConstant(String name, DoubleUnaryOperator forward) {
        return new Op.Unary(name) {
            @Override
            double forward(double x) {
                return forward.applyAsDouble(x);
            }

            @Override
            void backward(Value out) {
            }

            @Override
            Value[] backwardGraph(Value out, Value gradient) {
                return new Value[] {null};
            }
        };
    }

    /**
     * d(x^n)/dx = n x^(n-1), and 0 where n = 0: x^0 is the constant 1, also at x = 0, where the
     * formula would give 0 * infinity.
     */
    private static double powerSlope(double x, double n) {
        return n == 0 ? 0 : n * Math.pow(x, n - 1);
    }

    /** 1 - x^2 as (1 - x)(1 + x): near |x| = 1, where 1 - x*x cancels, each factor is exact or nearly. */
    private static double oneMinusSquare(double x) {
        return (1 - x) * (1 + x);
    }

    /** {@link #oneMinusSquare(double)} as a graph. */
    private static Value oneMinusSquare(Value x) {
        return Value.of(1).sub(x).mul(x.add(1));
    }

    /**
     * ln x for x &gt; 0 as a graph: {@link Value#log()} where its epsilon does not clamp, else
     * through log10, as {@code Math.log} is unclamped in the rule of {@link #POW_VALUE}.
     */
    private static Value naturalLog(Value x) {
        return x.data >= Value.LOG_EPSILON ? x.log() : x.log10().mul(Math.log(10));
    }
}
