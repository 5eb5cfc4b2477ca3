package io.microautograd.visualize;

/**
 * What a value's gradient says about training: the categories that pictures colour and traces
 * flag. {@link #classify} decides, given {@link GradientThresholds}.
 */
public enum GradientHealth {
    /** Finite, and neither vanishing nor exploding. Not highlighted. */
    HEALTHY(null),
    /** At or below the vanishing threshold (by default exactly zero): nothing flows back through here. */
    VANISHING("#a5c8f0"),
    /** Above the exploding threshold. */
    EXPLODING("#ffb366"),
    /** NaN or infinite: something upstream divided by zero, overflowed or took a log of a negative. */
    NON_FINITE("#ff5c5c"),
    /**
     * The value only feeds operands that are never differentiated, such as the constant exponent
     * of {@code pow(double)} or the bounds of {@code clamp}; its gradient means nothing. Not highlighted.
     */
    CONSTANT_OPERAND(null);

    private final String color;

    GradientHealth(String color) {
        this.color = color;
    }

    /** Whether pictures fill a value of this category with {@link #color()}. */
    public boolean highlighted() {
        return color != null;
    }

    /** The fill colour as {@code #rrggbb}; {@code ""} for categories that are not highlighted. */
    public String color() {
        return color == null ? "" : color;
    }

    /**
     * The category of a gradient.
     *
     * @param grad the gradient
     * @param receivesGradient whether backward can send this value any gradient at all (false for
     *     constant operands)
     */
    public static GradientHealth classify(double grad, boolean receivesGradient, GradientThresholds thresholds) {
        if (!receivesGradient) {
            return CONSTANT_OPERAND;
        }
        if (!Double.isFinite(grad)) {
            return NON_FINITE;
        }
        double magnitude = Math.abs(grad);
        if (magnitude <= thresholds.vanishingAtOrBelow()) {
            return VANISHING;
        }
        return magnitude > thresholds.explodingAbove() ? EXPLODING : HEALTHY;
    }

    /** How the legend and traces describe this category under {@code thresholds}. */
    String describe(GradientThresholds thresholds) {
        return switch (this) {
            case HEALTHY -> "healthy";
            case VANISHING -> thresholds.vanishingAtOrBelow() == 0
                    ? "vanishing: grad = 0"
                    : "vanishing: |grad| <= " + NumberText.shortest(thresholds.vanishingAtOrBelow());
            case EXPLODING -> "exploding: |grad| > " + NumberText.shortest(thresholds.explodingAbove());
            case NON_FINITE -> "grad is NaN or infinite";
            case CONSTANT_OPERAND -> "constant operand, receives no gradient";
        };
    }
}
