package io.microautograd.examples;

import io.microautograd.Derivative;
import io.microautograd.Pullback;
import org.apache.commons.math3.special.Gamma;

/** Rules off by a factor of 2, the classic bug of custom derivatives, for {@link RuleOperationsTest}. */
final class DoubledRules {

    private DoubledRules() {
    }

    /** Twice digamma's derivative, trigamma. */
    @Derivative(of = Gamma.class, method = "digamma")
    static double digamma(double x) {
        return 2 * Gamma.trigamma(x);
    }

    /** The sum of the squares of a. */
    static double sumSquares(double[] a) {
        double sum = 0;
        for (double v : a) {
            sum += v * v;
        }
        return sum;
    }

    /** Twice sumSquares' gradient, 2 a. */
    @Pullback(of = DoubledRules.class, method = "sumSquares")
    static double sumSquares(double[] a, double seed, double[] dA) {
        for (int i = 0; i < a.length; i++) {
            dA[i] += seed * 4 * a[i];
        }
        return sumSquares(a);
    }
}
