package io.microautograd.engine;

/**
 * The primitive operations of the {@link Value} engine, each with its local derivative.
 *
 * <p>This enum is the engine's rule table: every node of a graph was made by one of these
 * operations, and {@link #backward(Value)} pushes the node's gradient to its inputs by the chain
 * rule, {@code input.grad += localPartial * out.grad}. Everything else the engine offers (neg,
 * sub, smooth clamp, the forms with a plain double) is built from these rows. The rows
 * cover the {@code Math} functions the gradient compiler supports, with the same conventions at
 * kinks (DESIGN.md), so that both paths compute the same program the same way.
 */
public enum Op {
    /** A leaf: an input, a parameter or a constant. Nothing to propagate. */
    LEAF(""),
    /** n-ary sum: d(a+b+...)/da = 1. */
    ADD("+") {
        @Override
        void backward(Value out) {
            for (Value input : out.inputs) {
                input.grad += out.grad;
            }
        }
    },
    /** Product: d(ab)/da = b, d(ab)/db = a. */
    MUL("*") {
        @Override
        void backward(Value out) {
            Value a = out.inputs[0];
            Value b = out.inputs[1];
            a.grad += b.data * out.grad;
            b.grad += a.data * out.grad;
        }
    },
    /** Quotient: d(a/b)/da = 1/b, d(a/b)/db = -y/b. A row of its own so that a/b rounds as Java's. */
    DIV("/") {
        @Override
        void backward(Value out) {
            Value a = out.inputs[0];
            Value b = out.inputs[1];
            a.grad += out.grad / b.data;
            b.grad -= out.data / b.data * out.grad;
        }
    },
    /**
     * Power with a constant exponent n (stored as the second input): d(x^n)/dx = n x^(n-1), and 0
     * where n = 0, x = 0 included.
     */
    POW("^") {
        @Override
        public boolean differentiates(int input) {
            return input == 0;
        }

        @Override
        void backward(Value out) {
            Value base = out.inputs[0];
            base.grad += powerSlope(base.data, out.inputs[1].data) * out.grad;
        }
    },
    /**
     * Power with a differentiated exponent: d(x^y)/dx = y x^(y-1) (0 where y = 0, x = 0 included),
     * d(x^y)/dy = x^y ln x for x &gt; 0 and 0 otherwise (x^y is not a real-differentiable function
     * of y where x &lt;= 0).
     */
    POW_VALUE("^") {
        @Override
        void backward(Value out) {
            Value base = out.inputs[0];
            Value exponent = out.inputs[1];
            base.grad += powerSlope(base.data, exponent.data) * out.grad;
            if (base.data > 0) {
                exponent.grad += out.data * Math.log(base.data) * out.grad;
            }
        }
    },
    /** d(e^x)/dx = e^x, the output itself. */
    EXP("exp") {
        @Override
        void backward(Value out) {
            out.inputs[0].grad += out.data * out.grad;
        }
    },
    /** d(log max(x, eps))/dx = 1/x above {@link Value#LOG_EPSILON}, 0 below it. */
    LOG("log") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            if (x.data >= Value.LOG_EPSILON) {
                x.grad += out.grad / x.data;
            } else if (Double.isNaN(x.data)) {
                x.grad += Double.NaN;
            }
        }
    },
    /**
     * d(tanh x)/dx = 1 - y^2, computed as e^(-2|x|) (1 + |y|)^2: the same number without the
     * cancellation that leaves 1 - y^2 with no correct digit once y rounds to within a few ulps
     * of 1 (tanh'(20) = 1.7e-17, not 0). The compiled rule is the same expression.
     */
    TANH("tanh") {
        @Override
        void backward(Value out) {
            double y = Math.abs(out.data);
            out.inputs[0].grad += Math.exp(-2 * Math.abs(out.inputs[0].data)) * ((1 + y) * (1 + y)) * out.grad;
        }
    },
    /** d(relu x)/dx = 1 for x &gt; 0, else 0 (relu'(0) = 0). */
    RELU("relu") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            if (x.data > 0) {
                x.grad += out.grad;
            }
        }
    },
    /**
     * d(sigmoid x)/dx = y (1 - y), computed as e^-|x| / (1 + e^-|x|)^2, which keeps every digit
     * where 1 - y cancels (sigmoid'(40) = 4.2e-18, not 0).
     */
    SIGMOID("sigmoid") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            double e = Math.exp(-Math.abs(x.data));
            x.grad += e / ((1 + e) * (1 + e)) * out.grad;
        }
    },
    /** d(sin x)/dx = cos x. */
    SIN("sin") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += Math.cos(x.data) * out.grad;
        }
    },
    /** d(cos x)/dx = -sin x. */
    COS("cos") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad -= Math.sin(x.data) * out.grad;
        }
    },
    /** d(tan x)/dx = 1 + y^2. */
    TAN("tan") {
        @Override
        void backward(Value out) {
            out.inputs[0].grad += (1 + out.data * out.data) * out.grad;
        }
    },
    /** d(asin x)/dx = 1 / sqrt(1 - x^2); see {@link #oneMinusSquare}. */
    ASIN("asin") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += out.grad / Math.sqrt(oneMinusSquare(x.data));
        }
    },
    /** d(acos x)/dx = -1 / sqrt(1 - x^2); see {@link #oneMinusSquare}. */
    ACOS("acos") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad -= out.grad / Math.sqrt(oneMinusSquare(x.data));
        }
    },
    /** d(atan x)/dx = 1 / (1 + x^2). */
    ATAN("atan") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += out.grad / (1 + x.data * x.data);
        }
    },
    /**
     * atan2(y, x): d/dy = x / (x^2 + y^2), d/dx = -y / (x^2 + y^2), computed as x / r / r with
     * r = hypot(y, x), so that the squares neither overflow nor underflow (at (4e200, 3e200) and
     * (4e-200, 3e-200) the sum of squares is infinite or 0).
     */
    ATAN2("atan2") {
        @Override
        void backward(Value out) {
            Value y = out.inputs[0];
            Value x = out.inputs[1];
            double r = Math.hypot(y.data, x.data);
            y.grad += x.data / r / r * out.grad;
            x.grad -= y.data / r / r * out.grad;
        }
    },
    /** d(sinh x)/dx = cosh x. */
    SINH("sinh") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += Math.cosh(x.data) * out.grad;
        }
    },
    /** d(cosh x)/dx = sinh x. */
    COSH("cosh") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += Math.sinh(x.data) * out.grad;
        }
    },
    /** d(e^x - 1)/dx = e^x (not y + 1, which is 0 once y rounds to -1: expm1'(-40) = 4.2e-18). */
    EXPM1("expm1") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += Math.exp(x.data) * out.grad;
        }
    },
    /** d(log10 x)/dx = 1 / (x ln 10). */
    LOG10("log10") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += out.grad / (x.data * Math.log(10));
        }
    },
    /** d(log(1 + x))/dx = 1 / (1 + x). */
    LOG1P("log1p") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += out.grad / (1 + x.data);
        }
    },
    /** d(sqrt x)/dx = 1 / (2y). */
    SQRT("sqrt") {
        @Override
        void backward(Value out) {
            out.inputs[0].grad += out.grad / (2 * out.data);
        }
    },
    /** d(cbrt x)/dx = 1 / (3y^2). */
    CBRT("cbrt") {
        @Override
        void backward(Value out) {
            out.inputs[0].grad += out.grad / (3 * out.data * out.data);
        }
    },
    /** hypot(a, b): d/da = a / y, d/db = b / y. */
    HYPOT("hypot") {
        @Override
        void backward(Value out) {
            Value a = out.inputs[0];
            Value b = out.inputs[1];
            a.grad += a.data / out.data * out.grad;
            b.grad += b.data / out.data * out.grad;
        }
    },
    /** d|x|/dx = sign of x, with abs'(0) = 0. */
    ABS("abs") {
        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            x.grad += Math.signum(x.data) * out.grad;
        }
    },
    /** max(a, b): the whole gradient to the larger input; at a tie, to the first. */
    MAX("max") {
        @Override
        void backward(Value out) {
            Value a = out.inputs[0];
            Value b = out.inputs[1];
            (a.data >= b.data ? a : b).grad += out.grad;
        }
    },
    /** min(a, b): the whole gradient to the smaller input; at a tie, to the first. */
    MIN("min") {
        @Override
        void backward(Value out) {
            Value a = out.inputs[0];
            Value b = out.inputs[1];
            (a.data <= b.data ? a : b).grad += out.grad;
        }
    },
    /** floor: piecewise constant, derivative 0. */
    FLOOR("floor"),
    /** ceil: piecewise constant, derivative 0. */
    CEIL("ceil"),
    /** rint: piecewise constant, derivative 0. */
    RINT("rint"),
    /** signum: piecewise constant, derivative 0. */
    SIGNUM("signum"),
    /** Hard clamp to [lo, hi] (second and third inputs): derivative 1 inside, boundaries included; 0 outside. */
    CLAMP("clamp") {
        @Override
        public boolean differentiates(int input) {
            return input == 0;
        }

        @Override
        void backward(Value out) {
            Value x = out.inputs[0];
            if (x.data >= out.inputs[1].data && x.data <= out.inputs[2].data) {
                x.grad += out.grad;
            }
        }
    };

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    /** The short name pictures and traces show for this operation, for example {@code "*"} or {@code "tanh"}. */
    public String symbol() {
        return symbol;
    }

    /**
     * Whether the operation passes gradient to its input number {@code input}: false for the
     * constant operands it keeps as inputs (the exponent of {@link #POW}, the bounds of
     * {@link #CLAMP}), true otherwise.
     */
    public boolean differentiates(int input) {
        return true;
    }

    /**
     * Adds this operation's contribution to the gradients of {@code out}'s inputs. Leaves and
     * the piecewise-constant functions (floor, ceil, rint, signum: derivative 0) pass nothing.
     */
    void backward(Value out) {
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
}
