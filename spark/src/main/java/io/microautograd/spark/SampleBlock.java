package io.microautograd.spark;

import io.microautograd.train.PerSampleObjective;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * The samples of one partition, as cached on an executor: inputs and targets packed row after
 * row in two arrays, so that a partition is two objects whatever its size.
 */
final class SampleBlock implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int partition;
    private final int size;
    private final int inputSize;
    private final int targetSize;
    private final double[] inputs;
    private final double[] targets;

    private SampleBlock(int partition, int size, int inputSize, int targetSize, double[] inputs, double[] targets) {
        this.partition = partition;
        this.size = size;
        this.inputSize = inputSize;
        this.targetSize = targetSize;
        this.inputs = inputs;
        this.targets = targets;
    }

    /** Reads every record of partition {@code partition} with {@code reader}. */
    static <T> SampleBlock read(int partition, Iterator<T> records, int inputSize, int targetSize,
            SampleReader<T> reader) {
        double[] input = new double[inputSize];
        double[] target = new double[targetSize];
        double[] inputs = new double[inputSize * 1024];
        double[] targets = new double[targetSize * 1024];
        int size = 0;
        while (records.hasNext()) {
            Arrays.fill(input, 0);
            Arrays.fill(target, 0);
            reader.read(records.next(), input, target);
            if ((long) (size + 1) * Math.max(inputSize, targetSize) > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("partition " + partition + " holds more than " + size
                        + " samples, too many for one array; repartition the data into more partitions");
            }
            inputs = ensureCapacity(inputs, (size + 1) * inputSize);
            targets = ensureCapacity(targets, (size + 1) * targetSize);
            System.arraycopy(input, 0, inputs, size * inputSize, inputSize);
            System.arraycopy(target, 0, targets, size * targetSize, targetSize);
            size++;
        }
        return new SampleBlock(partition, size, inputSize, targetSize, Arrays.copyOf(inputs, size * inputSize),
                Arrays.copyOf(targets, size * targetSize));
    }

    private static double[] ensureCapacity(double[] values, int length) {
        return length <= values.length ? values
                : Arrays.copyOf(values, (int) Math.min((long) values.length * 2 + 16, Integer.MAX_VALUE - 8));
    }

    /** The number of samples. */
    int size() {
        return size;
    }

    /**
     * Adds into {@code sum} the losses at {@code params} of the samples {@code selection} takes,
     * their gradients and their count, in sample order; returns {@code sum}.
     */
    GradientSum addTo(GradientSum sum, PerSampleObjective sampleLoss, double[] params, BatchSelection selection) {
        double[] input = new double[inputSize];
        double[] target = new double[targetSize];
        SplittableRandom draws = selection.draws(partition);
        for (int i = 0; i < size; i++) {
            if (selection.takesNext(draws)) {
                System.arraycopy(inputs, i * inputSize, input, 0, inputSize);
                System.arraycopy(targets, i * targetSize, target, 0, targetSize);
                sum.loss += sampleLoss.lossAndGradient(params, input, target, sum.gradient);
                sum.count++;
            }
        }
        return sum;
    }
}
