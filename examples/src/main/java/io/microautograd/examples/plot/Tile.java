package io.microautograd.examples.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * A filled square marker of a fixed size in pixels, whatever the chart's marker size: XChart
 * 3.8 sizes markers per chart, and a background of tiles must not grow with the data points.
 */
final class Tile extends Marker {

    private final double side;

    Tile(double side) {
        this.side = side;
    }

    @Override
    public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
        g.fill(new Rectangle2D.Double(xOffset - side / 2, yOffset - side / 2, side, side));
    }
}
