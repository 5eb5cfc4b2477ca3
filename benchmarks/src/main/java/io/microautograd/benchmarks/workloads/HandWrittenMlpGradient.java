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
    private final double[] units;
    private final double[] unitAdjoints;

    /** @param sizes the width of each layer, the inputs first: {2, 16, 16, 1} for moons */
    public HandWrittenMlpGradient(int... sizes) {
        this.sizes = sizes.clone();
        int count = 0;
        for (int size : sizes) {
            count += size;
        }
        this.units = new double[count];
        this.unitAdjoints = new double[count];
    }

    /**
     * mean_i max(0, 1 - y_i f(x_i)) + l2 * sum p^2, with labels 1 positive and anything else
     * negative; adds the gradient into {@code gradient} and returns the loss.
     */
    public double lossAndGradient(double[] params, Dataset data, int[] batch, double l2, double[] gradient) {
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
