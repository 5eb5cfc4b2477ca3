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
        double magnitude = Math.abs(x);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5)) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        return String.format(Locale.ROOT, "%.4f", x);
    }
}
