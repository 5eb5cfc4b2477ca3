package io.microautograd.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Samples for learning: one input row and one target row per sample, every input of the same
 * width, at least one, and every target of the same width. Targets of width 0 suit an objective
 * that reads only the inputs (unsupervised), as they do on Spark's {@code DistributedSamples}.
 *
 * <p>Immutable: the constructor copies the rows it is given and every accessor returns a copy,
 * so neither the caller nor a model can change a dataset after it is built.
 */
public final class Dataset {

    private final double[][] inputs;
    private final double[][] targets;

    /**
     * A dataset of {@code inputs[i]} paired with {@code targets[i]}.
     *
     * @throws IllegalArgumentException if there are no samples, the two arrays differ in length,
     *     the input rows are empty, or the rows of either are not all of one width
     */
    public Dataset(double[][] inputs, double[][] targets) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("inputs must hold at least one sample, got none");
        }
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException("inputs and targets must have one row per sample, got "
                    + inputs.length + " rows of inputs and " + targets.length + " of targets");
        }
        this.inputs = copyRows(inputs, "inputs");
        this.targets = copyRows(targets, "targets");
        if (this.inputs[0].length == 0) {
            throw new IllegalArgumentException("every row of inputs must hold at least one value, got rows of width 0");
        }
    }

    /** A dataset with one target per sample, {@code y[i]} for {@code x[i]}: the seed's X and Y. */
    public static Dataset of(double[][] x, double[] y) {
        double[][] targets = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            targets[i] = new double[] {y[i]};
        }
        return new Dataset(x, targets);
    }

    /**
     * This dataset's samples cut in two at random: a test part of {@code round(size * testFraction)}
     * samples and a training part of the rest, each in the order of a shuffle drawn from
     * {@code seed} with {@link java.util.Random} (Fisher-Yates), so a seed gives the same parts on
     * every JVM.
     *
     * @throws IllegalArgumentException unless both parts get at least one sample
     */
    public Split split(double testFraction, long seed) {
        long test = Math.round(size() * testFraction);
        if (!(test >= 1 && test < size())) {
            throw new IllegalArgumentException("testFraction must leave at least one sample in each part of the "
                    + size() + ", got " + testFraction);
        }
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return new Split(subset(order, (int) test, order.length), subset(order, 0, (int) test));
    }

    /**
     * A dataset cut in two by {@link #split}.
     *
     * @param train the samples to train on
     * @param test the samples held out
     */
    public record Split(Dataset train, Dataset test) {
    }

    private Dataset subset(int[] order, int from, int to) {
        double[][] x = new double[to - from][];
        double[][] y = new double[to - from][];
        for (int k = from; k < to; k++) {
            x[k - from] = inputs[order[k]];
            y[k - from] = targets[order[k]];
        }
        return new Dataset(x, y);
    }

    /** The number of samples. */
    public int size() {
        return inputs.length;
    }

    /** The width of every input row. */
    public int inputSize() {
        return inputs[0].length;
    }

    /** The width of every target row. */
    public int targetSize() {
        return targets[0].length;
    }

    /** A copy of the input row of sample {@code i}. */
    public double[] input(int i) {
        return inputs[i].clone();
    }

    /** A copy of the target row of sample {@code i}. */
    public double[] target(int i) {
        return targets[i].clone();
    }

    /** Input {@code column} of sample {@code sample}, read without copying a row: for tight loops. */
    public double input(int sample, int column) {
        return inputs[sample][column];
    }

    /** Target {@code column} of sample {@code sample}, read without copying a row: for tight loops. */
    public double target(int sample, int column) {
        return targets[sample][column];
    }

    /** A copy of every input row, in sample order. */
    public double[][] inputs() {
        return copyRows(inputs, "inputs");
    }

    /** A copy of every target row, in sample order. */
    public double[][] targets() {
        return copyRows(targets, "targets");
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " samples, inputs of width " + inputSize() + ", targets of width " + targetSize()
                + ")";
    }

    private static double[][] copyRows(double[][] rows, String name) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != rows[0].length) {
                throw new IllegalArgumentException("every row of " + name + " must have the width of row 0 ("
                        + rows[0].length + "), but row " + i + " has width " + rows[i].length);
            }
            copy[i] = Arrays.copyOf(rows[i], rows[i].length);
        }
        return copy;
    }
}
