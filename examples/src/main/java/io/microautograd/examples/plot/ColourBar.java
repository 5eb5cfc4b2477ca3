package io.microautograd.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * The key to a {@link FieldBackground} painted on a {@link LogScale}: a vertical bar of the ramp's
 * colours in the bottom right corner of the plot area, with the function's values at 1, 10, 100...
 * and at its minimum, and a title.
 */
public final class ColourBar extends PlotAreaLayer {

    private static final int BAR_WIDTH = 14;
    private static final int BAR_HEIGHT = 170;
    private static final int PADDING = 8;
    private static final int MARGIN = 10;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final String title;
    private final LogScale scale;
    private final double wash;

    private ColourBar(String title, LogScale scale, double wash) {
        this.title = title;
        this.scale = scale;
        this.wash = wash;
    }

    /**
     * Adds the key of a field coloured {@code ColourRamp.washed(ColourRamp.colour(scale.position(f)), wash)}
     * to {@code chart}, which shows {@code region}.
     */
    public static void add(XYChart chart, Region region, String title, LogScale scale, double wash) {
        new ColourBar(title, scale, wash).addTo(chart, "colour bar", region);
    }

    /** The values marked on the bar of {@code scale}: the minimum, then the powers of ten from 1 up to the maximum. */
    static List<Double> ticks(LogScale scale) {
        List<Double> ticks = new ArrayList<>(List.of(scale.min()));
        for (double value = 1; value <= scale.max(); value *= 10) {
            if (value > scale.min()) {
                ticks.add(value);
            }
        }
        return ticks;
    }

    @Override
    void paint(Graphics2D g, Rectangle area) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(FONT);
        FontMetrics metrics = g.getFontMetrics();
        List<Double> ticks = ticks(scale);
        int labelWidth = ticks.stream().mapToInt(value -> metrics.stringWidth(label(value))).max().orElse(0);
        int width = Math.max(metrics.stringWidth(title), BAR_WIDTH + 6 + labelWidth) + 2 * PADDING;
        int height = metrics.getHeight() + BAR_HEIGHT + 2 * PADDING + metrics.getAscent() / 2;
        int left = area.x + area.width - MARGIN - width;
        int top = area.y + area.height - MARGIN - height;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(left, top, width, height);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, width, height);
        g.drawString(title, left + PADDING, top + PADDING + metrics.getAscent());

        int barLeft = left + PADDING;
        int barTop = top + PADDING + metrics.getHeight() + metrics.getAscent() / 4;
        for (int row = 0; row < BAR_HEIGHT; row++) {
            double position = 1 - (row + 0.5) / BAR_HEIGHT;
            g.setColor(ColourRamp.washed(ColourRamp.colour(position), wash));
            g.fillRect(barLeft, barTop + row, BAR_WIDTH, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(barLeft, barTop, BAR_WIDTH, BAR_HEIGHT);
        int lastLabel = Integer.MAX_VALUE / 2;
        for (double value : ticks) {
            int y = barTop + (int) Math.round((1 - scale.position(value)) * BAR_HEIGHT);
            if (lastLabel - y < metrics.getHeight() + 2) {
                continue; // too close above the minimum's label to read apart
            }
            g.drawLine(barLeft + BAR_WIDTH, y, barLeft + BAR_WIDTH + 3, y);
            g.drawString(label(value), barLeft + BAR_WIDTH + 6, y + metrics.getAscent() / 2 - 1);
            lastLabel = y;
        }
    }

    private static String label(double value) {
        return value >= 1 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
