package io.microautograd.gradcheck;

import java.util.Arrays;
import java.util.Locale;

/**
 * A partial that finite differences could not check: at its point the function is so large that
 * rounding alone moves the difference quotient by more than the analytic and numeric partials
 * differ, so their disagreement says nothing about the gradient.
 *
 * @param pointIndex the index of the point among the checked points
 * @param point the point
 * @param parameter the parameter whose partial it is
 * @param analytic the objective's partial
 * @param numeric the finite-difference partial
 * @param noise how far rounding alone can move the finite-difference partial
 * @param functionSize the largest |f| the differences read
 */
record IllConditioned(int pointIndex, double[] point, int parameter, double analytic, double numeric, double noise,
                      double functionSize) {

    /** Where the partial is, why it could not be checked, and what to do instead. */
    String describe() {
        return String.format(Locale.ROOT, "parameter %d of point %d %s: the function is about %.2e there, so"
                + " rounding alone can move its difference quotient by %.2e, more than analytic %s and numeric %s"
                + " differ by; check it where the function is smaller, or with a larger step (withStep)", parameter,
                pointIndex, Arrays.toString(point), functionSize, noise, analytic, numeric);
    }
}
