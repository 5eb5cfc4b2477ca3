package io.microautograd.examples.plot;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A function of two variables as a smooth filled contour plot with a colour bar, with the paths
 * optimizers took over it and the point they were looking for.
 */
public final class ContourPathPlot {

    /** How far the field's colours are lightened toward white, so that the paths stand out. */
    private static final double WASH = 0.15;
    private static final List<Color> PATH_COLOURS =
            List.of(new Color(220, 30, 30), Color.BLACK, new Color(255, 140, 0), Color.WHITE);

    private ContourPathPlot() {
    }

    /**
     * The chart of {@code f} over {@code region} (colours on a log scale, with their key), each path of
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
        LogScale scale = LogScale.of(f, region);
        FieldBackground.paint(chart, region,
                (x, y) -> ColourRamp.washed(ColourRamp.colour(scale.position(f.applyAsDouble(x, y))), WASH));
        ColourBar.add(chart, region, "f(x, y)", scale, WASH);
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
