package io.microautograd.processor;

import java.util.Random;

/** Reproducible points for gradient checks: arrays of uniform numbers in [-1, 1) drawn from a seed. */
final class RandomArrays {

    private RandomArrays() {
    }

    /** {@code n} numbers drawn from {@code seed}. */
    static double[] vector(long seed, int n) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() * 2 - 1;
        }
        return v;
    }

    /** A {@code rows} by {@code columns} matrix, row i drawn from {@code seed + i}. */
    static double[][] matrix(long seed, int rows, int columns) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = vector(seed + i, columns);
        }
        return m;
    }
}
