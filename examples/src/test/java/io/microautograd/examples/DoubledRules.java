package io.microautograd.examples;

import io.microautograd.Derivative;
import org.apache.commons.math3.special.Gamma;

/** A rule off by a factor of 2, the classic bug of custom derivatives, for {@link RuleOperationsTest}. */
final class DoubledRules {

    private DoubledRules() {
    }

    /** Twice digamma's derivative, trigamma. */
    @Derivative(of = Gamma.class, method = "digamma")
    static double digamma(double x) {
        return 2 * Gamma.trigamma(x);
    }
}
