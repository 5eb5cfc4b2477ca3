package io.microautograd.examples.plot;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss (or any positive quantity) per step or epoch, one line per named curve (the first solid,
 * later ones dashed, so that curves that agree all show). The y axis is
 * logarithmic when every value is positive, since training losses fall by orders of magnitude;
 * {@link #accuracy} draws accuracies on a linear axis from 0 to 1 instead.
 */
public final class LossCurvePlot {

    private LossCurvePlot() {
    }

    /**
     * A chart of each curve against its index (1, 2, 3...).
     *
     * @param curves the curves by legend name, in drawing order
     * @throws IllegalArgumentException if there is no curve or a curve is empty
     */
    public static XYChart of(String title, String xAxisTitle, Map<String, List<Double>> curves) {
        XYChart chart = Charts.xyChart(title, xAxisTitle, "loss");
        chart.getStyler().setYAxisLogarithmic(addCurves(chart, curves));
        return chart;
    }

    /**
     * A chart of each accuracy curve against its index (1, 2, 3...), on a linear axis from 0 to 1.
     *
     * @param curves the curves by legend name, in drawing order
     * @throws IllegalArgumentException if there is no curve or a curve is empty
     */
    public static XYChart accuracy(String title, String xAxisTitle, Map<String, List<Double>> curves) {
        XYChart chart = Charts.xyChart(title, xAxisTitle, "accuracy");
        addCurves(chart, curves);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return chart;
    }

    /** Adds the curves to {@code chart}; true if every value is positive. */
    private static boolean addCurves(XYChart chart, Map<String, List<Double>> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("curves must hold at least one curve, got none");
        }
        boolean positive = true;
        int index = 0;
        for (Map.Entry<String, List<Double>> curve : curves.entrySet()) {
            List<Double> values = curve.getValue();
            if (values.isEmpty()) {
                throw new IllegalArgumentException("curve \"" + curve.getKey() + "\" has no values");
            }
            double[] x = new double[values.size()];
            double[] y = new double[values.size()];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
                y[i] = values.get(i);
                positive &= y[i] > 0;
            }
            XYSeries series = chart.addSeries(curve.getKey(), x, y);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineStyle(Charts.lineStroke(index++));
        }
        return positive;
    }
}
