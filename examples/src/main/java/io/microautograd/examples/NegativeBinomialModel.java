package io.microautograd.examples;

import io.microautograd.Differentiable;
import org.apache.commons.math3.special.Gamma;

/**
 * Negative-binomial regression of counts: the count {@code y} at covariate {@code x} has mean
 * {@code mu = exp(b0 + b1 x)} and dispersion {@code r = exp(logR)} (variance
 * {@code mu + mu^2 / r}). Its log-likelihood needs log Gamma, which comes from Commons Math and
 * is differentiated through {@link GammaRules}.
 */
public final class NegativeBinomialModel {

    private NegativeBinomialModel() {
    }

    /** The mean negative log-likelihood of counts {@code y} at covariates {@code x}. */
    @Differentiable(wrt = {"b0", "b1", "logR"})
    public static double negativeLogLikelihood(double b0, double b1, double logR, double[] x, double[] y) {
        double r = Math.exp(logR);
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double logMu = b0 + b1 * x[i];
            double logRPlusMu = Math.log(r + Math.exp(logMu));
            total += Gamma.logGamma(y[i] + r) - Gamma.logGamma(r) - Gamma.logGamma(y[i] + 1)
                    + r * (logR - logRPlusMu) + y[i] * (logMu - logRPlusMu);
        }
        return -total / x.length;
    }
}
