package io.microautograd.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.optim.Objective;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * GradBench's GMM log posterior against its definition computed the long way (precision
 * matrices Q^T Q, Gaussian densities, Wishart densities), and its compiled gradient against
 * central differences.
 */
class GmmTest {

    private static final int D = 3;
    private static final int K = 2;
    private static final int N = 4;
    private static final int M = 1;
    private static final double GAMMA = 0.8;

    private final Random random = new Random(26);
    private final double[][] x = matrix(N, D);
    private final double[] alpha = matrix(1, K)[0];
    private final double[][] mu = matrix(K, D);
    private final double[][] q = matrix(K, D);
    private final double[][] l = matrix(K, D * (D - 1) / 2);

    private double[][] matrix(int rows, int columns) {
        double[][] matrix = new double[rows][columns];
        for (double[] row : matrix) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian() * 0.5;
            }
        }
        return matrix;
    }

    /** Q of component c: exp(q) on the diagonal, l below it column by column. */
    private double[][] factor(int c) {
        double[][] factor = new double[D][D];
        int index = 0;
        for (int col = 0; col < D; col++) {
            factor[col][col] = Math.exp(q[c][col]);
            for (int row = col + 1; row < D; row++) {
                factor[row][col] = l[c][index++];
            }
        }
        return factor;
    }

    private static double[][] gram(double[][] factor) {
        double[][] precision = new double[D][D];
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                for (int r = 0; r < D; r++) {
                    precision[i][j] += factor[r][i] * factor[r][j];
                }
            }
        }
        return precision;
    }

    /** log of the likelihood times the prior, from the densities' definitions. */
    private double logPosteriorFromDefinition() {
        double sumExpAlpha = 0;
        for (double a : alpha) {
            sumExpAlpha += Math.exp(a);
        }
        double logLikelihood = 0;
        for (int i = 0; i < N; i++) {
            double density = 0;
            for (int c = 0; c < K; c++) {
                double[][] precision = gram(factor(c));
                double determinant = Math.exp(2 * (q[c][0] + q[c][1] + q[c][2]));
                double form = 0;
                for (int a = 0; a < D; a++) {
                    for (int b = 0; b < D; b++) {
                        form += (x[i][a] - mu[c][a]) * precision[a][b] * (x[i][b] - mu[c][b]);
                    }
                }
                double gaussian = Math.exp(-0.5 * form) / Math.sqrt(Math.pow(2 * Math.PI, D) / determinant);
                density += Math.exp(alpha[c]) / sumExpAlpha * gaussian;
            }
            logLikelihood += Math.log(density);
        }
        // Wishart with V = I / gamma^2 and n = D + M + 1 = 5: Gamma_3(5/2) = pi^(3/2) Gamma(5/2) Gamma(2) Gamma(3/2).
        int degrees = D + M + 1;
        double logGamma3 = 1.5 * Math.log(Math.PI) + Math.log(0.75 * Math.sqrt(Math.PI)) + Math.log(0.5 * Math.sqrt(Math.PI));
        double logPrior = 0;
        for (int c = 0; c < K; c++) {
            double[][] precision = gram(factor(c));
            double logDeterminant = 2 * (q[c][0] + q[c][1] + q[c][2]);
            double trace = precision[0][0] + precision[1][1] + precision[2][2];
            logPrior += (degrees - D - 1) / 2.0 * logDeterminant - GAMMA * GAMMA * trace / 2
                    - degrees * D / 2.0 * Math.log(2) + degrees * D * Math.log(GAMMA) - logGamma3;
        }
        return logLikelihood + logPrior;
    }

    @Test
    void logPosteriorMatchesTheDefinition() {
        assertEquals(logPosteriorFromDefinition(), Gmm.logPosterior(alpha, mu, q, l, x, GAMMA, M), 1e-12);
    }

    @Test
    void logMultivariateGammaAtHalfIntegers() {
        assertEquals(Math.log(24), Gmm.logMultivariateGamma(1, 5), 1e-14);
        assertEquals(Math.log(1.5 * 0.5 * Math.sqrt(Math.PI)), Gmm.logMultivariateGamma(1, 2.5), 1e-14);
        assertEquals(0.5 * Math.log(Math.PI) + Math.log(0.5 * Math.sqrt(Math.PI)) + Math.log(1),
                Gmm.logMultivariateGamma(2, 1.5), 1e-14);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        int lSize = D * (D - 1) / 2;
        Objective flat = (p, gradient) -> {
            double[] a = new double[K];
            double[][] m = new double[K][D];
            double[][] qs = new double[K][D];
            double[][] ls = new double[K][lSize];
            unpack(p, a, m, qs, ls);
            double[] dA = new double[K];
            double[][] dM = new double[K][D];
            double[][] dQ = new double[K][D];
            double[][] dL = new double[K][lSize];
            double value = GmmGrad.logPosterior(a, m, qs, ls, x, GAMMA, M, dA, dM, dQ, dL);
            double[] packed = pack(dA, dM, dQ, dL);
            for (int i = 0; i < packed.length; i++) {
                gradient[i] += packed[i];
            }
            return value;
        };
        GradientCheck.standard().assertGradientNear(flat, pack(alpha, mu, q, l), 0.3, 3, 26);
    }

    private static double[] pack(double[] a, double[][]... matrices) {
        int size = a.length;
        for (double[][] matrix : matrices) {
            for (double[] row : matrix) {
                size += row.length;
            }
        }
        double[] packed = new double[size];
        System.arraycopy(a, 0, packed, 0, a.length);
        int at = a.length;
        for (double[][] matrix : matrices) {
            for (double[] row : matrix) {
                System.arraycopy(row, 0, packed, at, row.length);
                at += row.length;
            }
        }
        return packed;
    }

    private static void unpack(double[] packed, double[] a, double[][]... matrices) {
        System.arraycopy(packed, 0, a, 0, a.length);
        int at = a.length;
        for (double[][] matrix : matrices) {
            for (double[] row : matrix) {
                System.arraycopy(packed, at, row, 0, row.length);
                at += row.length;
            }
        }
    }
}
