package io.microautograd.visualize;

import java.util.Locale;

/** How pictures and traces print a double: short, fixed width where it can be, never locale-dependent. */
final class NumberText {

    private NumberText() {
    }

    /**
     * Four decimals for ordinary magnitudes, as micrograd's pictures show them; scientific notation
     * where four decimals would hide the number (tiny gradients) or make it long (huge ones).
     */
    static String format(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "+inf" : "-inf";
        }
        if (x == 0) {
            return "0.0000"; // also for -0.0, which a zero gradient times a negative partial gives
        }
        double magnitude = Math.abs(x);
        if (magnitude < 1e-3 || magnitude >= 1e5) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        return String.format(Locale.ROOT, "%.4f", x);
    }

    /** A setting such as a threshold as the user would write it: {@code 1000}, {@code 0.5}, {@code 1.0E-6}. */
    static String shortest(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
