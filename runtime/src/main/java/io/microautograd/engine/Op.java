package io.microautograd.engine;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * An operation of the {@link Value} engine: a name, a forward formula and a backward rule, kept
 * together. Every node of a graph was made by one, and {@link Value#backward()} runs each node's
 * rule in reverse topological order, adding {@code partial * grad of the output} into the
 * gradient of each input. The engine's own operations are the rows of {@link BuiltIns}, each
 * its forward formula and its backward written out as micrograd writes them. Yours are made by
 * the factories below and are as good as a built-in one: their name shows in
 * {@link Value#toString()}, in pictures and gradient traces, and in the trainer's message when
 * one of them turns finite numbers into NaN.
 *
 * <pre>{@code
 * // a unary operation: the forward formula and the derivative at input x with output y
 * Op.Unary softplus = Op.unary("softplus",
 *         x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
 *         (x, y) -> 1 / (1 + Math.exp(-x)));
 * Value out = softplus.apply(w.mul(x));
 *
 * // a binary one: one partial per input
 * Op.Binary logAddExp = Op.binary("logaddexp",
 *         (a, b) -> Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))),
 *         (a, b, y) -> Math.exp(a - y),
 *         (a, b, y) -> Math.exp(b - y));
 *
 * // any number of inputs: the partials as an array, or a vector-Jacobian product
 * Op.Nary norm = Op.nary("norm", x -> Math.sqrt(Arrays.stream(x).map(v -> v * v).sum()),
 *         (x, y) -> Arrays.stream(x).map(v -> v / y).toArray());
 * Op.Nary clipGradient = Op.naryVjp("clipgrad", x -> x[0],
 *         (x, y, gradient) -> new double[] {Math.max(-1, Math.min(1, gradient))});
 * }</pre>
 *
 * <p>A rule is evaluated at the numbers of the node: the inputs' data and the output's (which a
 * rule such as exp's, {@code (x, y) -> y}, reuses). Partials are multiplied by the output's
 * gradient; a vector-Jacobian product receives that gradient and returns each input's
 * contribution itself, which also allows rules that are not linear in it, such as clipping.
 * {@link io.microautograd.gradcheck.GradientCheck#check(Op, double[]...)} checks a rule against
 * finite differences.
 *
 * <p>A unary or binary operation may also give its rule in engine operations, as its last
 * arguments ({@code (x, y) -> x[0].sigmoid()} for softplus): {@link Value#differentiate} then
 * differentiates gradients through it again, for second derivatives. The rule in doubles stays
 * the one {@link Value#backward()} runs.
 *
 * <p>Operations are immutable and may be shared between threads and graphs; they should be
 * made once (a {@code static final} field), not per call.
 */
public abstract class Op {

    /** The derivative of a unary operation. */
    @FunctionalInterface
    public interface Derivative {
        /** dy/dx at input {@code x}, whose output is {@code y}. */
        double at(double x, double y);
    }

    /** One partial derivative of a binary operation. */
    @FunctionalInterface
    public interface Partial {
        /** The partial at inputs {@code a} and {@code b}, whose output is {@code y}. */
        double at(double a, double b, double y);
    }

    /**
     * A derivative or partial written in engine operations, for second derivatives
     * ({@link Value#differentiate}): the same rule as its form in doubles, as a node computed
     * from the operation's input nodes and its output node.
     */
    @FunctionalInterface
    public interface GraphDerivative {
        /** The derivative at the input nodes {@code inputs}, whose output node is {@code y}. */
        Value at(Value[] inputs, Value y);
    }

    /** The partial derivatives of an operation of any number of inputs. */
    @FunctionalInterface
    public interface Partials {
        /** dy/dx_i for each input, in the inputs' order, at inputs {@code x} with output {@code y}. */
        double[] at(double[] x, double y);
    }

    /** The vector-Jacobian product of an operation of any number of inputs. */
    @FunctionalInterface
    public interface VectorJacobianProduct {
        /**
         * What {@code gradient}, the output's gradient, contributes to each input's gradient, in
         * the inputs' order (for a smooth operation, {@code gradient * dy/dx_i}), at inputs
         * {@code x} with output {@code y}.
         */
        double[] at(double[] x, double y, double gradient);
    }

    /** The arity of operations that take any number of inputs. */
    static final int ANY = -1;

    private final String name;
    private final int arity;

    Op(String name, int arity) {
        this.name = requireName(name);
        this.arity = arity;
    }

    /** {@code name}, checked: an operation's name is neither null nor blank. */
    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an operation needs a name, which pictures, traces and errors show;"
                    + " got " + (name == null ? "null" : "\"" + name + "\""));
        }
        return name;
    }

    /**
     * A unary operation.
     *
     * @param name what pictures, traces and errors call it
     * @param forward the output at an input
     * @param derivative dy/dx at input x with output y
     * @throws IllegalArgumentException if the name is null or blank, or a function is null
     */
    public static Unary unary(String name, DoubleUnaryOperator forward, Derivative derivative) {
        requireRule(name, "forward", forward);
        requireRule(name, "derivative", derivative);
        return unaryWithGraph(name, forward, derivative, null);
    }

    /**
     * A unary operation whose gradients can be differentiated again: its derivative also in
     * engine operations, {@code (x, y) -> x[0].sigmoid()} for softplus, which
     * {@link Value#differentiate} uses.
     *
     * @param name what pictures, traces and errors call it
     * @param forward the output at an input
     * @param derivative dy/dx at input x with output y
     * @param derivativeGraph the same derivative as a node, from the input node {@code x[0]} and the output node
     * @throws IllegalArgumentException if the name is null or blank, or a function is null
     */
    public static Unary unary(String name, DoubleUnaryOperator forward, Derivative derivative,
            GraphDerivative derivativeGraph) {
        requireRule(name, "forward", forward);
        requireRule(name, "derivative", derivative);
        requireRule(name, "derivativeGraph", derivativeGraph);
        return unaryWithGraph(name, forward, derivative, derivativeGraph);
    }

    private static Unary unaryWithGraph(String name, DoubleUnaryOperator forward, Derivative derivative,
            GraphDerivative derivativeGraph) {
        return new Unary(name) {
            @Override
            double forward(double x) {
                return forward.applyAsDouble(x);
            }

            @Override
            void backward(Value out) {
                Value x = out.inputs[0];
                x.grad += derivative.at(x.data, out.data) * out.grad;
            }

            @Override
            Value[] backwardGraph(Value out, Value gradient) {
                if (derivativeGraph == null) {
                    throw noGraphForm();
                }
                return new Value[] {derivativeGraph.at(out.inputs, out).mul(gradient)};
            }
        };
    }

    /**
     * A binary operation.
     *
     * @param name what pictures, traces and errors call it
     * @param forward the output at inputs a and b
     * @param partialA dy/da at a and b with output y
     * @param partialB dy/db at a and b with output y
     * @throws IllegalArgumentException if the name is null or blank, or a function is null
     */
    public static Binary binary(String name, DoubleBinaryOperator forward, Partial partialA, Partial partialB) {
        requireRule(name, "forward", forward);
        requireRule(name, "partialA", partialA);
        requireRule(name, "partialB", partialB);
        return binaryWithGraph(name, forward, partialA, partialB, null, null);
    }

    /**
     * A binary operation whose gradients can be differentiated again: its partials also in engine
     * operations, from the input nodes {@code x[0]} and {@code x[1]} and the output node, which
     * {@link Value#differentiate} uses.
     *
     * @param name what pictures, traces and errors call it
     * @param forward the output at inputs a and b
     * @param partialA dy/da at a and b with output y
     * @param partialB dy/db at a and b with output y
     * @param partialAGraph dy/da as a node
     * @param partialBGraph dy/db as a node
     * @throws IllegalArgumentException if the name is null or blank, or a function is null
     */
    public static Binary binary(String name, DoubleBinaryOperator forward, Partial partialA, Partial partialB,
            GraphDerivative partialAGraph, GraphDerivative partialBGraph) {
        requireRule(name, "forward", forward);
        requireRule(name, "partialA", partialA);
        requireRule(name, "partialB", partialB);
        requireRule(name, "partialAGraph", partialAGraph);
        requireRule(name, "partialBGraph", partialBGraph);
        return binaryWithGraph(name, forward, partialA, partialB, partialAGraph, partialBGraph);
    }

    private static Binary binaryWithGraph(String name, DoubleBinaryOperator forward, Partial partialA,
            Partial partialB, GraphDerivative partialAGraph, GraphDerivative partialBGraph) {
        return new Binary(name) {
            @Override
            double forward(double a, double b) {
                return forward.applyAsDouble(a, b);
            }

            @Override
            void backward(Value out) {
                Value a = out.inputs[0];
                Value b = out.inputs[1];
                a.grad += partialA.at(a.data, b.data, out.data) * out.grad;
                b.grad += partialB.at(a.data, b.data, out.data) * out.grad;
            }

            @Override
            Value[] backwardGraph(Value out, Value gradient) {
                if (partialAGraph == null) {
                    throw noGraphForm();
                }
                return new Value[] {partialAGraph.at(out.inputs, out).mul(gradient),
                    partialBGraph.at(out.inputs, out).mul(gradient)};
            }
        };
    }

    /**
     * An operation of any number of inputs whose rule gives its partials.
     *
     * @param name what pictures, traces and errors call it
     * @param forward the output at the inputs, in the order they were given
     * @param partials the partials at the inputs x with output y, one per input
     * @throws IllegalArgumentException if the name is null or blank, or a function is null
     */
    public static Nary nary(String name, ToDoubleFunction<double[]> forward, Partials partials) {
        requireRule(name, "forward", forward);
        requireRule(name, "partials", partials);
        return new Nary(name, forward, partials, null);
    }

    /**
     * An operation of any number of inputs whose rule is a vector-Jacobian product: given the
     * output's gradient, it returns what each input's gradient receives.
     *
     * @param name what pictures, traces and errors call it
     * @param forward the output at the inputs, in the order they were given
     * @param product the contributions to the inputs' gradients at inputs x with output y
     * @throws IllegalArgumentException if the name is null or blank, or a function is null
     */
    public static Nary naryVjp(String name, ToDoubleFunction<double[]> forward, VectorJacobianProduct product) {
        requireRule(name, "forward", forward);
        requireRule(name, "product", product);
        return new Nary(name, forward, null, product);
    }

    /** What pictures, traces and errors call this operation, for example {@code "*"} or {@code "tanh"}. */
    public final String name() {
        return name;
    }

    /**
     * Whether the operation passes gradient to its input number {@code input}: false for the
     * constant operands some built-ins keep as inputs (the exponent of {@link BuiltIns#POW}, the
     * bounds of {@link BuiltIns#CLAMP}), true otherwise.
     */
    public boolean differentiates(int input) {
        return true;
    }

    /**
     * A node made by this operation from {@code inputs}.
     *
     * @throws IllegalArgumentException if the operation takes another number of inputs, or an
     *     input is null
     */
    public Value apply(Value... inputs) {
        if (inputs == null) {
            throw new IllegalArgumentException("the inputs of operation " + this + " must not be null");
        }
        if (arity == ANY ? inputs.length == 0 : inputs.length != arity) {
            throw new IllegalArgumentException("operation " + this + " takes " + (arity == ANY ? "at least one input"
                    : arity == 1 ? "1 input" : arity + " inputs") + ", got " + inputs.length);
        }
        Value[] copy = inputs.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                throw new IllegalArgumentException("input " + i + " of operation " + this + " is null");
            }
        }
        return new Value(forward(copy), this, copy);
    }

    /** The name, quoted: how messages name an operation. */
    @Override
    public String toString() {
        return "\"" + name + "\"";
    }

    /** The forward formula: the output at the inputs' data. */
    abstract double forward(Value[] inputs);

    /**
     * The backward rule: adds to the gradient of each input of {@code out} what {@code out}'s
     * gradient contributes to it.
     */
    abstract void backward(Value out);

    /**
     * The backward rule as a graph, for {@link Value#differentiate}: what {@code gradient}, the
     * gradient of {@code out} as a node, contributes to each input of {@code out}, built from
     * engine operations so that it can be differentiated again; null for an input that receives
     * nothing.
     *
     * @throws UnsupportedOperationException if the operation's rule is in doubles only (an
     *     operation of your own); the message names it
     */
    abstract Value[] backwardGraph(Value out, Value gradient);

    /** The refusal of {@link #backwardGraph} for an operation whose rule is in doubles only. */
    final UnsupportedOperationException noGraphForm() {
        return new UnsupportedOperationException("operation " + this + " has its backward rule in doubles only, so"
                + " a gradient through it cannot be differentiated again (Value.differentiate); give the rule in"
                + " engine operations too (Op.unary and Op.binary take it as their last arguments), or build the"
                + " function from the engine's operations");
    }

    private static void requireRule(String name, String what, Object function) {
        if (function == null) {
            throw new IllegalArgumentException(what + " of operation \"" + name + "\" must not be null");
        }
    }

    /** An operation of one input: {@link #apply(Value)}. */
    public abstract static class Unary extends Op {

        Unary(String name) {
            super(name, 1);
        }

        /** The node of this operation applied to {@code x}. */
        public Value apply(Value x) {
            return new Value(forward(x.data), this, new Value[] {x});
        }

        /** The output at input {@code x}. */
        abstract double forward(double x);

        @Override
        final double forward(Value[] inputs) {
            return forward(inputs[0].data);
        }
    }

    /** An operation of two inputs: {@link #apply(Value, Value)}, or a plain double on the right. */
    public abstract static class Binary extends Op {

        Binary(String name) {
            super(name, 2);
        }

        /** The node of this operation applied to {@code a} and {@code b}. */
        public Value apply(Value a, Value b) {
            return new Value(forward(a.data, b.data), this, new Value[] {a, b});
        }

        /** The node of this operation applied to {@code a} and a leaf holding {@code b}. */
        public Value apply(Value a, double b) {
            return apply(a, Value.of(b));
        }

        /** The output at inputs {@code a} and {@code b}. */
        abstract double forward(double a, double b);

        @Override
        final double forward(Value[] inputs) {
            return forward(inputs[0].data, inputs[1].data);
        }
    }

    /** An operation of any number of inputs: {@link #apply(Value...)}. */
    public static final class Nary extends Op {

        private final ToDoubleFunction<double[]> forward;
        private final Partials partials;
        private final VectorJacobianProduct product;

        private Nary(String name, ToDoubleFunction<double[]> forward, Partials partials,
                VectorJacobianProduct product) {
            super(name, ANY);
            this.forward = forward;
            this.partials = partials;
            this.product = product;
        }

        @Override
        double forward(Value[] inputs) {
            return forward.applyAsDouble(Value.data(inputs));
        }

        /**
         * Runs the rule and adds what it gives to the inputs' gradients.
         *
         * @throws IllegalStateException if the rule gives another number of partials or
         *     contributions than the node has inputs; this node then adds nothing
         */
        @Override
        void backward(Value out) {
            double[] x = Value.data(out.inputs);
            double[] rule = partials != null ? partials.at(x, out.data) : product.at(x, out.data, out.grad);
            if (rule == null || rule.length != x.length) {
                throw new IllegalStateException("the backward rule of operation " + this + " gave "
                        + (rule == null ? "null" : "an array of length " + rule.length) + " for a node of " + x.length
                        + (x.length == 1 ? " input; its " : " inputs; its ") + (partials != null ? "partials"
                        : "contributions") + " must be one per input, in the inputs' order");
            }
            for (int i = 0; i < x.length; i++) {
                out.inputs[i].grad += partials != null ? rule[i] * out.grad : rule[i];
            }
        }

        @Override
        Value[] backwardGraph(Value out, Value gradient) {
            throw noGraphForm();
        }
    }
}
