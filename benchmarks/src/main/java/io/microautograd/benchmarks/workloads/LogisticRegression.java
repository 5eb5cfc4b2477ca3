package io.microautograd.benchmarks.workloads;

import io.microautograd.Differentiable;
import io.microautograd.engine.Value;

/** Mean logistic loss of a linear model over a data matrix, with labels in {-1, +1}. */
public final class LogisticRegression {

    private LogisticRegression() {
    }

    /** mean over rows of log(1 + exp(-y z)), z = w . x, computed without overflow. */
    @Differentiable(wrt = "w")
    public static double loss(double[] w, double[][] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = 0;
            for (int j = 0; j < w.length; j++) {
                z += w[j] * x[i][j];
            }
            double margin = -y[i] * z;
            sum += Math.max(margin, 0) + Math.log1p(Math.exp(-Math.abs(margin)));
        }
        return sum / x.length;
    }

    /** The same loss on the {@code Value} engine (log(1 + e^m): the data here keeps m moderate). */
    public static Value loss(Value[] w, double[][] x, double[] y) {
        Value[] terms = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            Value[] products = new Value[w.length];
            for (int j = 0; j < w.length; j++) {
                products[j] = w[j].mul(x[i][j]);
            }
            Value margin = Value.sum(products).mul(-y[i]);
            terms[i] = margin.exp().add(1).log();
        }
        return Value.sum(terms).div(x.length);
    }
}
