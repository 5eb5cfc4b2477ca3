package io.microautograd.engine;

/**
 * The primitive operations of the {@link Value} engine, each with its local derivative.
 *
 * <p>This enum is the engine's rule table: every node of a graph was made by one of these
 * operations, and {@link #backward(Value)} pushes the node's gradient to its inputs by the chain
 * rule, {@code input.grad += localPartial * out.grad}. Everything else the engine offers (neg,
 * sub, div, sigmoid-free helpers, reflected forms with a plain double) is built from these rows.
 */
public enum Op {
    /** A leaf: an input, a parameter or a constant. Nothing to propagate. */
    LEAF("") {
        @Override
        void backward(Value out) {
        }
    },
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
    /** Power with a constant exponent n (stored as the second input): d(x^n)/dx = n x^(n-1). */
    POW("^") {
        @Override
        void backward(Value out) {
            Value base = out.inputs[0];
            double n = out.inputs[1].data;
            base.grad += n * Math.pow(base.data, n - 1) * out.grad;
        }
    },
    /**
     * Power with a differentiated exponent: d(x^y)/dx = y x^(y-1), d(x^y)/dy = x^y ln x for x &gt; 0
     * and 0 otherwise (x^y is not a real-differentiable function of y where x &lt;= 0).
     */
    POW_VALUE("^") {
        @Override
        void backward(Value out) {
            Value base = out.inputs[0];
            Value exponent = out.inputs[1];
            base.grad += exponent.data * Math.pow(base.data, exponent.data - 1) * out.grad;
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
    /** d(tanh x)/dx = 1 - y^2. */
    TANH("tanh") {
        @Override
        void backward(Value out) {
            out.inputs[0].grad += (1 - out.data * out.data) * out.grad;
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
    /** d(sigmoid x)/dx = y (1 - y). */
    SIGMOID("sigmoid") {
        @Override
        void backward(Value out) {
            out.inputs[0].grad += out.data * (1 - out.data) * out.grad;
        }
    },
    /** Hard clamp to [lo, hi] (second and third inputs): derivative 1 inside, boundaries included; 0 outside. */
    CLAMP("clamp") {
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

    /** Adds this operation's contribution to the gradients of {@code out}'s inputs. */
    abstract void backward(Value out);
}
