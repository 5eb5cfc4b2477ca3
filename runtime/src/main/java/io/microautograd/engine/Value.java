package io.microautograd.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scalar that remembers how it was computed, so that {@link #backward()} can fill in the
 * gradient of every value it depends on. The Java form of micrograd's (and the seed's)
 * {@code Value}.
 *
 * <pre>{@code
 * Value x = Value.of(2.0).label("x");
 * Value y = Value.of(3.0).label("y");
 * Value z = x.mul(y).add(x).label("z");
 * z.backward();
 * // z.data() == 8, x.grad() == 4, y.grad() == 2
 * }</pre>
 *
 * <p><b>Operations.</b> Java has no operator overloading, so arithmetic is spelled as methods:
 * {@code a.add(b)}, {@code a.sub(b)}, {@code a.mul(b)}, {@code a.div(b)}, {@code a.pow(b)}, each
 * also taking a plain {@code double} on the right ({@code x.mul(2)}). For a plain double on the
 * left, wrap it: {@code Value.of(2).sub(x)}. Every call makes a new node; inputs are never
 * modified, except that {@link #backward()} accumulates into their {@link #grad()}. Each
 * primitive is a row of {@link BuiltIns}; an operation of your own, made with
 * {@link Op#unary}, {@link Op#binary} or {@link Op#nary}, makes nodes the same way
 * ({@code softplus.apply(x)}).
 *
 * <p><b>Gradients accumulate</b> ({@code +=}), as in micrograd and PyTorch: a value used twice
 * receives both contributions, and calling {@code backward()} twice adds twice. Call
 * {@link #zeroGrad()} (or an optimizer's) between steps.
 *
 * <p><b>Changing a number.</b> {@link #setData(double)} changes one node; the nodes computed from
 * it keep the values they were computed with, since the engine records a graph but does not
 * re-run it. Build the graph again from the changed leaves (compute the output anew) before
 * differentiating: {@code backward()} on a graph one of whose nodes changed after a node
 * computed from it throws {@link IllegalStateException}, instead of mixing old outputs with new
 * inputs into a gradient that holds at no point.
 *
 * <p><b>Identity.</b> {@code equals} and {@code hashCode} are those of {@link Object}: a
 * {@code Value} is a node in a graph, and two nodes holding the same number are still two nodes.
 * Compare numbers with {@link #dataEquals(Value)}, {@link #lt(Value)} and friends.
 *
 * <p><b>Threads.</b> A graph is not thread-safe; build and differentiate each graph on one
 * thread. Separate graphs may be used on separate threads.
 */
public final class Value {

    /**
     * Inputs below this are clamped to it by {@link #log()}, which then has zero gradient: the
     * seed's epsilon handling, so that {@code log(0)} is a large negative number, not -infinity.
     */
    public static final double LOG_EPSILON = 1e-12;

    private static final Value[] NO_INPUTS = new Value[0];
    /** Counts the changes {@link #setData} made, in every graph: the clock of {@link #stamp}. */
    private static final AtomicInteger CHANGES = new AtomicInteger();

    double data;
    double grad;
    final Op op;
    final Value[] inputs;
    private String label;
    /** The traversal that last visited this node; spares the topological sort a visited set. */
    int visitMark;
    /**
     * {@link #CHANGES} when this node's number was computed or last changed: a node whose input
     * has a later stamp was computed from the input's old number. An int fits in the padding a
     * node's object had, so it costs no memory; stamps are compared by their difference, so the
     * clock may wrap.
     */
    private int stamp;

    /** A node made by {@code op} from {@code inputs}, holding {@code data}; {@link Op} makes them. */
    Value(double data, Op op, Value[] inputs) {
        this.data = data;
        this.op = op;
        this.inputs = inputs;
        this.stamp = CHANGES.get();
    }

    /** A leaf holding {@code data}: an input, a parameter or a constant. */
    public static Value of(double data) {
        return new Value(data, BuiltIns.LEAF, NO_INPUTS);
    }

    /** Leaves holding {@code data}, one per element. */
    public static Value[] of(double... data) {
        Value[] values = new Value[data.length];
        for (int i = 0; i < data.length; i++) {
            values[i] = of(data[i]);
        }
        return values;
    }

    /** The numbers {@code values} hold, in order. */
    static double[] data(Value[] values) {
        double[] data = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = values[i].data;
        }
        return data;
    }

    /** The sum of {@code terms} as one node with many inputs (smaller than a chain of adds); 0 for none. */
    public static Value sum(Value... terms) {
        return terms.length == 0 ? of(0) : BuiltIns.SUM.apply(terms);
    }

    /** The sum of {@code terms} as one node. */
    public static Value sum(List<Value> terms) {
        return sum(terms.toArray(new Value[0]));
    }

    // ---- accessors -------------------------------------------------------------------------

    /** The number this node holds. */
    public double data() {
        return data;
    }

    /**
     * Replaces the number this node holds; meant for leaves (parameters updated by an optimizer).
     * Nodes already computed from this one keep their values: compute them anew before calling
     * {@link #backward()}, which refuses a graph computed from this node's old number.
     */
    public void setData(double data) {
        if (Double.doubleToRawLongBits(data) != Double.doubleToRawLongBits(this.data)) {
            this.data = data;
            stamp = CHANGES.incrementAndGet();
        }
    }

    /** d(root)/d(this) after {@code root.backward()}; 0 before. */
    public double grad() {
        return grad;
    }

    /** Replaces this node's gradient (an optimizer or a test may want to). */
    public void setGrad(double grad) {
        this.grad = grad;
    }

    /** The label given with {@link #label(String)}, or {@code ""}. */
    public String label() {
        return label == null ? "" : label;
    }

    /** Names this node for printing and pictures; returns this node, so it chains. */
    public Value label(String label) {
        this.label = label;
        return this;
    }

    /** The operation that produced this node ({@link BuiltIns#LEAF} for inputs and constants). */
    public Op op() {
        return op;
    }

    /** The inputs of the operation that produced this node, in argument order. */
    public List<Value> inputs() {
        return Collections.unmodifiableList(Arrays.asList(inputs));
    }

    // ---- primitive operations (each a row of BuiltIns) -----------------------------------------

    /** this + other. */
    public Value add(Value other) {
        return BuiltIns.ADD.apply(this, other);
    }

    /** this * other. */
    public Value mul(Value other) {
        return BuiltIns.MUL.apply(this, other);
    }

    /** this / other, rounded as Java's {@code /}. */
    public Value div(Value other) {
        return BuiltIns.DIV.apply(this, other);
    }

    /** this * b + c with one rounding, as {@code Math.fma}. */
    public Value fma(Value b, Value c) {
        return BuiltIns.FMA.apply(this, b, c);
    }

    /** this ^ exponent, with a constant exponent. */
    public Value pow(double exponent) {
        return BuiltIns.POW.apply(this, exponent);
    }

    /** this ^ exponent, differentiated in both; see {@link BuiltIns#POW_VALUE} for x &lt;= 0. */
    public Value pow(Value exponent) {
        return BuiltIns.POW_VALUE.apply(this, exponent);
    }

    /** this * 2^n, as {@code Math.scalb}. */
    public Value scalb(int n) {
        return BuiltIns.SCALB.apply(this, n);
    }

    /** e ^ this. */
    public Value exp() {
        return BuiltIns.EXP.apply(this);
    }

    /** Natural log of max(this, {@link #LOG_EPSILON}): never -infinity or NaN unless this is NaN. */
    public Value log() {
        return BuiltIns.LOG.apply(this);
    }

    /** Hyperbolic tangent. */
    public Value tanh() {
        return BuiltIns.TANH.apply(this);
    }

    /** max(0, this), with derivative 0 at 0. */
    public Value relu() {
        return BuiltIns.RELU.apply(this);
    }

    /** 1 / (1 + e^-this), computed without overflow for large |this|. */
    public Value sigmoid() {
        return BuiltIns.SIGMOID.apply(this);
    }

    /**
     * This value limited to [min, max]. The gradient passes unchanged inside the range,
     * boundaries included, and is 0 outside it (as PyTorch's clamp).
     */
    public Value clamp(double min, double max) {
        requireRange(min, max);
        return BuiltIns.CLAMP.apply(this, of(min), of(max));
    }

    /** sin. */
    public Value sin() {
        return BuiltIns.SIN.apply(this);
    }

    /** cos. */
    public Value cos() {
        return BuiltIns.COS.apply(this);
    }

    /** tan. */
    public Value tan() {
        return BuiltIns.TAN.apply(this);
    }

    /** asin. */
    public Value asin() {
        return BuiltIns.ASIN.apply(this);
    }

    /** acos. */
    public Value acos() {
        return BuiltIns.ACOS.apply(this);
    }

    /** atan. */
    public Value atan() {
        return BuiltIns.ATAN.apply(this);
    }

    /** {@code Math.atan2(this, x)}: the angle of the point (x, this). */
    public Value atan2(Value x) {
        return BuiltIns.ATAN2.apply(this, x);
    }

    /** This angle in degrees, in radians. */
    public Value toRadians() {
        return BuiltIns.TO_RADIANS.apply(this);
    }

    /** This angle in radians, in degrees. */
    public Value toDegrees() {
        return BuiltIns.TO_DEGREES.apply(this);
    }

    /** sinh. */
    public Value sinh() {
        return BuiltIns.SINH.apply(this);
    }

    /** cosh. */
    public Value cosh() {
        return BuiltIns.COSH.apply(this);
    }

    /** e^this - 1, accurate near 0. */
    public Value expm1() {
        return BuiltIns.EXPM1.apply(this);
    }

    /** Base-10 log, as {@code Math.log10} (no epsilon clamp). */
    public Value log10() {
        return BuiltIns.LOG10.apply(this);
    }

    /** log(1 + this), accurate near 0. */
    public Value log1p() {
        return BuiltIns.LOG1P.apply(this);
    }

    /** Square root. */
    public Value sqrt() {
        return BuiltIns.SQRT.apply(this);
    }

    /** Cube root. */
    public Value cbrt() {
        return BuiltIns.CBRT.apply(this);
    }

    /** sqrt(this^2 + other^2) without overflow. */
    public Value hypot(Value other) {
        return BuiltIns.HYPOT.apply(this, other);
    }

    /** |this|, with derivative 0 at 0. */
    public Value abs() {
        return BuiltIns.ABS.apply(this);
    }

    /** The larger of this and other; at a tie the gradient goes to this. */
    public Value max(Value other) {
        return BuiltIns.MAX.apply(this, other);
    }

    /** The smaller of this and other; at a tie the gradient goes to this. */
    public Value min(Value other) {
        return BuiltIns.MIN.apply(this, other);
    }

    /** |this| with the sign of {@code sign}, as {@code Math.copySign}; no gradient flows to {@code sign}. */
    public Value copySign(Value sign) {
        return BuiltIns.COPY_SIGN.apply(this, sign);
    }

    /** Largest integer not above this; derivative 0. */
    public Value floor() {
        return BuiltIns.FLOOR.apply(this);
    }

    /** Smallest integer not below this; derivative 0. */
    public Value ceil() {
        return BuiltIns.CEIL.apply(this);
    }

    /** Nearest integer, ties to even; derivative 0. */
    public Value rint() {
        return BuiltIns.RINT.apply(this);
    }

    /** Nearest integer, ties up, as {@code Math.round}; derivative 0. */
    public Value round() {
        return BuiltIns.ROUND.apply(this);
    }

    /** -1, 0 or 1 by the sign of this; derivative 0. */
    public Value signum() {
        return BuiltIns.SIGNUM.apply(this);
    }

    /** This rounded to the nearest float, Java's {@code (float) x}; derivative 1, as the compiled cast's. */
    public Value toFloat() {
        return BuiltIns.TO_FLOAT.apply(this);
    }

    // ---- operations built from the primitives -------------------------------------------------

    /** this + other. */
    public Value add(double other) {
        return add(of(other));
    }

    /** -this. */
    public Value neg() {
        return mul(-1);
    }

    /** this - other. */
    public Value sub(Value other) {
        return add(other.neg());
    }

    /** this - other. */
    public Value sub(double other) {
        return add(-other);
    }

    /** this * other. */
    public Value mul(double other) {
        return mul(of(other));
    }

    /** this / other. */
    public Value div(double other) {
        return div(of(other));
    }

    /** The larger of this and other; at a tie the gradient goes to this. */
    public Value max(double other) {
        return max(of(other));
    }

    /** The smaller of this and other; at a tie the gradient goes to this. */
    public Value min(double other) {
        return min(of(other));
    }

    /**
     * A clamp that keeps a gradient everywhere: {@code mid + half * tanh((this - mid) / half)},
     * with mid and half the centre and half-width of [min, max]. It has slope 1 at the centre
     * and approaches the bounds without reaching them.
     */
    public Value smoothClamp(double min, double max) {
        requireRange(min, max);
        double mid = (min + max) / 2;
        double half = (max - min) / 2;
        return sub(mid).div(half).tanh().mul(half).add(mid);
    }

    // ---- comparisons on data; they do not touch the graph -------------------------------------

    /** this.data &lt; other.data. */
    public boolean lt(Value other) {
        return data < other.data;
    }

    /** this.data &lt;= other.data. */
    public boolean le(Value other) {
        return data <= other.data;
    }

    /** this.data &gt; other.data. */
    public boolean gt(Value other) {
        return data > other.data;
    }

    /** this.data &gt;= other.data. */
    public boolean ge(Value other) {
        return data >= other.data;
    }

    /** this.data &lt; other. */
    public boolean lt(double other) {
        return data < other;
    }

    /** this.data &lt;= other. */
    public boolean le(double other) {
        return data <= other;
    }

    /** this.data &gt; other. */
    public boolean gt(double other) {
        return data > other;
    }

    /** this.data &gt;= other. */
    public boolean ge(double other) {
        return data >= other;
    }

    /** Whether the two nodes hold the same number ({@code ==} on doubles: NaN equals nothing). */
    public boolean dataEquals(Value other) {
        return data == other.data;
    }

    /** Whether this node holds {@code other} ({@code ==} on doubles). */
    public boolean dataEquals(double other) {
        return data == other;
    }

    // ---- backpropagation ---------------------------------------------------------------------

    /**
     * d(this)/d(input) for each input of the operation that made this node, at the current data:
     * the operation's own rule run on a copy of this node with fresh leaves, so the graph is not
     * touched. A slot the operation does not differentiate ({@link Op#differentiates}) holds 0.
     */
    public double[] localPartials() {
        return contributions(1);
    }

    /**
     * What the operation that made this node sends each input when this node's gradient is
     * {@code gradient}: its rule run on a copy of this node with fresh leaves.
     */
    double[] contributions(double gradient) {
        Value[] leaves = new Value[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = of(inputs[i].data);
        }
        Value copy = new Value(data, op, leaves);
        copy.grad = gradient;
        op.backward(copy);
        double[] contributions = new double[leaves.length];
        for (int i = 0; i < leaves.length; i++) {
            contributions[i] = leaves[i].grad;
        }
        return contributions;
    }

    /**
     * Backpropagates from this node: adds d(this)/d(leaf) into the gradient of every leaf it
     * depends on, visiting nodes in reverse topological order. Leaves accumulate across calls
     * (call {@link #zeroGrad()} between steps); intermediate nodes are reset first, so after the
     * call they hold d(this)/d(node) of this call alone, as PyTorch's retained gradients do. The
     * sort is iterative, so graphs of any depth (a chain of ten million nodes) work without
     * growing the thread's stack.
     *
     * @throws IllegalStateException if a node of the graph was changed by {@link #setData} after a
     *     node was computed from it (nothing has been changed then), or the rule of an operation
     *     of any number of inputs ({@link Op#nary}) gave another number of partials than its
     *     node has inputs (the message names it; the gradients added before it stay)
     */
    public void backward() {
        List<Value> order = topologicalOrder();
        for (Value node : order) {
            node.requireInputsUnchanged();
        }
        for (Value node : order) {
            if (node.op != BuiltIns.LEAF) {
                node.grad = 0;
            }
        }
        grad += 1;
        for (int i = order.size() - 1; i >= 0; i--) {
            Value node = order.get(i);
            node.op.backward(node);
        }
    }

    /**
     * The gradient of this node with respect to each of {@code inputs}, as nodes: graphs built
     * from the engine's operations and the nodes of this graph, which can be differentiated
     * again (PyTorch's {@code create_graph=True}). {@code differentiate(x)[0].backward()} adds
     * the second derivatives d²(this)/dx dz into every leaf z's gradient; the product of the
     * Hessian with a vector v is {@code Value.sum(g_i * v_i).backward()}. The numbers equal
     * those {@link #backward()} gives, to rounding; no node's {@code grad} is touched. An input
     * this node does not depend on gets a constant 0. Deep graphs need no deep stack here
     * either. {@link #backward()} stays the fast way to a plain gradient.
     *
     * <pre>{@code
     * Value x = Value.of(3);
     * Value y = x.pow(3);
     * Value dy = y.differentiate(x)[0];   // 3x^2 = 27, as a node
     * dy.backward();                      // x.grad() == 6x == 18
     * }</pre>
     *
     * @throws IllegalStateException as {@link #backward()}, if a node was changed by
     *     {@link #setData} after a node was computed from it
     * @throws UnsupportedOperationException if the gradient passes through an operation of your
     *     own, whose rule is in doubles only; the message names it
     */
    public Value[] differentiate(Value... inputs) {
        return GradientGraph.of(this, inputs);
    }

    /** Sets the gradient of this node and of every node it depends on to 0. */
    public void zeroGrad() {
        for (Value node : topologicalOrder()) {
            node.grad = 0;
        }
    }

    /**
     * This node and every node it depends on, each once, inputs before the nodes computed
     * from them; this node comes last.
     */
    public List<Value> topologicalOrder() {
        return TopologicalOrder.of(this);
    }

    /**
     * Like the seed's repr, with the operation that made the node: {@code Value(data=8.0,
     * grad=0.0, op=+, label=z)}; the operation for all but leaves, the label only when set.
     */
    @Override
    public String toString() {
        String opPart = op == BuiltIns.LEAF ? "" : ", op=" + op.name();
        String labelPart = label == null || label.isEmpty() ? "" : ", label=" + label;
        return "Value(data=" + data + ", grad=" + grad + opPart + labelPart + ")";
    }

    void requireInputsUnchanged() {
        for (Value input : inputs) {
            if (input.stamp - stamp > 0) {
                throw new IllegalStateException(input + " was changed by setData after the " + op.name()
                        + " node " + this + " was computed from it, so backward() would mix its old and new numbers;"
                        + " compute the graph again from the changed values, then call backward() on the new output");
            }
        }
    }

    private static void requireRange(double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException("min must be less than max, got min=" + min + ", max=" + max);
        }
    }
}
