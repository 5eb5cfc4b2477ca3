package io.microautograd.examples.plot;

import io.microautograd.data.Dataset;
import java.awt.Color;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A 1-D regression: the training points, the true curve and the model's curve over an interval. */
public final class FitPlot {

    /** Points along each curve: smooth at the picture's width. */
    static final int SAMPLES = 400;

    private FitPlot() {
    }

    /**
     * The chart of {@code data}'s points (one input, one target), {@code truth} and
     * {@code model} over [{@code from}, {@code to}].
     *
     * @throws IllegalArgumentException if the data is not one input and one target, or the interval is empty
     */
    public static XYChart of(String title, Dataset data, DoubleUnaryOperator truth, DoubleUnaryOperator model,
            double from, double to) {
        if (data.inputSize() != 1 || data.targetSize() != 1) {
            throw new IllegalArgumentException("a fit plot needs one input and one target per sample, got inputs of"
                    + " width " + data.inputSize() + " and targets of width " + data.targetSize());
        }
        if (!(from < to)) {
            throw new IllegalArgumentException("need from < to, got " + from + " and " + to);
        }
        XYChart chart = Charts.xyChart(title, "x", "y");
        addCurve(chart, "truth", truth, from, to, new Color(150, 150, 150));
        addCurve(chart, "model", model, from, to, new Color(200, 60, 30));
        double[] x = new double[data.size()];
        double[] y = new double[data.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.input(i, 0);
            y[i] = data.target(i, 0);
        }
        XYSeries points = chart.addSeries("training data", x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(new Color(40, 70, 200));
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    private static void addCurve(XYChart chart, String name, DoubleUnaryOperator f, double from, double to,
            Color colour) {
        double[] x = new double[SAMPLES];
        double[] y = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            x[i] = from + (to - from) * i / (SAMPLES - 1);
            y[i] = f.applyAsDouble(x[i]);
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
    }
}
