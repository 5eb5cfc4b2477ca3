package io.microautograd.accuracy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Elementary functions in {@link BigDecimal} to {@link #DIGITS} significant digits, from their
 * series: the reference that derivative rules are measured against. Slow and simple on purpose:
 * each function is its textbook series after an exact or high-precision argument reduction.
 */
final class HighPrecision {

    /** Significant digits of every result; far more than a double's 17, so its rounding is the only error left. */
    static final int DIGITS = 60;
    /** Working precision: the digits reductions and repeated squaring use up, and a margin. */
    private static final MathContext WORK = new MathContext(DIGITS + 40, RoundingMode.HALF_EVEN);
    private static final MathContext RESULT = new MathContext(DIGITS, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal SMALL = new BigDecimal("1e-3");
    /** Below this a series term no longer changes a sum of size about 1 at the working precision. */
    private static final BigDecimal NEGLIGIBLE = BigDecimal.ONE.movePointLeft(WORK.getPrecision() + 5);
    private static final BigDecimal PI = machinPi();

    private HighPrecision() {
    }

    /** The exact value of a double. */
    static BigDecimal of(double x) {
        return new BigDecimal(x);
    }

    /** e^x: the series of e^(x / 2^k), with |x / 2^k| below 1e-3, squared k times. */
    static BigDecimal exp(BigDecimal x) {
        int halvings = 0;
        BigDecimal reduced = x;
        while (reduced.abs().compareTo(SMALL) > 0) {
            reduced = reduced.divide(TWO, WORK);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; term.abs().compareTo(NEGLIGIBLE) > 0; n++) {
            term = term.multiply(reduced, WORK).divide(BigDecimal.valueOf(n), WORK);
            sum = sum.add(term, WORK);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, WORK);
        }
        return sum.round(RESULT);
    }

    /**
     * ln x for x &gt; 0: Halley's iteration y + 2 (x - e^y) / (x + e^y) from the double logarithm,
     * which triples the correct digits each step.
     */
    static BigDecimal log(BigDecimal x) {
        if (x.signum() <= 0) {
            throw new IllegalArgumentException("log needs a positive argument, got " + x);
        }
        BigDecimal y = of(Math.log(x.doubleValue()));
        for (int i = 0; i < 3; i++) {
            BigDecimal e = exp(y);
            y = y.add(TWO.multiply(x.subtract(e, WORK), WORK).divide(x.add(e, WORK), WORK), WORK);
        }
        return y.round(RESULT);
    }

    /** sin x, from the series of x reduced modulo 2 pi. */
    static BigDecimal sin(BigDecimal x) {
        return series(reduce(x), 1);
    }

    /** cos x, from the series of x reduced modulo 2 pi. */
    static BigDecimal cos(BigDecimal x) {
        return series(reduce(x), 0);
    }

    /** The square root. */
    static BigDecimal sqrt(BigDecimal x) {
        return x.sqrt(RESULT);
    }

    /** The real cube root: Newton's iteration from the double cube root. */
    static BigDecimal cbrt(BigDecimal x) {
        BigDecimal y = of(Math.cbrt(x.doubleValue()));
        for (int i = 0; i < 4; i++) {
            y = y.subtract(y.pow(3, WORK).subtract(x, WORK).divide(THREE.multiply(y.pow(2, WORK), WORK), WORK), WORK);
        }
        return y.round(RESULT);
    }

    /** a^b: exact powers for integer b, e^(b ln a) for a &gt; 0 otherwise. */
    static BigDecimal pow(BigDecimal a, BigDecimal b) {
        if (b.stripTrailingZeros().scale() <= 0 && b.abs().compareTo(BigDecimal.valueOf(999_999_999)) <= 0) {
            return a.pow(b.intValueExact(), RESULT);
        }
        return exp(b.multiply(log(a), WORK));
    }

    /** a / b to the result's precision. */
    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, RESULT);
    }

    /**
     * How many units in the last place of the truth's nearest double {@code actual} is from the
     * truth; infinite for a NaN, and for an infinity unless the truth rounds to the same one.
     */
    static double ulpsOff(double actual, BigDecimal truth) {
        double nearest = truth.doubleValue();
        if (!Double.isFinite(actual) || !Double.isFinite(nearest)) {
            return actual == nearest ? 0 : Double.POSITIVE_INFINITY;
        }
        return of(actual).subtract(truth).abs().divide(of(Math.ulp(nearest)), MathContext.DECIMAL64).doubleValue();
    }

    /** pi, from Machin's formula. */
    static BigDecimal pi() {
        return PI.round(RESULT);
    }

    /** x minus the nearest multiple of 2 pi, so that the series converge fast and cancel little. */
    private static BigDecimal reduce(BigDecimal x) {
        BigDecimal twoPi = PI.multiply(TWO, WORK);
        BigDecimal turns = x.divide(twoPi, WORK).setScale(0, RoundingMode.HALF_EVEN);
        return x.subtract(turns.multiply(twoPi, WORK), WORK);
    }

    /** sum (-1)^n x^(2n + first) / (2n + first)!: sine for first = 1, cosine for first = 0. */
    private static BigDecimal series(BigDecimal x, int first) {
        BigDecimal term = first == 1 ? x : BigDecimal.ONE;
        BigDecimal sum = term;
        BigDecimal square = x.multiply(x, WORK);
        for (int k = first + 2; term.abs().compareTo(NEGLIGIBLE) > 0; k += 2) {
            term = term.multiply(square, WORK).divide(BigDecimal.valueOf((long) k * (k - 1)), WORK).negate();
            sum = sum.add(term, WORK);
        }
        return sum.round(RESULT);
    }

    /** pi = 16 atan(1/5) - 4 atan(1/239), to the working precision. */
    private static BigDecimal machinPi() {
        return arctanOfInverse(5).multiply(BigDecimal.valueOf(16)).subtract(arctanOfInverse(239).multiply(
                BigDecimal.valueOf(4)), WORK);
    }

    /** atan(1/n) by its series, sum (-1)^k / ((2k + 1) n^(2k + 1)). */
    private static BigDecimal arctanOfInverse(int n) {
        BigDecimal power = BigDecimal.ONE.divide(BigDecimal.valueOf(n), WORK);
        BigDecimal nSquared = BigDecimal.valueOf((long) n * n);
        BigDecimal sum = power;
        BigDecimal term = power;
        for (int k = 1; term.abs().compareTo(NEGLIGIBLE) > 0; k++) {
            power = power.divide(nSquared, WORK);
            term = power.divide(BigDecimal.valueOf(2L * k + 1), WORK);
            sum = k % 2 == 1 ? sum.subtract(term, WORK) : sum.add(term, WORK);
        }
        return sum;
    }
}
