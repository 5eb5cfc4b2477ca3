package io.microautograd.spark.example;

import io.microautograd.Differentiable;

/**
 * Logistic regression on d features, with parameters {@code (w_1, ..., w_d, b)}: the model the
 * Spark example trains and the Spark tests sum. The build differentiates its loss and penalty
 * into {@code LogisticRegressionGrad}, whose {@code logLoss(params, x, y, dParams)} is a
 * per-sample objective.
 */
public final class LogisticRegression {

    private LogisticRegression() {
    }

    /** The logit {@code b + w . x}. */
    @Differentiable(wrt = "params")
    public static double logit(double[] params, double[] x) {
        int d = x.length;
        double z = params[d];
        for (int j = 0; j < d; j++) {
            z += params[j] * x[j];
        }
        return z;
    }

    /**
     * The binary cross-entropy of one sample with label {@code y[0]} (0 or 1):
     * {@code log(1 + e^z) - y z}, written so that neither branch overflows.
     */
    @Differentiable(wrt = "params")
    public static double logLoss(double[] params, double[] x, double[] y) {
        double z = logit(params, x);
        double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        return softplus - y[0] * z;
    }

    /** The L2 penalty {@code strength * |w|^2} on the weights (not the bias). */
    @Differentiable(wrt = "params")
    public static double ridge(double[] params, double strength) {
        double sum = 0;
        for (int j = 0; j < params.length - 1; j++) {
            sum += params[j] * params[j];
        }
        return strength * sum;
    }

    /** The logit of {@code x}, as a one-output prediction. */
    public static double[] predict(double[] params, double[] x) {
        return new double[] {logit(params, x)};
    }
}
