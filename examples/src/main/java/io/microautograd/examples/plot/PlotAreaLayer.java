package io.microautograd.examples.plot;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;

/**
 * Something painted over a chart's whole plot area, under the series added after it: a field of
 * colours, a colour bar. XChart draws nothing of the kind, so a layer is the marker of a
 * one-point series: XChart clips series to the plot area, which {@link Charts#showRegion} makes
 * exactly the region shown, and the marker paints that clip.
 */
abstract class PlotAreaLayer extends Marker {

    /** Paints the layer into {@code area}, the plot area in pixels, which shows {@code region}. */
    abstract void paint(Graphics2D g, Rectangle area);

    /** Adds this layer to {@code chart} above the series already there; fixes the axes to {@code region}. */
    final void addTo(XYChart chart, String name, Region region) {
        XYSeries series = chart.addSeries(name, new double[] {(region.xMin() + region.xMax()) / 2},
                new double[] {(region.yMin() + region.yMax()) / 2});
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(this);
        series.setShowInLegend(false);
        Charts.showRegion(chart, region);
    }

    @Override
    public final void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
        paint(g, g.getClipBounds());
    }
}
