package io.microautograd.benchmarks.workloads;

import io.microautograd.data.Dataset;
import java.util.Arrays;

/**
 * DRAFT
 */
public final class BatchedMlpGradient {

    private final int[] sizes;
    private final int parameterCount;
    private int capacity;
    /** units[layer][unit][sample]: layer 0 holds the inputs, hidden layers their relu outputs. */
    private double[][][] units;
    /** adjoints[layer][unit][sample]: the loss's derivative by each unit's pre-activation. */
    private double[][][] adjoints;
    /** rows[layer][k][unit]: units[layer] transposed, for the k-th sample whose hinge is active. */
    private double[][][] rows;
    private double[] labels;
    private int[] active;

    public BatchedMlpGradient(int... sizes) {
        this.sizes = HandWrittenMlpGradient.checkedSizes(sizes);
        this.parameterCount = HandWrittenMlpGradient.parameterCount(this.sizes);
        grow(1);
    }

    public double lossAndGradient(double[] params, Dataset data, int[] batch, double l2, double[] gradient) {
        HandWrittenMlpGradient.checkCall(sizes, parameterCount, params, data, batch, gradient);
        int n = batch.length;
        if (n > capacity) {
            grow(n);
        }
        gather(data, batch);
        forward(params, n);
        int last = sizes.length - 1;
        double[] output = units[last][0];
        double[] dOutput = adjoints[last][0];
        double scale = 1.0 / n;
        double total = 0;
        int activeCount = 0;
        for (int s = 0; s < n; s++) {
            double margin = 1 - labels[s] * output[s];
            if (margin > 0) {
                total += margin;
                dOutput[s] = -labels[s] * scale;
                active[activeCount++] = s;
            } else {
                dOutput[s] = 0;
            }
        }
        backward(params, n, activeCount, gradient);
        double squares = 0;
        for (int i = 0; i < params.length; i++) {
            squares += params[i] * params[i];
            gradient[i] += 2 * l2 * params[i];
        }
        return total * scale + l2 * squares;
    }

    private void grow(int batchSize) {
        capacity = batchSize;
        units = new double[sizes.length][][];
        adjoints = new double[sizes.length][][];
        rows = new double[sizes.length - 1][][];
        for (int layer = 0; layer < sizes.length; layer++) {
            units[layer] = new double[sizes[layer]][batchSize];
            adjoints[layer] = new double[sizes[layer]][batchSize];
            if (layer < sizes.length - 1) {
                rows[layer] = new double[batchSize][sizes[layer]];
            }
        }
        labels = new double[batchSize];
        active = new int[batchSize];
    }

    private void gather(Dataset data, int[] batch) {
        double[][] inputs = units[0];
        for (int s = 0; s < batch.length; s++) {
            for (int i = 0; i < sizes[0]; i++) {
                inputs[i][s] = data.input(batch[s], i);
            }
            labels[s] = data.target(batch[s], 0) == 1 ? 1 : -1;
        }
    }

    private void forward(double[] params, int n) {
        int p = 0;
        for (int layer = 1; layer < sizes.length; layer++) {
            double[][] in = units[layer - 1];
            int inputs = sizes[layer - 1];
            boolean hidden = layer < sizes.length - 1;
            for (int j = 0; j < sizes[layer]; j++) {
                double[] z = units[layer][j];
                Arrays.fill(z, 0, n, params[p + inputs]);
                for (int i = 0; i < inputs; i++) {
                    double w = params[p + i];
                    double[] a = in[i];
                    for (int s = 0; s < n; s++) {
                        z[s] += w * a[s];
                    }
                }
                if (hidden) {
                    for (int s = 0; s < n; s++) {
                        z[s] = Math.max(z[s], 0);
                    }
                }
                p += inputs + 1;
            }
        }
    }

    private void backward(double[] params, int n, int activeCount, double[] gradient) {
        int p = params.length;
        for (int layer = sizes.length - 1; layer >= 1; layer--) {
            int inputs = sizes[layer - 1];
            int outputs = sizes[layer];
            p -= outputs * (inputs + 1);
            double[][] in = units[layer - 1];
            double[][] dz = adjoints[layer];
            double[][] inRows = rows[layer - 1];
            for (int k = 0; k < activeCount; k++) {
                int s = active[k];
                double[] row = inRows[k];
                for (int i = 0; i < inputs; i++) {
                    row[i] = in[i][s];
                }
            }
            for (int k = 0; k < activeCount; k++) {
                int s = active[k];
                double[] row = inRows[k];
                for (int j = 0; j < outputs; j++) {
                    double d = dz[j][s];
                    if (d == 0) {
                        continue;
                    }
                    int q = p + j * (inputs + 1);
                    for (int i = 0; i < inputs; i++) {
                        gradient[q + i] += d * row[i];
                    }
                    gradient[q + inputs] += d;
                }
            }
            if (layer == 1) {
                break;
            }
            double[][] dIn = adjoints[layer - 1];
            for (int i = 0; i < inputs; i++) {
                double[] dA = dIn[i];
                Arrays.fill(dA, 0, n, 0);
                for (int j = 0; j < outputs; j++) {
                    double w = params[p + j * (inputs + 1) + i];
                    double[] d = dz[j];
                    for (int s = 0; s < n; s++) {
                        dA[s] += w * d[s];
                    }
                }
                double[] a = in[i];
                for (int s = 0; s < n; s++) {
                    dA[s] = a[s] > 0 ? dA[s] : 0;
                }
            }
        }
    }
}
