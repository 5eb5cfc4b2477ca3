package io.microautograd.benchmarks.workloads;

import io.microautograd.data.Dataset;
import java.util.Arrays;

/**
 * The moons training loss's gradient written by hand for the whole batch at once, its loops laid
 * out for the CPU: a second yardstick beside {@link HandWrittenMlpGradient}, not a product path.
 * It has that class's contract, loss and parameter order, and measures how fast plain Java 17
 * (no Vector API, no native code, one thread) computes this step, so the compiled path's speed
 * can be read against what the JVM can reach rather than against a per-sample loop.
 *
 * <p>What makes it fast, on C2 with AVX-512:
 * <ul>
 *   <li>Every unit's values and adjoints are stored sample by sample ({@code [unit][sample]}), so
 *       the forward pass and the input adjoints are loops over the samples of the form
 *       {@code z[s] += w0 * a0[s] + w1 * a1[s] + w2 * a2[s] + w3 * a3[s]}: long, unit-stride,
 *       branch-free, and C2 vectorises them (SuperWord). Four inputs per pass load and store
 *       {@code z} a quarter as often as one would.
 *   <li>Relu's derivative multiplies by {@code min(a * 2^1074, 1)}, exactly 0 or 1 for an output
 *       {@code a >= 0}, instead of branching: the signs are random, so a branch mispredicts, and a
 *       conditional does not vectorise.
 *   <li>The weight gradients are dot products over the samples, which C2 does not vectorise (a
 *       floating-point sum keeps its order) and which one accumulator would make latency-bound.
 *       They run as 4x4 blocks of sixteen independent {@link Math#fma} sums, each sample's four
 *       adjoints and four inputs loaded once for sixteen products; what the blocks leave over runs
 *       eight sums at a time. Outer products over transposed 16- or 17-wide rows, the other
 *       order, were no faster: C2 runs loops that short mostly in its scalar pre- and post-loops.
 *   <li>The backward pass runs over the samples whose hinge is active only, copied together once
 *       (exact: every adjoint of the others is 0).
 *   <li>Scratch arrays are kept across calls and grow once, to the largest batch seen.
 * </ul>
 * The sums run in another order than on the per-sample paths, so the results agree with them to
 * rounding, not bit for bit.
 */
public final class BatchedMlpGradient {

    /** How many inputs one pass over the samples combines, and the side of a weight-gradient block. */
    private static final int BLOCK = 4;
    /** How many sums the leftover weight-gradient kernel keeps. */
    private static final int EIGHT = 2 * BLOCK;
    /** 2^1074 in two factors (it overflows as one): takes the smallest positive double to 1. */
    private static final double TO_ONE_HIGH = 0x1p1023;
    private static final double TO_ONE_LOW = 0x1p51;

    private final int[] sizes;
    private final int parameterCount;
    private int capacity;
    /** units[layer][unit][sample]: layer 0 holds the inputs, hidden layers their relu outputs. */
    private double[][][] units;
    /** active[k]: the k-th sample of the batch whose hinge is active; activeCount of them. */
    private int[] active;
    private int activeCount;
    /** compact[layer][unit][k]: units[layer][unit][active[k]], for the layers that feed another. */
    private double[][][] compact;
    /**
     * adjoints[layer][unit][k]: the loss's derivative by that unit's pre-activation, on sample
     * active[k]; none for the inputs.
     */
    private double[][][] adjoints;
    private double[] labels;
    private double[] ones;
    private double[] zeros;
    private final double[][] left = new double[BLOCK][];
    private final double[][] right = new double[BLOCK][];
    private final double[] block = new double[BLOCK * BLOCK];
    private final double[][] eight = new double[EIGHT][];
    private final double[] eightSums = new double[EIGHT];

    /**
     * @param sizes the width of each layer, the inputs first: {2, 16, 16, 1} for moons
     * @throws IllegalArgumentException if there are fewer than two sizes, one is below 1, or the
     *     last is not 1 (the hinge loss needs one output)
     */
    public BatchedMlpGradient(int... sizes) {
        this.sizes = HandWrittenMlpGradient.checkedSizes(sizes);
        this.parameterCount = HandWrittenMlpGradient.parameterCount(this.sizes);
        grow(1);
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
        HandWrittenMlpGradient.checkCall(sizes, parameterCount, params, data, batch, gradient);
        int n = batch.length;
        if (n > capacity) {
            grow(n);
        }
        gather(data, batch);
        forward(params, n);
        double hinge = hinge(n);
        compactActive();
        backward(params, gradient);
        double squares = 0;
        for (int i = 0; i < params.length; i++) {
            squares += params[i] * params[i];
            gradient[i] += 2 * l2 * params[i];
        }
        return hinge + l2 * squares;
    }

    private void grow(int batchSize) {
        capacity = batchSize;
        units = new double[sizes.length][][];
        adjoints = new double[sizes.length][][];
        for (int layer = 0; layer < sizes.length; layer++) {
            units[layer] = new double[sizes[layer]][batchSize];
            adjoints[layer] = layer == 0 ? null : new double[sizes[layer]][batchSize];
        }
        labels = new double[batchSize];
        ones = new double[batchSize];
        Arrays.fill(ones, 1);
        zeros = new double[batchSize];
        active = new int[batchSize];
        compact = new double[sizes.length - 1][][];
        for (int layer = 0; layer < sizes.length - 1; layer++) {
            compact[layer] = new double[sizes[layer]][batchSize];
        }
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
            int inputs = sizes[layer - 1];
            for (int j = 0; j < sizes[layer]; j++) {
                double[] z = units[layer][j];
                combine(z, params[p + inputs], params, p, 1, units[layer - 1], inputs, n);
                if (layer < sizes.length - 1) {
                    for (int s = 0; s < n; s++) {
                        z[s] = Math.max(z[s], 0);
                    }
                }
                p += inputs + 1;
            }
        }
    }

    /**
     * The mean hinge over the n samples; lists the active ones and leaves the output's adjoint
     * on each of them.
     */
    private double hinge(int n) {
        double[] output = units[sizes.length - 1][0];
        double[] dOutput = adjoints[sizes.length - 1][0];
        double scale = 1.0 / n;
        double total = 0;
        activeCount = 0;
        for (int s = 0; s < n; s++) {
            double margin = 1 - labels[s] * output[s];
            if (margin > 0) {
                total += margin;
                dOutput[activeCount] = -labels[s] * scale;
                active[activeCount++] = s;
            }
        }
        return total * scale;
    }

    private void compactActive() {
        for (int layer = 0; layer < compact.length; layer++) {
            for (int i = 0; i < sizes[layer]; i++) {
                double[] from = units[layer][i];
                double[] to = compact[layer][i];
                for (int k = 0; k < activeCount; k++) {
                    to[k] = from[active[k]];
                }
            }
        }
    }

    private void backward(double[] params, double[] gradient) {
        int m = activeCount;
        int p = params.length;
        for (int layer = sizes.length - 1; layer >= 1; layer--) {
            int inputs = sizes[layer - 1];
            int outputs = sizes[layer];
            p -= outputs * (inputs + 1);
            double[][] in = compact[layer - 1];
            double[][] dz = adjoints[layer];
            weightGradient(in, dz, inputs, outputs, p, m, gradient);
            if (layer == 1) {
                break;
            }
            double[][] dIn = adjoints[layer - 1];
            for (int i = 0; i < inputs; i++) {
                double[] dA = dIn[i];
                combine(dA, 0, params, p + i, inputs + 1, dz, outputs, m);
                double[] a = in[i];
                for (int s = 0; s < m; s++) {
                    dA[s] *= Math.min(a[s] * TO_ONE_HIGH * TO_ONE_LOW, 1);
                }
            }
        }
    }

    /**
     * Adds each weight's and bias's partial, the dot product over the m samples of a unit's
     * adjoint and an input (the bias's input is 1), into gradient from position p. Four
     * adjoints against four inputs at a time where both remain; what is left, eight at a time
     * against one, padded with zeros.
     */
    private void weightGradient(double[][] in, double[][] dz, int inputs, int outputs, int p, int m,
            double[] gradient) {
        int columns = inputs + 1;
        int blockRows = outputs - outputs % BLOCK;
        int blockColumns = columns - columns % BLOCK;
        for (int j0 = 0; j0 < blockRows; j0 += BLOCK) {
            for (int c0 = 0; c0 < blockColumns; c0 += BLOCK) {
                for (int t = 0; t < BLOCK; t++) {
                    left[t] = dz[j0 + t];
                    right[t] = column(in, inputs, c0 + t);
                }
                dotBlock(m);
                for (int tj = 0; tj < BLOCK; tj++) {
                    for (int tc = 0; tc < BLOCK; tc++) {
                        gradient[p + (j0 + tj) * columns + c0 + tc] += block[tj * BLOCK + tc];
                    }
                }
            }
        }
        for (int c = blockColumns; c < columns; c++) {
            for (int j0 = 0; j0 < outputs; j0 += EIGHT) {
                for (int t = 0; t < EIGHT; t++) {
                    eight[t] = j0 + t < outputs ? dz[j0 + t] : zeros;
                }
                dotEight(column(in, inputs, c), m);
                for (int t = 0; t < EIGHT && j0 + t < outputs; t++) {
                    gradient[p + (j0 + t) * columns + c] += eightSums[t];
                }
            }
        }
        for (int j = blockRows; j < outputs; j++) {
            for (int c0 = 0; c0 < blockColumns; c0 += EIGHT) {
                for (int t = 0; t < EIGHT; t++) {
                    eight[t] = c0 + t < blockColumns ? column(in, inputs, c0 + t) : zeros;
                }
                dotEight(dz[j], m);
                for (int t = 0; t < EIGHT && c0 + t < blockColumns; t++) {
                    gradient[p + j * columns + c0 + t] += eightSums[t];
                }
            }
        }
    }

    /** Input c of a layer with these inputs, counting the bias's constant 1 as input number inputs. */
    private double[] column(double[][] in, int inputs, int c) {
        return c < inputs ? in[c] : ones;
    }

    /**
     * z[s] = start + sum_k params[w + k * stride] * a[k][s] for k below count: four k per pass
     * over the samples while four remain, then one per pass; the first pass writes z, the others
     * add to it.
     */
    private static void combine(double[] z, double start, double[] params, int w, int stride, double[][] a,
            int count, int n) {
        int k = 0;
        for (; k + BLOCK <= count; k += BLOCK) {
            double w0 = params[w + k * stride];
            double w1 = params[w + (k + 1) * stride];
            double w2 = params[w + (k + 2) * stride];
            double w3 = params[w + (k + 3) * stride];
            double[] a0 = a[k], a1 = a[k + 1], a2 = a[k + 2], a3 = a[k + 3];
            if (k == 0) {
                for (int s = 0; s < n; s++) {
                    z[s] = start + w0 * a0[s] + w1 * a1[s] + w2 * a2[s] + w3 * a3[s];
                }
            } else {
                for (int s = 0; s < n; s++) {
                    z[s] += w0 * a0[s] + w1 * a1[s] + w2 * a2[s] + w3 * a3[s];
                }
            }
        }
        for (; k < count; k++) {
            double wk = params[w + k * stride];
            double[] ak = a[k];
            if (k == 0) {
                for (int s = 0; s < n; s++) {
                    z[s] = start + wk * ak[s];
                }
            } else {
                for (int s = 0; s < n; s++) {
                    z[s] += wk * ak[s];
                }
            }
        }
    }

    /** block[4 tj + ti] = sum_s left[tj][s] * right[ti][s]: sixteen independent sums. */
    private void dotBlock(int n) {
        double[] d0 = left[0], d1 = left[1], d2 = left[2], d3 = left[3];
        double[] a0 = right[0], a1 = right[1], a2 = right[2], a3 = right[3];
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        for (int s = 0; s < n; s++) {
            double x0 = a0[s], x1 = a1[s], x2 = a2[s], x3 = a3[s];
            double y0 = d0[s], y1 = d1[s], y2 = d2[s], y3 = d3[s];
            s00 = Math.fma(y0, x0, s00);
            s01 = Math.fma(y0, x1, s01);
            s02 = Math.fma(y0, x2, s02);
            s03 = Math.fma(y0, x3, s03);
            s10 = Math.fma(y1, x0, s10);
            s11 = Math.fma(y1, x1, s11);
            s12 = Math.fma(y1, x2, s12);
            s13 = Math.fma(y1, x3, s13);
            s20 = Math.fma(y2, x0, s20);
            s21 = Math.fma(y2, x1, s21);
            s22 = Math.fma(y2, x2, s22);
            s23 = Math.fma(y2, x3, s23);
            s30 = Math.fma(y3, x0, s30);
            s31 = Math.fma(y3, x1, s31);
            s32 = Math.fma(y3, x2, s32);
            s33 = Math.fma(y3, x3, s33);
        }
        block[0] = s00;
        block[1] = s01;
        block[2] = s02;
        block[3] = s03;
        block[4] = s10;
        block[5] = s11;
        block[6] = s12;
        block[7] = s13;
        block[8] = s20;
        block[9] = s21;
        block[10] = s22;
        block[11] = s23;
        block[12] = s30;
        block[13] = s31;
        block[14] = s32;
        block[15] = s33;
    }

    /** eightSums[t] = sum_s x[s] * eight[t][s]: eight independent sums. */
    private void dotEight(double[] x, int m) {
        double[] y0 = eight[0], y1 = eight[1], y2 = eight[2], y3 = eight[3];
        double[] y4 = eight[4], y5 = eight[5], y6 = eight[6], y7 = eight[7];
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int s = 0; s < m; s++) {
            double xs = x[s];
            s0 = Math.fma(xs, y0[s], s0);
            s1 = Math.fma(xs, y1[s], s1);
            s2 = Math.fma(xs, y2[s], s2);
            s3 = Math.fma(xs, y3[s], s3);
            s4 = Math.fma(xs, y4[s], s4);
            s5 = Math.fma(xs, y5[s], s5);
            s6 = Math.fma(xs, y6[s], s6);
            s7 = Math.fma(xs, y7[s], s7);
        }
        eightSums[0] = s0;
        eightSums[1] = s1;
        eightSums[2] = s2;
        eightSums[3] = s3;
        eightSums[4] = s4;
        eightSums[5] = s5;
        eightSums[6] = s6;
        eightSums[7] = s7;
    }
}
