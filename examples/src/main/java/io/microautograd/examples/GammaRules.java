package io.microautograd.examples;

import io.microautograd.Derivative;
import org.apache.commons.math3.special.Gamma;

/**
 * The derivative of Commons Math's {@code Gamma.logGamma}, which the compiler cannot read (it is
 * in a jar without source): the digamma function. Every {@code @Differentiable} method of this
 * build that calls {@code logGamma} differentiates through it.
 */
public final class GammaRules {

    private GammaRules() {
    }

    /** d/dx log Gamma(x) = digamma(x). */
    @Derivative(of = Gamma.class, method = "logGamma")
    public static double logGamma(double x) {
        return Gamma.digamma(x);
    }
}
