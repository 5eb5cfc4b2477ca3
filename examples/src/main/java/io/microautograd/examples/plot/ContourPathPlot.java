package io.microautograd.examples.plot;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A function of two variables as filled contour bands, with the paths optimizers took over it
 * and the point they were looking for.
 */
public final class ContourPathPlot {

    private static final int LEVELS = 14;
    private static final List<Color> PATH_COLOURS =
            List.of(new Color(220, 30, 30), Color.BLACK, new Color(255, 140, 0), Color.WHITE);

    private ContourPathPlot() {
    }

    /**
     * The chart of {@code f} over {@code region} (bands on a log scale), each path of
     * {@code paths} as a line (points are (x, y) rows, in visiting order; later paths are
     * drawn dashed, so that paths that agree all show) and {@code target} as a
     * diamond.
     *
     * @throws IllegalArgumentException if there are more paths than colours, or a path is empty
     */
    public static XYChart of(String title, DoubleBinaryOperator f, Region region, Map<String, double[][]> paths,
            double[] target) {
        if (paths.size() > PATH_COLOURS.size()) {
            throw new IllegalArgumentException("at most " + PATH_COLOURS.size() + " paths fit one picture, got "
                    + paths.size());
        }
        XYChart chart = Charts.xyChart(title, "x", "y");
        GridBackground.paint(chart, region, GridBackground.logLevels(f, region, LEVELS),
                GridBackground.ramp(LEVELS, 0.15));
        int index = 0;
        for (Map.Entry<String, double[][]> path : paths.entrySet()) {
            double[][] points = path.getValue();
            if (points.length == 0) {
                throw new IllegalArgumentException("path \"" + path.getKey() + "\" has no points");
            }
            XYSeries series = chart.addSeries(path.getKey(), Charts.column(points, 0), Charts.column(points, 1));
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(PATH_COLOURS.get(index));
            series.setLineStyle(Charts.lineStroke(index));
            index++;
        }
        XYSeries star = chart.addSeries("minimum", new double[] {target[0]}, new double[] {target[1]});
        star.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        star.setMarker(SeriesMarkers.DIAMOND);
        star.setMarkerColor(Color.MAGENTA);
        chart.getStyler().setMarkerSize(12);
        return chart;
    }
}
