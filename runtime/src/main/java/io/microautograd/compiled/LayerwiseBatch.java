package io.microautograd.compiled;

import java.util.Arrays;

/**
 * The compiled MLP's summed loss of a slice of samples in rows and its gradient, layer by layer:
 * each layer's dense products (its sums, its weights' partials, its inputs' partials) by
 * {@link DenseProducts}, and each activation and the loss by the pullbacks our processor generated
 * from {@link MlpKernels#activate} and {@link MlpKernels#sampleLoss}. It reads the parameters and
 * writes the gradient in the compiled order as they are, and keeps a slice's matrices (sums,
 * activations and their partials, one per layer) between calls, replaced when a slice of another
 * size comes.
 *
 * <p>The backward pass is the chain rule at the layers' boundaries, which a rule table cannot
 * state for a product of matrices: a layer's sums {@code Z = A W + b} pull {@code dZ} back into
 * {@code dW = A^T dZ}, {@code db = sum over samples of dZ} and {@code dA = dZ W^T}.
 */
final class LayerwiseBatch {

    private final int[] layout;
    private final DenseProducts products;
    private final double[] slot = new double[1];
    private double[][][] sums;
    private double[][][] values;
    private double[][][] partials;

    LayerwiseBatch(int[] layout, DenseProducts products) {
        this.layout = layout;
        this.products = products;
    }

    /**
     * The loss (a code of {@link MlpKernels#code}) summed over the samples {@code inputs[s]} with
     * target rows {@code targets[s]}, at {@code params}; adds its gradient into {@code gradient}.
     */
    double lossAndGradient(double[] params, double[][] inputs, double[][] targets, int loss, double[] gradient) {
        int n = inputs.length;
        forward(params, inputs);
        int last = layout[MlpKernels.LAYER_COUNT] - 1;
        int outputs = layout[MlpKernels.OUTPUT_SIZE];
        double total = 0;
        for (int s = 0; s < n; s++) {
            Arrays.fill(partials[last][s], 0);
            total += MlpKernelsGrad.sampleLossPullback(values[last][s], 0, outputs, targets[s], loss, 1,
                    partials[last][s]);
        }
        for (int l = last; l >= 0; l--) {
            int record = record(l);
            int fanIn = layout[record + MlpKernels.FAN_IN];
            int size = layout[record + MlpKernels.SIZE];
            int w = layout[record + MlpKernels.FIRST_WEIGHT];
            int activation = layout[record + MlpKernels.ACTIVATION];
            double[][] dz = partials[l];
            for (int s = 0; s < n; s++) {
                double[] z = sums[l][s];
                double[] d = dz[s];
                for (int j = 0; j < size; j++) {
                    slot[0] = 0;
                    MlpKernelsGrad.activatePullback(z[j], activation, d[j], slot);
                    d[j] = slot[0];
                    gradient[w + fanIn * size + j] += d[j];
                }
            }
            double[][] a = l == 0 ? inputs : values[l - 1];
            products.addWeightGradient(a, dz, n, fanIn, size, gradient, w);
            if (l > 0) {
                products.multiplyTransposed(dz, n, params, w, fanIn, size, partials[l - 1]);
            }
        }
        return total;
    }

    /**
     * The outputs of the network at {@code params} for the one input {@code x}, by the forward
     * pass of {@link #lossAndGradient}, so a prediction sees the numbers training sees, bit for bit.
     */
    static double[] outputs(int[] layout, DenseProducts products, double[] params, double[] x) {
        return new LayerwiseBatch(layout, products).forward(params, new double[][] {x})[0];
    }

    /** Fills the sums and activations of the samples {@code inputs[s]}; returns the last layer's activations. */
    private double[][] forward(double[] params, double[][] inputs) {
        int n = inputs.length;
        int layers = layout[MlpKernels.LAYER_COUNT];
        if (sums == null || sums[0].length != n) {
            sums = new double[layers][][];
            values = new double[layers][][];
            partials = new double[layers][][];
            for (int l = 0; l < layers; l++) {
                int size = layout[record(l) + MlpKernels.SIZE];
                sums[l] = new double[n][size];
                values[l] = new double[n][size];
                partials[l] = new double[n][size];
            }
        }
        double[][] in = inputs;
        for (int l = 0; l < layers; l++) {
            int record = record(l);
            int fanIn = layout[record + MlpKernels.FAN_IN];
            int size = layout[record + MlpKernels.SIZE];
            int w = layout[record + MlpKernels.FIRST_WEIGHT];
            int activation = layout[record + MlpKernels.ACTIVATION];
            products.multiply(in, n, params, w, fanIn, size, sums[l]);
            for (int s = 0; s < n; s++) {
                double[] z = sums[l][s];
                double[] out = values[l][s];
                for (int j = 0; j < size; j++) {
                    z[j] += params[w + fanIn * size + j];
                    out[j] = MlpKernels.activate(z[j], activation);
                }
            }
            in = values[l];
        }
        return in;
    }

    private static int record(int layer) {
        return MlpKernels.FIRST_LAYER + MlpKernels.LAYER_FIELDS * layer;
    }
}
