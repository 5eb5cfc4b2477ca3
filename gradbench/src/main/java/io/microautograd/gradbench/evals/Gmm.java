package io.microautograd.gradbench.evals;

import io.microautograd.Differentiable;

/**
 * GradBench's {@code gmm} eval: the log posterior of a Gaussian mixture with a Wishart prior on
 * its precision matrices, as its README defines it (which fixes ADBench's sign of the prior, its
 * transposed precision matrices and its prior over covariances).
 *
 * <p>Component c has weight parameter {@code alpha[c]}, mean {@code mu[c]} and precision
 * Q^T Q, where Q is lower triangular with diagonal exp({@code q[c]}) and strictly lower part
 * {@code l[c]}, filled column by column.
 */
public final class Gmm {

    private Gmm() {
    }

    /**
     * log p(X | theta, phi) + log p(theta) for the points {@code x} (one row each) and a Wishart
     * prior with precision {@code gamma} and {@code m} extra degrees of freedom.
     */
    @Differentiable(wrt = {"alpha", "mu", "q", "l"})
    public static double logPosterior(double[] alpha, double[][] mu, double[][] q, double[][] l,
                                      double[][] x, double gamma, int m) {
        int k = alpha.length;
        int d = mu[0].length;
        int n = x.length;
        // Q of each component as a d x d row-major matrix, so that row r of Q (x - mu) is a dot
        // product over contiguous memory, and its adjoint a contiguous update.
        double[][] factor = new double[k][d * d];
        double[] sumQ = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                factor[c][j * d + j] = Math.exp(q[c][j]);
                sumQ[c] += q[c][j];
            }
            int index = 0;
            for (int col = 0; col < d; col++) {
                for (int row = col + 1; row < d; row++) {
                    factor[c][row * d + col] = l[c][index];
                    index++;
                }
            }
        }
        double[] beta = new double[k];
        double likelihood = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double squares = 0;
                for (int row = 0; row < d; row++) {
                    double qx = 0;
                    for (int col = 0; col <= row; col++) {
                        qx += factor[c][row * d + col] * (x[i][col] - mu[c][col]);
                    }
                    squares += qx * qx;
                }
                beta[c] = alpha[c] + sumQ[c] - 0.5 * squares;
            }
            likelihood += Lse.logSumExp(beta);
        }
        double frobenius = 0;
        double sumAllQ = 0;
        for (int c = 0; c < k; c++) {
            sumAllQ += sumQ[c];
            for (int j = 0; j < d * d; j++) {
                frobenius += factor[c][j] * factor[c][j];
            }
        }
        double prior = m * sumAllQ - 0.5 * gamma * gamma * frobenius;
        return likelihood - n * Lse.logSumExp(alpha) + prior + constant(d, k, n, gamma, m);
    }

    /**
     * The terms that do not depend on the parameters: -N D/2 log(2 pi) from the Gaussians and
     * K (nu D log(gamma / sqrt 2) - log Gamma_D(nu/2)) from the Wishart prior, whose degrees of
     * freedom are nu = D + m + 1.
     */
    static double constant(int d, int k, int n, double gamma, int m) {
        int degrees = d + m + 1;
        double gaussians = -n * d * 0.5 * Math.log(2 * Math.PI);
        double wishart = degrees * d * (Math.log(gamma) - 0.5 * Math.log(2))
                - logMultivariateGamma(d, 0.5 * degrees);
        return gaussians + k * wishart;
    }

    /**
     * log Gamma_d(a) = d(d-1)/4 log(pi) + sum_{j=1..d} log Gamma(a + (1-j)/2). Here a = (d+m+1)/2,
     * so every argument is a positive multiple of 1/2, where Gamma is exact from Gamma(1) = 1,
     * Gamma(1/2) = sqrt(pi) and Gamma(z + 1) = z Gamma(z): no approximation of log Gamma at any
     * argument, such as the Lanczos series of the benchmarks module's ADBench GMM, which this
     * module does not depend on.
     */
    static double logMultivariateGamma(int d, double a) {
        double sum = 0.25 * d * (d - 1) * Math.log(Math.PI);
        for (int j = 1; j <= d; j++) {
            double z = a + 0.5 * (1 - j);
            for (; z > 1; z--) {
                sum += Math.log(z - 1);
            }
            if (z == 0.5) {
                sum += 0.5 * Math.log(Math.PI);
            }
        }
        return sum;
    }
}
