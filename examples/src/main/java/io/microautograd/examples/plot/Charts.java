package io.microautograd.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The one look every picture of the examples shares: size, background, legend, fonts. */
public final class Charts {

    /** Width of every picture in pixels. */
    public static final int WIDTH = 800;
    /** Height of every picture in pixels. */
    public static final int HEIGHT = 600;

    private Charts() {
    }

    /** An empty x-y chart with the shared style, its title and its axis titles. */
    public static XYChart xyChart(String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        chart.getStyler()
                .setChartBackgroundColor(Color.WHITE)
                .setLegendPosition(Styler.LegendPosition.InsideNE)
                .setLegendBackgroundColor(new Color(255, 255, 255, 210))
                .setToolTipsEnabled(false);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBorderVisible(true);
        return chart;
    }

    /** Makes the chart show exactly {@code region}, with no padding inside the axes. */
    public static void showRegion(XYChart chart, Region region) {
        chart.getStyler()
                .setXAxisMin(region.xMin())
                .setXAxisMax(region.xMax())
                .setYAxisMin(region.yMin())
                .setYAxisMax(region.yMax());
        chart.getStyler().setPlotMargin(0);
        chart.getStyler().setPlotContentSize(1.0);
    }

    /**
     * The stroke of the {@code index}-th line of a chart: the first solid, later ones dashed and
     * thinner, so that a line lying exactly on an earlier one (two gradient paths that agree)
     * still shows.
     */
    static BasicStroke lineStroke(int index) {
        return index == 0 ? new BasicStroke(3f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 8f}, 0f);
    }

    /** Column {@code index} of {@code points}, rows of (x, y): the form XChart takes series in. */
    static double[] column(double[][] points, int index) {
        double[] values = new double[points.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = points[i][index];
        }
        return values;
    }

    /** Draws {@code text} in {@code g}'s font and colour, centred on (x, y): for pictures drawn with Java2D. */
    static void centreText(Graphics2D g, String text, int x, int y) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, x - metrics.stringWidth(text) / 2, y + (metrics.getAscent() - metrics.getDescent()) / 2);
    }
}
