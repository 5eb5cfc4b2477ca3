package io.microautograd.benchmarks.workloads;

import io.microautograd.Differentiable;
import io.microautograd.engine.Value;

/**
 * ADBench's Gaussian mixture model objective, written from the definition in
 * {@code data/adbench/README.md} (including its literal PI = 3.14159265359).
 *
 * <p>Parameters: {@code alphas[k]}, {@code means[k*d]}, {@code icf[k*d(d+1)/2]} (per component, d
 * log-diagonal entries, then the strictly lower triangle column by column); data {@code x[n*d]}.
 */
public final class Gmm {

    /** ADBench's PI, not Math.PI: the references were computed with it. */
    public static final double ADBENCH_PI = 3.14159265359;

    private Gmm() {
    }

    /** The objective in plain Java: the source of the compiled gradient {@code GmmGrad.objective}. */
    @Differentiable(wrt = {"alphas", "means", "icf"}, order = 2)
    public static double objective(double[] alphas, double[] means, double[] icf, double[] x,
                                   int d, int k, int n, double gamma, int m) {
        int s = d * (d + 1) / 2;
        double[] t = new double[k];
        double[] xc = new double[d];
        double[] y = new double[d];
        double slse = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double sumQ = 0;
                for (int j = 0; j < d; j++) {
                    sumQ += icf[c * s + j];
                    xc[j] = x[i * d + j] - means[c * d + j];
                    y[j] = Math.exp(icf[c * s + j]) * xc[j];
                }
                int idx = d;
                for (int col = 0; col < d; col++) {
                    for (int row = col + 1; row < d; row++) {
                        y[row] += icf[c * s + idx] * xc[col];
                        idx++;
                    }
                }
                double squares = 0;
                for (int j = 0; j < d; j++) {
                    squares += y[j] * y[j];
                }
                t[c] = alphas[c] + sumQ - 0.5 * squares;
            }
            slse += logSumExp(t);
        }
        double prior = 0;
        for (int c = 0; c < k; c++) {
            double frobenius = 0;
            double sumQ = 0;
            for (int j = 0; j < d; j++) {
                double q = Math.exp(icf[c * s + j]);
                frobenius += q * q;
                sumQ += icf[c * s + j];
            }
            for (int idx = d; idx < s; idx++) {
                frobenius += icf[c * s + idx] * icf[c * s + idx];
            }
            prior += 0.5 * gamma * gamma * frobenius - m * sumQ;
        }
        return slse - n * logSumExp(alphas) + prior + constantTerms(d, k, n, gamma, m);
    }

    /** max(v) + log(sum exp(v - max(v))). */
    @Differentiable(order = 2)
    public static double logSumExp(double[] v) {
        double max = v[0];
        for (int i = 1; i < v.length; i++) {
            max = Math.max(max, v[i]);
        }
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += Math.exp(v[i] - max);
        }
        return max + Math.log(sum);
    }

    /** The terms that depend on the sizes and gamma alone: CONST - k*C in ADBench's notation. */
    public static double constantTerms(int d, int k, int n, double gamma, int m) {
        double normalisation = -n * d * 0.5 * Math.log(2 * ADBENCH_PI);
        int nW = d + m + 1;
        double lgd = 0.25 * d * (d - 1) * Math.log(ADBENCH_PI);
        for (int j = 1; j <= d; j++) {
            lgd += LogGamma.of(0.5 * nW + 0.5 * (1 - j));
        }
        double wishart = nW * d * (Math.log(gamma) - 0.5 * Math.log(2)) - lgd;
        return normalisation - k * wishart;
    }

    /** The same objective on the {@code Value} engine. */
    public static Value objective(Value[] alphas, Value[] means, Value[] icf, double[] x,
                                  int d, int k, int n, double gamma, int m) {
        int s = d * (d + 1) / 2;
        Value[] pointTerms = new Value[n];
        Value[] t = new Value[k];
        Value[] y = new Value[d];
        Value[] xc = new Value[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                Value[] logDiagonal = new Value[d];
                for (int j = 0; j < d; j++) {
                    logDiagonal[j] = icf[c * s + j];
                    xc[j] = means[c * d + j].neg().add(x[i * d + j]);
                    y[j] = icf[c * s + j].exp().mul(xc[j]);
                }
                int idx = d;
                for (int col = 0; col < d; col++) {
                    for (int row = col + 1; row < d; row++) {
                        y[row] = y[row].add(icf[c * s + idx].mul(xc[col]));
                        idx++;
                    }
                }
                Value[] squares = new Value[d];
                for (int j = 0; j < d; j++) {
                    squares[j] = y[j].mul(y[j]);
                }
                t[c] = alphas[c].add(Value.sum(logDiagonal)).sub(Value.sum(squares).mul(0.5));
            }
            pointTerms[i] = logSumExpOfValues(t);
        }
        Value[] priorTerms = new Value[k];
        for (int c = 0; c < k; c++) {
            Value[] squares = new Value[s];
            Value[] logDiagonal = new Value[d];
            for (int j = 0; j < d; j++) {
                squares[j] = icf[c * s + j].exp().pow(2);
                logDiagonal[j] = icf[c * s + j];
            }
            for (int idx = d; idx < s; idx++) {
                squares[idx] = icf[c * s + idx].pow(2);
            }
            priorTerms[c] = Value.sum(squares).mul(0.5 * gamma * gamma).sub(Value.sum(logDiagonal).mul(m));
        }
        return Value.sum(pointTerms).sub(logSumExpOfValues(alphas).mul(n)).add(Value.sum(priorTerms))
                .add(constantTerms(d, k, n, gamma, m));
    }

    /**
     * log-sum-exp on the {@code Value} engine, shifted by the (constant) maximum of the data. Its
     * own name: the gradient compiler resolves calls by name and arity, so the compiled
     * {@link #logSumExp(double[])} must have no overload of the same arity.
     */
    public static Value logSumExpOfValues(Value[] v) {
        double max = v[0].data();
        for (Value value : v) {
            max = Math.max(max, value.data());
        }
        Value[] shifted = new Value[v.length];
        for (int i = 0; i < v.length; i++) {
            shifted[i] = v[i].sub(max).exp();
        }
        return Value.sum(shifted).log().add(max);
    }
}
