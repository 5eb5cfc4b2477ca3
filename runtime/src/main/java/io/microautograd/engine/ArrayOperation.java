package io.microautograd.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One node of an operation of arrays: a function of {@code double}, {@code double[]} and
 * {@code double[][]} arguments, applied to nodes, single and in arrays, and differentiated by a
 * pullback in the gradient compiler's contract (seed in, contributions added into zeroed adjoint
 * arrays of the inputs' shapes). The {@code Value} operations the processor writes from
 * {@code @Pullback} rules are made of it; it also serves a pullback written by hand.
 *
 * <pre>{@code
 * // Norms.weighted(double[] a, double[][] m, double s, int n), its rule NormRules.weighted
 * Value y = new ArrayOperation("weighted").vector("a", a).matrix("m", m).scalar("s", s).apply(
 *         x -> Norms.weighted(x.vector(0), x.matrix(1), x.scalar(2), n),
 *         (x, seed, adjoints) -> NormRules.weighted(x.vector(0), x.matrix(1), x.scalar(2), n, seed,
 *                 adjoints.scalars(), adjoints.vector(0), adjoints.matrix(1)));
 * }</pre>
 *
 * <p>The node is one {@link Op#naryVjp} operation of the given name over the inputs flattened in
 * order (matrices row by row), so its name shows in pictures, traces and the trainer's NaN
 * guard, and {@code GradientCheck.check(node.op(), points)} checks the rule at flattened points
 * of the same shapes. That operation is made per node, not once: the shapes and the function's
 * other arguments (ints, say) belong to the call, and one more small object per node costs
 * nothing beside the arrays the rule needs anyway. Its rule is in doubles only, so a gradient
 * through it cannot be differentiated again ({@link Value#differentiate} throws, naming it).
 *
 * <p>An instance describes one node: add the inputs, then {@link #apply} once.
 */
public final class ArrayOperation {

    /** The function: its value at the inputs' numbers. */
    @FunctionalInterface
    public interface Forward {
        /** The value at {@code x}, the inputs' numbers in their shapes. */
        double at(Arguments x);
    }

    /** The pullback: the value, and {@code seed} times each partial added into {@code adjoints}. */
    @FunctionalInterface
    public interface Pullback {
        /**
         * Adds {@code seed} times the partial of each input into {@code adjoints} (zeroed, of the
         * inputs' shapes) and returns the value at {@code x}.
         */
        double at(Arguments x, double seed, Arguments adjoints);
    }

    private final String name;
    private final List<Value> nodes = new ArrayList<>();
    /** Each input's shape: {} for a scalar, {length} for a vector, {rows, columns} for a matrix. */
    private final List<int[]> shapes = new ArrayList<>();
    private final List<String> inputNames = new ArrayList<>();

    /**
     * @param name what pictures, traces and errors call the operation
     * @throws IllegalArgumentException if the name is null or blank
     */
    public ArrayOperation(String name) {
        this.name = Op.requireName(name);
    }

    /**
     * Adds the input {@code node}, a {@code double} of the function.
     *
     * @param input the parameter's name, for messages
     * @throws IllegalArgumentException if the node is null
     */
    public ArrayOperation scalar(String input, Value node) {
        requireNonNull(node, input);
        return add(input, new int[0], List.of(node));
    }

    /**
     * Adds the input {@code nodes}, a {@code double[]} of the function.
     *
     * @param input the parameter's name, for messages
     * @throws IllegalArgumentException if the array or one of its nodes is null
     */
    public ArrayOperation vector(String input, Value[] nodes) {
        requireNonNull(nodes, input);
        for (int i = 0; i < nodes.length; i++) {
            requireNonNull(nodes[i], input + "[" + i + "]");
        }
        return add(input, new int[] {nodes.length}, List.of(nodes));
    }

    /**
     * Adds the input {@code rows}, a {@code double[][]} of the function, whose rows must all
     * have one length.
     *
     * @param input the parameter's name, for messages
     * @throws IllegalArgumentException if the matrix, a row or a node is null, or the rows differ in length
     */
    public ArrayOperation matrix(String input, Value[][] rows) {
        requireNonNull(rows, input);
        List<Value> elements = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            requireNonNull(rows[r], input + "[" + r + "]");
            if (rows[r].length != rows[0].length) {
                throw new IllegalArgumentException("operation \"" + name + "\" takes " + input + " as a matrix, whose"
                        + " rows have one length, but row " + r + " has length " + rows[r].length + " and row 0 length "
                        + rows[0].length);
            }
            for (int c = 0; c < rows[r].length; c++) {
                requireNonNull(rows[r][c], input + "[" + r + "][" + c + "]");
                elements.add(rows[r][c]);
            }
        }
        return add(input, new int[] {rows.length, rows.length == 0 ? 0 : rows[0].length}, elements);
    }

    /**
     * The node of the operation at the inputs added so far: {@code forward} gives its value,
     * {@code pullback} its gradient's contributions to the inputs when {@link Value#backward()}
     * reaches it, with seed = the node's gradient.
     *
     * @throws IllegalArgumentException if a function is null, no input holds a node, or the
     *     function indexes past an array's end (the arguments' lengths do not fit it)
     */
    public Value apply(Forward forward, Pullback pullback) {
        if (forward == null || pullback == null) {
            throw new IllegalArgumentException((forward == null ? "forward" : "pullback") + " of operation \"" + name
                    + "\" must not be null");
        }
        List<int[]> shapesAtCall = List.copyOf(shapes);
        Op op = Op.naryVjp(name, x -> forward.at(Arguments.of(shapesAtCall, x)), (x, y, gradient) -> {
            Arguments adjoints = Arguments.of(shapesAtCall, new double[x.length]);
            pullback.at(Arguments.of(shapesAtCall, x), gradient, adjoints);
            return adjoints.flattened();
        });
        try {
            return op.apply(nodes.toArray(new Value[0]));
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("operation \"" + name + "\" does not take arguments of these lengths ("
                    + describeShapes() + "): " + e.getMessage(), e);
        }
    }

    private ArrayOperation add(String input, int[] shape, List<Value> elements) {
        inputNames.add(input);
        shapes.add(shape);
        nodes.addAll(elements);
        return this;
    }

    private String describeShapes() {
        List<String> described = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            int[] shape = shapes.get(i);
            described.add(inputNames.get(i) + (shape.length == 0 ? " a scalar" : shape.length == 1 ? " of length "
                    + shape[0] : " " + shape[0] + " x " + shape[1]));
        }
        return String.join(", ", described);
    }

    private void requireNonNull(Object input, String inputName) {
        if (input == null) {
            throw new IllegalArgumentException("input " + inputName + " of operation \"" + name + "\" is null");
        }
    }

    /**
     * The numbers of an operation's inputs in their shapes, or its adjoints: each input by its
     * position among the inputs, and the scalars also as one array with a slot per scalar input
     * in order (the rule's {@code scalarAdjoints}).
     */
    public static final class Arguments {

        private final List<int[]> shapes;
        private final Object[] inputs;
        private final double[] scalars;
        /** For each input, its slot in {@link #scalars}, or -1 for an array. */
        private final int[] slots;
        /** How many numbers the inputs hold. */
        private final int size;

        private Arguments(List<int[]> shapes, Object[] inputs, double[] scalars, int[] slots, int size) {
            this.shapes = shapes;
            this.inputs = inputs;
            this.scalars = scalars;
            this.slots = slots;
            this.size = size;
        }

        /** The inputs of these shapes holding {@code flat}, which lists them in order, matrices row by row. */
        static Arguments of(List<int[]> shapes, double[] flat) {
            Object[] inputs = new Object[shapes.size()];
            int[] slots = new int[shapes.size()];
            int scalarCount = (int) shapes.stream().filter(s -> s.length == 0).count();
            double[] scalars = new double[scalarCount];
            int next = 0;
            int slot = 0;
            for (int i = 0; i < shapes.size(); i++) {
                int[] shape = shapes.get(i);
                slots[i] = shape.length == 0 ? slot++ : -1;
                if (shape.length == 0) {
                    scalars[slots[i]] = flat[next++];
                } else if (shape.length == 1) {
                    inputs[i] = Arrays.copyOfRange(flat, next, next + shape[0]);
                    next += shape[0];
                } else {
                    double[][] rows = new double[shape[0]][];
                    for (int r = 0; r < shape[0]; r++) {
                        rows[r] = Arrays.copyOfRange(flat, next, next + shape[1]);
                        next += shape[1];
                    }
                    inputs[i] = rows;
                }
            }
            return new Arguments(shapes, inputs, scalars, slots, flat.length);
        }

        /** Input number {@code input}, a scalar. */
        public double scalar(int input) {
            return scalars[slot(input)];
        }

        /** Input number {@code input}, a vector. */
        public double[] vector(int input) {
            return (double[]) array(input, 1);
        }

        /** Input number {@code input}, a matrix. */
        public double[][] matrix(int input) {
            return (double[][]) array(input, 2);
        }

        /** The scalar inputs, in order: the slots of a rule's {@code scalarAdjoints}. */
        public double[] scalars() {
            return scalars;
        }

        /** Every number, in the inputs' order, matrices row by row. */
        double[] flattened() {
            double[] flat = new double[size];
            int next = 0;
            for (int i = 0; i < inputs.length; i++) {
                if (slots[i] >= 0) {
                    flat[next++] = scalars[slots[i]];
                } else if (inputs[i] instanceof double[] vector) {
                    System.arraycopy(vector, 0, flat, next, vector.length);
                    next += vector.length;
                } else {
                    for (double[] row : (double[][]) inputs[i]) {
                        System.arraycopy(row, 0, flat, next, row.length);
                        next += row.length;
                    }
                }
            }
            return flat;
        }

        private int slot(int input) {
            if (slots[input] < 0) {
                throw new IllegalArgumentException("input " + input + " is an array, not a scalar");
            }
            return slots[input];
        }

        private Object array(int input, int rank) {
            if (shapes.get(input).length != rank) {
                throw new IllegalArgumentException("input " + input + " has " + shapes.get(input).length
                        + " dimensions, not " + rank);
            }
            return inputs[input];
        }
    }
}
