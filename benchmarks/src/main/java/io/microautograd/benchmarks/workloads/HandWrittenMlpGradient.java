package io.microautograd.benchmarks.workloads;

import io.microautograd.data.Dataset;
import java.util.Arrays;

/**
 * The moons training loss's gradient written by hand, as a person tuning plain Java would: a
 * relu MLP with a linear output, the hinge loss averaged over a batch, plus L2. It is not part
 * of the product; it measures how fast plain Java can get on this workload, so the compiled
 * path's speed can be read against a reachable bound rather than against the {@code Value}
 * engine alone. Beyond what generated code may do, it skips the backward pass of samples whose
 * hinge is inactive and of units whose relu is off (exact here, since every value is finite).
 *
 * <p>Parameters are flat, in {@link io.microautograd.nn.MLP}'s order: layer by layer, neuron by
 * neuron, each neuron's weights in input order then its bias.
 */
public final class HandWrittenMlpGradient {

    private final int[] sizes;
    private final int parameterCount;
    private final double[] units;
    private final double[] unitAdjoints;

    /**
     * @param sizes the width of each layer, the inputs first: {2, 16, 16, 1} for moons
     * @throws IllegalArgumentException if there are fewer than two sizes, one is below 1, or the
     *     last is not 1 (the hinge loss needs one output)
     */
    public HandWrittenMlpGradient(int... sizes) {
        this.sizes = checkedSizes(sizes);
        this.parameterCount = parameterCount(this.sizes);
        int unitCount = 0;
        for (int size : sizes) {
            unitCount += size;
        }
        this.units = new double[unitCount];
        this.unitAdjoints = new double[unitCount];
    }

    /** A copy of {@code sizes}, checked as the constructor documents; shared with {@link BatchedMlpGradient}. */
    static int[] checkedSizes(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("sizes must hold at least 2 widths (inputs and outputs), got "
                    + Arrays.toString(sizes));
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("sizes[" + i + "] must be at least 1, got " + sizes[i]);
            }
        }
        if (sizes[sizes.length - 1] != 1) {
            throw new IllegalArgumentException("sizes must end with 1 (one output), got "
                    + sizes[sizes.length - 1] + " outputs");
        }
        return sizes.clone();
    }

    /** The number of weights and biases of a network of {@code sizes}. */
    static int parameterCount(int[] sizes) {
        int parameters = 0;
        for (int layer = 1; layer < sizes.length; layer++) {
            parameters += (sizes[layer - 1] + 1) * sizes[layer];
        }
        return parameters;
    }

    /**
     * mean_i max(0, 1 - y_i f(x_i)) + l2 * sum p^2, with labels 1 positive and anything else
     * negative; adds the gradient into {@code gradient} and returns the loss.
     *
     * @throws IllegalArgumentException if {@code params} or {@code gradient} does not hold the
     *     parameter count the sizes imply, {@code batch} is empty, or the inputs of {@code data}
     *     are not {@code sizes[0]} wide
     */
    public double lossAndGradient(double[] params, Dataset data, int[] batch, double l2, double[] gradient) {
        checkCall(sizes, parameterCount, params, data, batch, gradient);
        double total = 0;
        double scale = 1.0 / batch.length;
        for (int sample : batch) {
            double label = data.target(sample, 0) == 1 ? 1 : -1;
            double margin = 1 - label * forward(params, data, sample);
            if (margin > 0) {
                total += margin;
                backward(params, -label * scale, gradient);
            }
        }
        double squares = 0;
        for (int i = 0; i < params.length; i++) {
            squares += params[i] * params[i];
            gradient[i] += 2 * l2 * params[i];
        }
        return total * scale + l2 * squares;
    }

    /**
     * Checks the arguments of {@link #lossAndGradient} against a network of {@code sizes} with
     * {@code parameterCount} parameters, as that method documents; shared with
     * {@link BatchedMlpGradient}.
     */
    static void checkCall(int[] sizes, int parameterCount, double[] params, Dataset data, int[] batch,
            double[] gradient) {
        checkLength(sizes, parameterCount, "params", params);
        checkLength(sizes, parameterCount, "gradient", gradient);
        if (batch.length == 0) {
            throw new IllegalArgumentException("batch must hold at least one sample index, got none");
        }
        if (data.inputSize() != sizes[0]) {
            throw new IllegalArgumentException("data must have inputs " + sizes[0] + " wide (sizes[0]), got "
                    + data.inputSize());
        }
    }

    private static void checkLength(int[] sizes, int parameterCount, String name, double[] array) {
        if (array.length != parameterCount) {
            throw new IllegalArgumentException(name + " must hold " + parameterCount + " parameters for sizes "
                    + Arrays.toString(sizes) + ", got " + array.length);
        }
    }

    private double forward(double[] params, Dataset data, int sample) {
        for (int i = 0; i < sizes[0]; i++) {
            units[i] = data.input(sample, i);
        }
        int in = 0;
        int p = 0;
        for (int layer = 1; layer < sizes.length; layer++) {
            int inputs = sizes[layer - 1];
            int out = in + inputs;
            boolean hidden = layer < sizes.length - 1;
            for (int j = 0; j < sizes[layer]; j++) {
                double z = params[p + inputs];
                for (int i = 0; i < inputs; i++) {
                    z += params[p + i] * units[in + i];
                }
                units[out + j] = hidden && z <= 0 ? 0 : z;
                p += inputs + 1;
            }
            in = out;
        }
        return units[in];
    }

    /** Adds {@code seed} times the gradient of the output {@link #forward} left in the units. */
    private void backward(double[] params, double seed, double[] gradient) {
        Arrays.fill(unitAdjoints, 0);
        int out = units.length - 1;
        unitAdjoints[out] = seed;
        int p = params.length;
        for (int layer = sizes.length - 1; layer >= 1; layer--) {
            int inputs = sizes[layer - 1];
            int outputs = sizes[layer];
            int firstOut = out + 1 - outputs;
            int in = firstOut - inputs;
            p -= outputs * (inputs + 1);
            boolean hidden = layer < sizes.length - 1;
            for (int j = 0; j < outputs; j++) {
                double dz = unitAdjoints[firstOut + j];
                if (dz == 0 || hidden && units[firstOut + j] <= 0) {
                    continue;
                }
                int q = p + j * (inputs + 1);
                for (int i = 0; i < inputs; i++) {
                    gradient[q + i] += dz * units[in + i];
                    unitAdjoints[in + i] += dz * params[q + i];
                }
                gradient[q + inputs] += dz;
            }
            out = firstOut - 1;
        }
    }
}
