package io.microautograd.compiled;

import java.util.Arrays;

/**
 * The parameters of the compiled MLP in the rows the row kernel reads, kept between calls: one
 * row per input of a layer ({@code weights[row + i][unit + j]} is the weight of input i of unit
 * j, see {@link MlpLayout}), the biases in a row of their own, and the adjoint storage of both.
 * Each row is a contiguous run of the parameters in the compiled order, so a copy either way is
 * one {@code arraycopy} or one element-wise loop per row, and the gradient it gives back is the
 * kernel's, bit for bit.
 */
final class KernelParameters {

    private final int[] layout;
    final double[][] weights;
    final double[] biases;
    final double[][] weightAdjoints;
    final double[] biasAdjoints;

    KernelParameters(int[] layout) {
        this.layout = layout;
        int units = layout[MlpKernels.UNIT_COUNT];
        this.weights = new double[layout[MlpKernels.WEIGHT_ROWS]][units];
        this.biases = new double[units];
        this.weightAdjoints = new double[weights.length][units];
        this.biasAdjoints = new double[units];
    }

    /** Copies {@code params}, in the compiled order, into the kernel's rows, and zeroes the adjoints. */
    void load(double[] params) {
        for (int l = 0; l < layout[MlpKernels.LAYER_COUNT]; l++) {
            int record = MlpKernels.FIRST_LAYER + MlpKernels.LAYER_FIELDS * l;
            int fanIn = layout[record + MlpKernels.FAN_IN];
            int size = layout[record + MlpKernels.SIZE];
            int w = layout[record + MlpKernels.FIRST_WEIGHT];
            int unit = layout[record + MlpKernels.FIRST_UNIT];
            int row = layout[record + MlpKernels.FIRST_ROW];
            for (int i = 0; i < fanIn; i++) {
                System.arraycopy(params, w + i * size, weights[row + i], unit, size);
                Arrays.fill(weightAdjoints[row + i], unit, unit + size, 0);
            }
            System.arraycopy(params, w + fanIn * size, biases, unit, size);
        }
        Arrays.fill(biasAdjoints, 0);
    }

    /** Adds the adjoints into {@code gradient}, in the compiled order. */
    void addGradientTo(double[] gradient) {
        for (int l = 0; l < layout[MlpKernels.LAYER_COUNT]; l++) {
            int record = MlpKernels.FIRST_LAYER + MlpKernels.LAYER_FIELDS * l;
            int fanIn = layout[record + MlpKernels.FAN_IN];
            int size = layout[record + MlpKernels.SIZE];
            int w = layout[record + MlpKernels.FIRST_WEIGHT];
            int unit = layout[record + MlpKernels.FIRST_UNIT];
            int row = layout[record + MlpKernels.FIRST_ROW];
            for (int i = 0; i <= fanIn; i++) {
                double[] adjoints = i < fanIn ? weightAdjoints[row + i] : biasAdjoints;
                int run = w + i * size - unit;
                for (int j = unit; j < unit + size; j++) {
                    gradient[run + j] += adjoints[j];
                }
            }
        }
    }
}
