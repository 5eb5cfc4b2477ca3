package io.microautograd.visualize;

/**
 * When a gradient counts as vanishing or exploding, for highlighting and traces.
 *
 * @param vanishingAtOrBelow a gradient with {@code |grad| <= vanishingAtOrBelow} is vanishing; the
 *     default 0 flags exact zeros only (a dead relu, a saturated clamp)
 * @param explodingAbove a gradient with {@code |grad| > explodingAbove} is exploding
 */
public record GradientThresholds(double vanishingAtOrBelow, double explodingAbove) {

    /** Flags exact zeros as vanishing and magnitudes above 1000 as exploding. */
    public static final GradientThresholds DEFAULT = new GradientThresholds(0, 1e3);

    /**
     * @throws IllegalArgumentException unless both are finite, {@code vanishingAtOrBelow >= 0} and
     *     {@code vanishingAtOrBelow < explodingAbove}
     */
    public GradientThresholds {
        if (!(vanishingAtOrBelow >= 0 && Double.isFinite(vanishingAtOrBelow))) {
            throw new IllegalArgumentException(
                    "vanishingAtOrBelow must be finite and >= 0, got " + vanishingAtOrBelow);
        }
        if (!(explodingAbove > vanishingAtOrBelow && Double.isFinite(explodingAbove))) {
            throw new IllegalArgumentException("explodingAbove must be finite and greater than vanishingAtOrBelow ("
                    + vanishingAtOrBelow + "), got " + explodingAbove);
        }
    }
}
