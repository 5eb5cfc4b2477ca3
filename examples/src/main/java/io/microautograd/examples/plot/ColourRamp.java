package io.microautograd.examples.plot;

import java.awt.Color;

/** Colours for positions from 0 to 1: dark blue through teal and green to pale yellow, blended continuously. */
public final class ColourRamp {

    private static final Color[] STOPS = {
        new Color(45, 20, 110), new Color(30, 130, 140), new Color(120, 200, 90), new Color(250, 235, 120)};

    private ColourRamp() {
    }

    /** The colour at {@code position}, clamped to [0, 1]. */
    public static Color colour(double position) {
        double t = Math.max(0, Math.min(1, position)) * (STOPS.length - 1);
        int stop = Math.min(STOPS.length - 2, (int) t);
        return mix(STOPS[stop], STOPS[stop + 1], t - stop);
    }

    /** {@code colour} moved toward white by {@code wash} (0: unchanged, 1: white). */
    public static Color washed(Color colour, double wash) {
        return mix(colour, Color.WHITE, wash);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
