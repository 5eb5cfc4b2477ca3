package io.microautograd.compiled;

import io.microautograd.data.Dataset;
import io.microautograd.train.SliceObjective;

/**
 * The compiled MLP's loss summed over a slice of a batch by one call of the generated
 * {@link MlpKernels#batch} gradient: the slice's inputs and targets are copied column by column
 * ({@code [input][sample]}) into matrices kept per slice, which grow once to the largest slice
 * and are replaced only when a slice of another size comes.
 */
final class MlpBatches implements SliceObjective {

    private final int[] layout;
    private final CompiledLoss loss;
    private final double[][][] inputs;
    private final double[][][] targets;

    MlpBatches(int[] layout, CompiledLoss loss, int slices) {
        this.layout = layout;
        this.loss = loss;
        this.inputs = new double[slices][][];
        this.targets = new double[slices][][];
    }

    @Override
    public double lossAndGradient(int slice, double[] params, Dataset data, int[] batch, int from, int to,
            double[] gradient) {
        int n = to - from;
        double[][] x = columns(inputs, slice, data.inputSize(), n);
        double[][] t = columns(targets, slice, data.targetSize(), n);
        for (int s = 0; s < n; s++) {
            int sample = batch[from + s];
            for (int c = 0; c < x.length; c++) {
                x[c][s] = data.input(sample, c);
            }
            for (int c = 0; c < t.length; c++) {
                t[c][s] = data.target(sample, c);
            }
            loss.checkTarget(t[0][s]);
        }
        return MlpKernelsGrad.batch(params, layout, x, t, loss.objective(), gradient);
    }

    /** The slice's {@code width} x {@code n} matrix, replaced when one of another shape is needed. */
    private static double[][] columns(double[][][] matrices, int slice, int width, int n) {
        double[][] matrix = matrices[slice];
        if (matrix == null || matrix.length != width || matrix[0].length != n) {
            matrix = new double[width][n];
            matrices[slice] = matrix;
        }
        return matrix;
    }
}
