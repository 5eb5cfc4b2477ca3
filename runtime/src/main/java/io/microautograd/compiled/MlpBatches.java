package io.microautograd.compiled;

import io.microautograd.data.Dataset;
import io.microautograd.losses.Loss;
import io.microautograd.train.SliceObjective;

/**
 * The compiled MLP's loss summed over a slice of a batch by one call of a generated kernel
 * gradient, {@link MlpKernels#rowBatch} or {@link MlpKernels#columnBatch} as the slice's
 * {@link SampleLayout} says: the loss checks each target row, and the slice's input and target
 * rows are copied into matrices kept per slice, which are replaced only when a slice of another
 * shape comes. The column kernel reads the parameters in the compiled order as they are; for the
 * row kernel, each run of one input's weights is copied into a row of {@link KernelParameters}
 * kept per slice, and its gradient added back run by run. {@link LayerwiseBatch}, kept per slice
 * too, reads the parameters and writes the gradient as they are.
 */
final class MlpBatches implements SliceObjective {

    private final int[] layout;
    private final Loss loss;
    private final SampleLayout forced;
    private final int outputs;
    private final double[][][] inputs;
    private final double[][][] targets;
    private final KernelParameters[] kernelParameters;
    private final LayerwiseBatch[] layerwise;

    /**
     * The batches of the network {@code layout} on {@code loss}, in {@code slices} slices, each in
     * the layout {@code forced} or, when it is null, in the one {@link SampleLayout#of} chooses.
     */
    MlpBatches(int[] layout, Loss loss, int slices, SampleLayout forced) {
        this.layout = layout;
        this.loss = loss;
        this.forced = forced;
        this.outputs = layout[MlpKernels.OUTPUT_SIZE];
        this.inputs = new double[slices][][];
        this.targets = new double[slices][][];
        this.kernelParameters = new KernelParameters[slices];
        this.layerwise = new LayerwiseBatch[slices];
    }

    @Override
    public double lossAndGradient(int slice, double[] params, Dataset data, int[] batch, int from, int to,
            double[] gradient) {
        int n = to - from;
        SampleLayout sampleLayout = forced != null ? forced : SampleLayout.of(layout, n);
        boolean rows = sampleLayout != SampleLayout.COLUMNS;
        double[][] x = inputs[slice] = matrix(inputs[slice], rows ? n : data.inputSize(), rows ? data.inputSize() : n);
        double[][] t = targets[slice] = matrix(targets[slice], n, data.targetSize());
        for (int s = 0; s < n; s++) {
            int sample = batch[from + s];
            for (int c = 0; c < data.inputSize(); c++) {
                if (rows) {
                    x[s][c] = data.input(sample, c);
                } else {
                    x[c][s] = data.input(sample, c);
                }
            }
            for (int c = 0; c < t[s].length; c++) {
                t[s][c] = data.target(sample, c);
            }
            loss.checkTarget(t[s], outputs);
        }
        int code = MlpKernels.code(loss);
        if (!rows) {
            return MlpKernelsGrad.columnBatch(params, layout, x, t, code, gradient);
        }
        if (sampleLayout == SampleLayout.LAYERWISE) {
            if (layerwise[slice] == null) {
                layerwise[slice] = new LayerwiseBatch(layout, DenseProducts.VECTORIZED);
            }
            return layerwise[slice].lossAndGradient(params, x, t, code, gradient);
        }
        if (kernelParameters[slice] == null) {
            kernelParameters[slice] = new KernelParameters(layout);
        }
        KernelParameters kernel = kernelParameters[slice];
        kernel.load(params);
        double sum = MlpKernelsGrad.rowBatch(kernel.weights, kernel.biases, layout, x, t, code,
                kernel.weightAdjoints, kernel.biasAdjoints);
        kernel.addGradientTo(gradient);
        return sum;
    }

    /** {@code matrix} if it is {@code rows} x {@code columns}, else a new matrix of that shape. */
    private static double[][] matrix(double[][] matrix, int rows, int columns) {
        return matrix != null && matrix.length == rows && matrix[0].length == columns ? matrix
                : new double[rows][columns];
    }
}
