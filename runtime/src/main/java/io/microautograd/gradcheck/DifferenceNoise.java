package io.microautograd.gradcheck;

/**
 * How far rounding alone can move a Richardson-extrapolated central difference: a partial whose
 * analytic and numeric values differ by less than that is one the differences cannot resolve,
 * which {@link GradientCheck} reports as ill-conditioned instead of wrong.
 */
public final class DifferenceNoise {

    /**
     * The rounding error assumed in each value of the function, in ulps of its size where the
     * differences read it: a few roundings of a sum of that size.
     */
    public static final double ULPS_PER_VALUE = 8;

    private DifferenceNoise() {
    }

    /**
     * The most that rounding can move (4 D(k) - D(2k)) / 3, with D(k) = (f(x + k) - f(x - k)) / 2k,
     * for a function of about {@code size} there: each value read moves by up to e =
     * {@link #ULPS_PER_VALUE} ulps of the size, so D(k) by e / k and D(2k) by e / 2k, and the
     * extrapolation by (4 e / k + e / 2k) / 3 = 1.5 e / k.
     */
    public static double ofRichardson(double size, double k) {
        return 1.5 * ULPS_PER_VALUE * Math.ulp(size) / k;
    }
}
