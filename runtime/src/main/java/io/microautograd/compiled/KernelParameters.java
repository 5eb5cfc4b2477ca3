package io.microautograd.compiled;

import java.util.Arrays;

/**
 * The parameters of the compiled MLP in the layout its kernel reads, kept between calls: the
 * weights transposed, one row per input of a layer ({@code weights[row + i][unit + j]} is the
 * weight of input i of neuron j, see {@link MlpLayout}), the biases in a row of their own, and
 * the adjoint storage of both. A copy is a permutation, so the gradient it gives back in the
 * parameters' order is the kernel's, bit for bit.
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

    /** Copies {@code params}, in the MLP's documented order, into the kernel's layout, and zeroes the adjoints. */
    void load(double[] params) {
        for (int l = 0; l < layout[MlpKernels.LAYER_COUNT]; l++) {
            int record = MlpKernels.FIRST_LAYER + MlpKernels.LAYER_FIELDS * l;
            int fanIn = layout[record + MlpKernels.FAN_IN];
            int size = layout[record + MlpKernels.SIZE];
            int w = layout[record + MlpKernels.FIRST_WEIGHT];
            int unit = layout[record + MlpKernels.FIRST_UNIT];
            int row = layout[record + MlpKernels.FIRST_ROW];
            for (int i = 0; i < fanIn; i++) {
                double[] column = weights[row + i];
                Arrays.fill(weightAdjoints[row + i], unit, unit + size, 0);
                for (int j = 0; j < size; j++) {
                    column[unit + j] = params[w + j * (fanIn + 1) + i];
                }
            }
            for (int j = 0; j < size; j++) {
                biases[unit + j] = params[w + j * (fanIn + 1) + fanIn];
            }
        }
        Arrays.fill(biasAdjoints, 0);
    }

    /** Adds the adjoints into {@code gradient}, in the MLP's documented parameter order. */
    void addGradientTo(double[] gradient) {
        for (int l = 0; l < layout[MlpKernels.LAYER_COUNT]; l++) {
            int record = MlpKernels.FIRST_LAYER + MlpKernels.LAYER_FIELDS * l;
            int fanIn = layout[record + MlpKernels.FAN_IN];
            int size = layout[record + MlpKernels.SIZE];
            int w = layout[record + MlpKernels.FIRST_WEIGHT];
            int unit = layout[record + MlpKernels.FIRST_UNIT];
            int row = layout[record + MlpKernels.FIRST_ROW];
            for (int i = 0; i < fanIn; i++) {
                double[] column = weightAdjoints[row + i];
                for (int j = 0; j < size; j++) {
                    gradient[w + j * (fanIn + 1) + i] += column[unit + j];
                }
            }
            for (int j = 0; j < size; j++) {
                gradient[w + j * (fanIn + 1) + fanIn] += biasAdjoints[unit + j];
            }
        }
    }
}
