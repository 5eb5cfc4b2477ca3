package io.microautograd.fuzz;

import io.microautograd.Derivative;
import io.microautograd.Pullback;

/**
 * Functions whose derivatives are {@code @Derivative} rules, and functions of arrays whose
 * derivatives are {@code @Pullback} rules, which mode {@code rules}' programs call
 * ({@link RuledCalls}): the compiled side differentiates through the rules, found in this class,
 * which the programs' javac run sees as a class file, and the {@code Value} side applies the
 * operations the same rules gave ({@code RuledFunctionsOps}). It refers to nothing but the
 * annotations, as the class path of the programs' compilations holds nothing else.
 */
public final class RuledFunctions {

    private RuledFunctions() {
    }

    /** log(1 + e^x) without overflow. */
    public static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** softplus' = the logistic function. */
    @Derivative(of = RuledFunctions.class, method = "softplus")
    public static double softplusSlope(double x) {
        return logistic(x);
    }

    /** 1 / (1 + e^-x), through tanh. */
    public static double logistic(double x) {
        return 0.5 + 0.5 * Math.tanh(0.5 * x);
    }

    /** logistic' = y (1 - y), from its output. */
    @Derivative(of = RuledFunctions.class, method = "logistic")
    public static double logisticSlope(double x, double y) {
        return y * (1 - y);
    }

    /** log(e^a + e^b) without overflow. */
    public static double smoothMax(double a, double b) {
        double m = Math.max(a, b);
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }

    /** d/da log(e^a + e^b) = e^(a - y). */
    @Derivative(of = RuledFunctions.class, method = "smoothMax", wrt = "a")
    public static double smoothMaxA(double a, double b, double y) {
        return Math.exp(a - y);
    }

    /** d/db log(e^a + e^b) = e^(b - y). */
    @Derivative(of = RuledFunctions.class, method = "smoothMax", wrt = "b")
    public static double smoothMaxB(double a, double b, double y) {
        return Math.exp(b - y);
    }

    /** log(sum e^a_i) without overflow. */
    public static double logSumExp(double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : a) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    /** d/da_i log(sum e^a_j) = e^(a_i - y), the softmax. */
    @Pullback(of = RuledFunctions.class, method = "logSumExp")
    public static double logSumExp(double[] a, double seed, double[] dA) {
        double y = logSumExp(a);
        for (int i = 0; i < a.length; i++) {
            dA[i] += seed * Math.exp(a[i] - y);
        }
        return y;
    }

    /** The dot product of a and b, each term weighted by tanh(s), over their common length. */
    public static double weightedDot(double[] a, double[] b, double s) {
        double dot = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
        }
        return Math.tanh(s) * dot;
    }

    /** d/da_i = tanh(s) b_i, d/db_i = tanh(s) a_i, d/ds = (1 - tanh(s)^2) a.b. */
    @Pullback(of = RuledFunctions.class, method = "weightedDot")
    public static double weightedDot(double[] a, double[] b, double s, double seed, double[] scalarAdjoints,
            double[] dA, double[] dB) {
        double weight = Math.tanh(s);
        double dot = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            dA[i] += seed * weight * b[i];
            dB[i] += seed * weight * a[i];
        }
        scalarAdjoints[0] += seed * (1 - weight * weight) * dot;
        return weight * dot;
    }

    /** The mean of the squares of a[from..], plus s times a[from] (0 when from is past the end). */
    public static double tailSquares(double[] a, int from, double s) {
        double sum = 0;
        for (int i = from; i < a.length; i++) {
            sum += a[i] * a[i];
        }
        return from >= a.length ? 0 : sum / (a.length - from) + s * a[from];
    }

    /** d/da_i = 2 a_i / (n - from) for i >= from, plus s at from; d/ds = a[from]. */
    @Pullback(of = RuledFunctions.class, method = "tailSquares")
    public static double tailSquares(double[] a, int from, double s, double seed, double[] scalarAdjoints,
            double[] dA) {
        if (from >= a.length) {
            return 0;
        }
        for (int i = from; i < a.length; i++) {
            dA[i] += seed * 2 * a[i] / (a.length - from);
        }
        dA[from] += seed * s;
        scalarAdjoints[0] += seed * a[from];
        return tailSquares(a, from, s);
    }
}
