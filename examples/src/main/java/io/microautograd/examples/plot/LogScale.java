package io.microautograd.examples.plot;

import java.util.function.DoubleBinaryOperator;

/**
 * Positions from 0 to 1 for the values of a function over a region, on the scale
 * {@code log10(1 + f - min)}: a surface spanning orders of magnitude (Rosenbrock's valley and its
 * walls) still shows its shape.
 *
 * @param min the smallest value sampled, at position 0
 * @param max the largest value sampled, at position 1
 */
public record LogScale(double min, double max) {

    /** Samples per side of the grid {@link #of} looks for the extremes on. */
    static final int SAMPLES = 200;

    /** The scale of {@code f} over {@code region}, its extremes taken on a grid of points. */
    public static LogScale of(DoubleBinaryOperator f, Region region) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < SAMPLES; i++) {
            for (int j = 0; j < SAMPLES; j++) {
                double value = f.applyAsDouble(region.columnCentre(i, SAMPLES), region.rowCentre(j, SAMPLES));
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return new LogScale(min, max);
    }

    /** Where {@code value} sits, from 0 at {@link #min} to 1 at {@link #max}, clamped to [0, 1]. */
    public double position(double value) {
        double top = Math.log10(1 + max - min);
        return top == 0 ? 0 : Math.max(0, Math.min(1, Math.log10(1 + Math.max(0, value - min)) / top));
    }
}
