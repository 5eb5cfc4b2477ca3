package io.microautograd.examples.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;

/**
 * Paints a region of a chart pixel by pixel in the colour a function gives each point: a filled
 * contour plot or a classifier's decision regions, smooth at any picture size. Each pixel takes
 * the colour of the point at its centre.
 */
public final class FieldBackground extends PlotAreaLayer {

    /** The colour of each point of the plane. */
    @FunctionalInterface
    public interface Colouring {
        /** The colour at (x, y). */
        Color colour(double x, double y);
    }

    private final Region region;
    private final Colouring colouring;

    private FieldBackground(Region region, Colouring colouring) {
        this.region = region;
        this.colouring = colouring;
    }

    /**
     * Paints {@code colouring} over {@code region}, under everything added to {@code chart} later,
     * and fixes the chart's axes to the region.
     */
    public static void paint(XYChart chart, Region region, Colouring colouring) {
        new FieldBackground(region, colouring).addTo(chart, "field", region);
    }

    @Override
    void paint(Graphics2D g, Rectangle area) {
        BufferedImage image = new BufferedImage(area.width, area.height, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < area.height; row++) {
            double y = region.yMax() - (region.yMax() - region.yMin()) * (row + 0.5) / area.height;
            for (int column = 0; column < area.width; column++) {
                double x = region.xMin() + (region.xMax() - region.xMin()) * (column + 0.5) / area.width;
                image.setRGB(column, row, colouring.colour(x, y).getRGB());
            }
        }
        g.drawImage(image, area.x, area.y, null);
    }
}
