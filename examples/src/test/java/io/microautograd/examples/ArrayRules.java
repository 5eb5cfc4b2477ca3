package io.microautograd.examples;

import io.microautograd.Pullback;

/**
 * Functions of arrays with {@code @Pullback} rules, whose generated {@code Value} methods
 * ({@code ArrayRulesOps}) {@link RuleOperationsTest} checks: a vector, a matrix mixed with
 * doubles and an int, and indices in an {@code int[]}.
 */
final class ArrayRules {

    private ArrayRules() {
    }

    /** sqrt(1 + |x|^2), a norm smooth at 0; its parameter has the name the generated lambdas would take. */
    static double softNorm(double[] x) {
        double sum = 1;
        for (double v : x) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** d/dx_i = x_i / y. */
    @Pullback(of = ArrayRules.class, method = "softNorm")
    static double softNorm(double[] x, double seed, double[] dX) {
        double y = softNorm(x);
        for (int i = 0; i < x.length; i++) {
            dX[i] += seed * x[i] / y;
        }
        return y;
    }

    /** s times row {@code row} of m dotted with w, plus t squared. */
    static double scaledRow(double s, double[][] m, int row, double[] w, double t) {
        double dot = 0;
        for (int j = 0; j < w.length; j++) {
            dot += m[row][j] * w[j];
        }
        return s * dot + t * t;
    }

    /** The partials of s, m[row][j], w[j] and t. */
    @Pullback(of = ArrayRules.class, method = "scaledRow")
    static double scaledRow(double s, double[][] m, int row, double[] w, double t, double seed,
            double[] scalarAdjoints, double[][] dM, double[] dW) {
        double dot = 0;
        for (int j = 0; j < w.length; j++) {
            dot += m[row][j] * w[j];
            dM[row][j] += seed * s * w[j];
            dW[j] += seed * s * m[row][j];
        }
        scalarAdjoints[0] += seed * dot;
        scalarAdjoints[1] += seed * 2 * t;
        return s * dot + t * t;
    }

    /** The sum of the squares of the elements of a that idx picks, repeats counted. */
    static double picked(double[] a, int[] idx) {
        double sum = 0;
        for (int i : idx) {
            sum += a[i] * a[i];
        }
        return sum;
    }

    /** d/da_i = 2 a_i per pick. */
    @Pullback(of = ArrayRules.class, method = "picked")
    static double picked(double[] a, int[] idx, double seed, double[] dA) {
        for (int i : idx) {
            dA[i] += seed * 2 * a[i];
        }
        return picked(a, idx);
    }
}
