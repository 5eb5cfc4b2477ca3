package io.microautograd.compiled;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseProducts} with the incubator Vector API: register-blocked kernels, as a BLAS's
 * matrix product is, that keep a block of 4 rows by 4 vectors of the result in 16 registers
 * while they walk the summed index, so that each element read from memory feeds 4 fused
 * multiply-adds. Columns left over after the blocks of 4 vectors are done a vector at a time,
 * then one at a time with {@link Math#fma}; every element sums in the same order either way.
 * Only {@link DenseProducts#VECTORIZED} loads this class, and only when the JVM has
 * {@code jdk.incubator.vector}.
 */
final class VectorDenseProducts implements DenseProducts {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** The rows of a register block: samples in {@link #multiply}, inputs in {@link #addWeightGradient}. */
    private static final int ROWS = 4;

    @Override
    public void multiply(double[][] a, int n, double[] params, int w, int fanIn, int size, double[][] z) {
        for (int s = 0; s < n; s += ROWS) {
            // A block past the last sample repeats it, which writes the same numbers twice.
            double[] a0 = a[s];
            double[] a1 = a[Math.min(s + 1, n - 1)];
            double[] a2 = a[Math.min(s + 2, n - 1)];
            double[] a3 = a[Math.min(s + 3, n - 1)];
            double[] z0 = z[s];
            double[] z1 = z[Math.min(s + 1, n - 1)];
            double[] z2 = z[Math.min(s + 2, n - 1)];
            double[] z3 = z[Math.min(s + 3, n - 1)];
            int j = 0;
            for (; j + ROWS * LANES <= size; j += ROWS * LANES) {
                multiplyBlock(a0, a1, a2, a3, params, w + j, fanIn, size, z0, z1, z2, z3, j);
            }
            for (; j + LANES <= size; j += LANES) {
                multiplyVector(a0, a1, a2, a3, params, w + j, fanIn, size, z0, z1, z2, z3, j);
            }
            for (; j < size; j++) {
                // Four chains side by side: one alone waits on each multiply-add's latency.
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int i = 0, o = w + j; i < fanIn; i++, o += size) {
                    double weight = params[o];
                    s0 = Math.fma(a0[i], weight, s0);
                    s1 = Math.fma(a1[i], weight, s1);
                    s2 = Math.fma(a2[i], weight, s2);
                    s3 = Math.fma(a3[i], weight, s3);
                }
                z0[j] = s0;
                z1[j] = s1;
                z2[j] = s2;
                z3[j] = s3;
            }
        }
    }

    /** Four samples' sums of the 4 vectors of units from {@code j}, whose weights of input 0 are at {@code o}. */
    private static void multiplyBlock(double[] a0, double[] a1, double[] a2, double[] a3, double[] params, int o,
            int fanIn, int size, double[] z0, double[] z1, double[] z2, double[] z3, int j) {
        DoubleVector s00 = DoubleVector.zero(SPECIES);
        DoubleVector s01 = s00;
        DoubleVector s02 = s00;
        DoubleVector s03 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s12 = s00;
        DoubleVector s13 = s00;
        DoubleVector s20 = s00;
        DoubleVector s21 = s00;
        DoubleVector s22 = s00;
        DoubleVector s23 = s00;
        DoubleVector s30 = s00;
        DoubleVector s31 = s00;
        DoubleVector s32 = s00;
        DoubleVector s33 = s00;
        for (int i = 0; i < fanIn; i++, o += size) {
            DoubleVector w0 = DoubleVector.fromArray(SPECIES, params, o);
            DoubleVector w1 = DoubleVector.fromArray(SPECIES, params, o + LANES);
            DoubleVector w2 = DoubleVector.fromArray(SPECIES, params, o + 2 * LANES);
            DoubleVector w3 = DoubleVector.fromArray(SPECIES, params, o + 3 * LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a0[i]);
            s00 = x.fma(w0, s00);
            s01 = x.fma(w1, s01);
            s02 = x.fma(w2, s02);
            s03 = x.fma(w3, s03);
            x = DoubleVector.broadcast(SPECIES, a1[i]);
            s10 = x.fma(w0, s10);
            s11 = x.fma(w1, s11);
            s12 = x.fma(w2, s12);
            s13 = x.fma(w3, s13);
            x = DoubleVector.broadcast(SPECIES, a2[i]);
            s20 = x.fma(w0, s20);
            s21 = x.fma(w1, s21);
            s22 = x.fma(w2, s22);
            s23 = x.fma(w3, s23);
            x = DoubleVector.broadcast(SPECIES, a3[i]);
            s30 = x.fma(w0, s30);
            s31 = x.fma(w1, s31);
            s32 = x.fma(w2, s32);
            s33 = x.fma(w3, s33);
        }
        s00.intoArray(z0, j);
        s01.intoArray(z0, j + LANES);
        s02.intoArray(z0, j + 2 * LANES);
        s03.intoArray(z0, j + 3 * LANES);
        s10.intoArray(z1, j);
        s11.intoArray(z1, j + LANES);
        s12.intoArray(z1, j + 2 * LANES);
        s13.intoArray(z1, j + 3 * LANES);
        s20.intoArray(z2, j);
        s21.intoArray(z2, j + LANES);
        s22.intoArray(z2, j + 2 * LANES);
        s23.intoArray(z2, j + 3 * LANES);
        s30.intoArray(z3, j);
        s31.intoArray(z3, j + LANES);
        s32.intoArray(z3, j + 2 * LANES);
        s33.intoArray(z3, j + 3 * LANES);
    }

    /** Four samples' sums of the vector of units from {@code j}, whose weights of input 0 are at {@code o}. */
    private static void multiplyVector(double[] a0, double[] a1, double[] a2, double[] a3, double[] params, int o,
            int fanIn, int size, double[] z0, double[] z1, double[] z2, double[] z3, int j) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int i = 0; i < fanIn; i++, o += size) {
            DoubleVector weights = DoubleVector.fromArray(SPECIES, params, o);
            s0 = DoubleVector.broadcast(SPECIES, a0[i]).fma(weights, s0);
            s1 = DoubleVector.broadcast(SPECIES, a1[i]).fma(weights, s1);
            s2 = DoubleVector.broadcast(SPECIES, a2[i]).fma(weights, s2);
            s3 = DoubleVector.broadcast(SPECIES, a3[i]).fma(weights, s3);
        }
        s0.intoArray(z0, j);
        s1.intoArray(z1, j);
        s2.intoArray(z2, j);
        s3.intoArray(z3, j);
    }

    @Override
    public void addWeightGradient(double[][] a, double[][] dz, int n, int fanIn, int size, double[] gradient, int w) {
        // The blocks read packed copies: the partials of the sums, block of units by block, each
        // sample's run at packedDz[j * n + s * ROWS * LANES]; four inputs' values, sample by
        // sample. A block's loop then walks two arrays at a fixed stride, without a row to look
        // up and bounds to check per sample (measured: 10-20% faster than reading the rows).
        int blocked = size - size % (ROWS * LANES);
        double[] packedDz = new double[n * blocked];
        for (int j = 0; j < blocked; j += ROWS * LANES) {
            for (int s = 0; s < n; s++) {
                System.arraycopy(dz[s], j, packedDz, j * n + s * ROWS * LANES, ROWS * LANES);
            }
        }
        double[] packedA = new double[n * ROWS];
        for (int i = 0; i < fanIn; i += ROWS) {
            int inputs = Math.min(ROWS, fanIn - i);
            for (int s = 0; s < n; s++) {
                double[] row = a[s];
                if (inputs == ROWS) {
                    packedA[s * ROWS] = row[i];
                    packedA[s * ROWS + 1] = row[i + 1];
                    packedA[s * ROWS + 2] = row[i + 2];
                    packedA[s * ROWS + 3] = row[i + 3];
                } else {
                    for (int r = 0; r < ROWS; r++) {
                        // A block past the last input repeats it, unwritten.
                        packedA[s * ROWS + r] = row[Math.min(i + r, fanIn - 1)];
                    }
                }
            }
            int j = 0;
            for (; j < blocked; j += ROWS * LANES) {
                weightGradientBlock(packedA, packedDz, j * n, n, inputs, gradient, w + i * size + j, size);
            }
            for (; j + LANES <= size; j += LANES) {
                weightGradientVector(packedA, dz, n, inputs, gradient, w + i * size + j, size, j);
            }
            for (; j < size; j++) {
                // The block's four chains side by side, as in multiply's leftover units.
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int s = 0, x = 0; s < n; s++, x += ROWS) {
                    double d = dz[s][j];
                    s0 = Math.fma(packedA[x], d, s0);
                    s1 = Math.fma(packedA[x + 1], d, s1);
                    s2 = Math.fma(packedA[x + 2], d, s2);
                    s3 = Math.fma(packedA[x + 3], d, s3);
                }
                int o = w + i * size + j;
                gradient[o] += s0;
                if (inputs > 1) {
                    gradient[o + size] += s1;
                }
                if (inputs > 2) {
                    gradient[o + 2 * size] += s2;
                }
                if (inputs > 3) {
                    gradient[o + 3 * size] += s3;
                }
            }
        }
    }

    /**
     * Adds the partials of a block of 4 inputs' weights to 4 vectors of units, the first at
     * {@code o} ({@code inputs} of the 4 are real), from the packed values of the inputs and the
     * packed partials of the block's sums, which start at {@code first}.
     */
    private static void weightGradientBlock(double[] packedA, double[] packedDz, int first, int n, int inputs,
            double[] gradient, int o, int size) {
        DoubleVector s00 = DoubleVector.zero(SPECIES);
        DoubleVector s01 = s00;
        DoubleVector s02 = s00;
        DoubleVector s03 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s12 = s00;
        DoubleVector s13 = s00;
        DoubleVector s20 = s00;
        DoubleVector s21 = s00;
        DoubleVector s22 = s00;
        DoubleVector s23 = s00;
        DoubleVector s30 = s00;
        DoubleVector s31 = s00;
        DoubleVector s32 = s00;
        DoubleVector s33 = s00;
        for (int s = 0; s < n; s++) {
            int d = first + s * ROWS * LANES;
            int x = s * ROWS;
            DoubleVector d0 = DoubleVector.fromArray(SPECIES, packedDz, d);
            DoubleVector d1 = DoubleVector.fromArray(SPECIES, packedDz, d + LANES);
            DoubleVector d2 = DoubleVector.fromArray(SPECIES, packedDz, d + 2 * LANES);
            DoubleVector d3 = DoubleVector.fromArray(SPECIES, packedDz, d + 3 * LANES);
            DoubleVector b = DoubleVector.broadcast(SPECIES, packedA[x]);
            s00 = b.fma(d0, s00);
            s01 = b.fma(d1, s01);
            s02 = b.fma(d2, s02);
            s03 = b.fma(d3, s03);
            b = DoubleVector.broadcast(SPECIES, packedA[x + 1]);
            s10 = b.fma(d0, s10);
            s11 = b.fma(d1, s11);
            s12 = b.fma(d2, s12);
            s13 = b.fma(d3, s13);
            b = DoubleVector.broadcast(SPECIES, packedA[x + 2]);
            s20 = b.fma(d0, s20);
            s21 = b.fma(d1, s21);
            s22 = b.fma(d2, s22);
            s23 = b.fma(d3, s23);
            b = DoubleVector.broadcast(SPECIES, packedA[x + 3]);
            s30 = b.fma(d0, s30);
            s31 = b.fma(d1, s31);
            s32 = b.fma(d2, s32);
            s33 = b.fma(d3, s33);
        }
        // Written out: a helper taking the vectors would box them where C2 does not inline it.
        DoubleVector.fromArray(SPECIES, gradient, o).add(s00).intoArray(gradient, o);
        DoubleVector.fromArray(SPECIES, gradient, o + LANES).add(s01).intoArray(gradient, o + LANES);
        DoubleVector.fromArray(SPECIES, gradient, o + 2 * LANES).add(s02).intoArray(gradient, o + 2 * LANES);
        DoubleVector.fromArray(SPECIES, gradient, o + 3 * LANES).add(s03).intoArray(gradient, o + 3 * LANES);
        if (inputs > 1) {
            o += size;
            DoubleVector.fromArray(SPECIES, gradient, o).add(s10).intoArray(gradient, o);
            DoubleVector.fromArray(SPECIES, gradient, o + LANES).add(s11).intoArray(gradient, o + LANES);
            DoubleVector.fromArray(SPECIES, gradient, o + 2 * LANES).add(s12).intoArray(gradient, o + 2 * LANES);
            DoubleVector.fromArray(SPECIES, gradient, o + 3 * LANES).add(s13).intoArray(gradient, o + 3 * LANES);
        }
        if (inputs > 2) {
            o += size;
            DoubleVector.fromArray(SPECIES, gradient, o).add(s20).intoArray(gradient, o);
            DoubleVector.fromArray(SPECIES, gradient, o + LANES).add(s21).intoArray(gradient, o + LANES);
            DoubleVector.fromArray(SPECIES, gradient, o + 2 * LANES).add(s22).intoArray(gradient, o + 2 * LANES);
            DoubleVector.fromArray(SPECIES, gradient, o + 3 * LANES).add(s23).intoArray(gradient, o + 3 * LANES);
        }
        if (inputs > 3) {
            o += size;
            DoubleVector.fromArray(SPECIES, gradient, o).add(s30).intoArray(gradient, o);
            DoubleVector.fromArray(SPECIES, gradient, o + LANES).add(s31).intoArray(gradient, o + LANES);
            DoubleVector.fromArray(SPECIES, gradient, o + 2 * LANES).add(s32).intoArray(gradient, o + 2 * LANES);
            DoubleVector.fromArray(SPECIES, gradient, o + 3 * LANES).add(s33).intoArray(gradient, o + 3 * LANES);
        }
    }

    /**
     * As {@link #weightGradientBlock}, for the one vector of units from {@code j}, read from the
     * partials of the sums as they are.
     */
    private static void weightGradientVector(double[] packedA, double[][] dz, int n, int inputs, double[] gradient,
            int o, int size, int j) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int s = 0; s < n; s++) {
            int x = s * ROWS;
            DoubleVector d = DoubleVector.fromArray(SPECIES, dz[s], j);
            s0 = DoubleVector.broadcast(SPECIES, packedA[x]).fma(d, s0);
            s1 = DoubleVector.broadcast(SPECIES, packedA[x + 1]).fma(d, s1);
            s2 = DoubleVector.broadcast(SPECIES, packedA[x + 2]).fma(d, s2);
            s3 = DoubleVector.broadcast(SPECIES, packedA[x + 3]).fma(d, s3);
        }
        DoubleVector.fromArray(SPECIES, gradient, o).add(s0).intoArray(gradient, o);
        if (inputs > 1) {
            DoubleVector.fromArray(SPECIES, gradient, o + size).add(s1).intoArray(gradient, o + size);
        }
        if (inputs > 2) {
            DoubleVector.fromArray(SPECIES, gradient, o + 2 * size).add(s2).intoArray(gradient, o + 2 * size);
        }
        if (inputs > 3) {
            DoubleVector.fromArray(SPECIES, gradient, o + 3 * size).add(s3).intoArray(gradient, o + 3 * size);
        }
    }

    @Override
    public void multiplyTransposed(double[][] dz, int n, double[] params, int w, int fanIn, int size, double[][] da) {
        // Each input's partial is a sum over the units in ascending order. With the weights packed
        // unit by unit (a unit's weights of the vectors' inputs in a run), a vector holds the sums
        // of LANES inputs, each lane its own chain in that order; the inputs left over are scalar.
        int vectors = fanIn - fanIn % LANES;
        double[] transposed = new double[size * vectors];
        for (int i = 0; i < vectors; i++) {
            for (int j = 0; j < size; j++) {
                transposed[j * vectors + i] = params[w + i * size + j];
            }
        }
        for (int s = 0; s < n; s++) {
            double[] d = dz[s];
            double[] out = da[s];
            for (int i = 0; i < vectors; i += LANES) {
                DoubleVector sum = DoubleVector.zero(SPECIES);
                for (int j = 0, o = i; j < size; j++, o += vectors) {
                    sum = DoubleVector.broadcast(SPECIES, d[j]).fma(DoubleVector.fromArray(SPECIES, transposed, o), sum);
                }
                sum.intoArray(out, i);
            }
            for (int i = vectors; i < fanIn; i++) {
                double sum = 0;
                for (int j = 0; j < size; j++) {
                    sum = Math.fma(d[j], params[w + i * size + j], sum);
                }
                out[i] = sum;
            }
        }
    }
}
