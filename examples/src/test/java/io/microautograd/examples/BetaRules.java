package io.microautograd.examples;

import io.microautograd.Derivative;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/** Rules of a binary and a ternary method, whose generated operations {@link RuleOperationsTest} checks. */
final class BetaRules {

    private BetaRules() {
    }

    /** A function of three doubles, for the n-ary operation. */
    static double blend(double a, double b, double c) {
        return a * b + Math.sin(c) * a;
    }

    @Derivative(of = Beta.class, method = "logBeta", wrt = "a")
    static double logBetaA(double a, double b) {
        return Gamma.digamma(a) - Gamma.digamma(a + b);
    }

    @Derivative(of = Beta.class, method = "logBeta", wrt = "b")
    static double logBetaB(double a, double b) {
        return Gamma.digamma(b) - Gamma.digamma(a + b);
    }

    @Derivative(of = BetaRules.class, method = "blend", wrt = "a")
    static double blendA(double a, double b, double c, double y) {
        return y / a;
    }

    @Derivative(of = BetaRules.class, method = "blend", wrt = "b")
    static double blendB(double a, double b, double c) {
        return a;
    }

    @Derivative(of = BetaRules.class, method = "blend", wrt = "c")
    static double blendC(double a, double b, double c) {
        return Math.cos(c) * a;
    }
}
