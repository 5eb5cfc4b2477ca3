package io.microautograd.train;

import io.microautograd.data.Dataset;

/**
 * A {@link PerSampleObjective} summed over a slice sample by sample, each sample's input and
 * target copied into the slice's own reusable rows.
 */
final class SampleBySample implements SliceObjective {

    private final PerSampleObjective sampleLoss;
    private final double[][] inputs;
    private final double[][] targets;

    SampleBySample(PerSampleObjective sampleLoss, int slices) {
        this.sampleLoss = sampleLoss;
        this.inputs = new double[slices][0];
        this.targets = new double[slices][0];
    }

    @Override
    public double lossAndGradient(int slice, double[] params, Dataset data, int[] batch, int from, int to,
            double[] gradient) {
        double[] input = rowBuffer(inputs, slice, data.inputSize());
        double[] target = rowBuffer(targets, slice, data.targetSize());
        double sum = 0;
        for (int k = from; k < to; k++) {
            int sample = batch[k];
            for (int c = 0; c < input.length; c++) {
                input[c] = data.input(sample, c);
            }
            for (int c = 0; c < target.length; c++) {
                target[c] = data.target(sample, c);
            }
            sum += sampleLoss.lossAndGradient(params, input, target, gradient);
        }
        return sum;
    }

    /** The slice's reusable row of {@code width} values, replaced when a dataset of another width comes. */
    private static double[] rowBuffer(double[][] rows, int slice, int width) {
        if (rows[slice].length != width) {
            rows[slice] = new double[width];
        }
        return rows[slice];
    }
}
