package io.microautograd.examples.plot;

import io.microautograd.data.Dataset;
import io.microautograd.train.Predictor;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A binary classifier on the plane: the region each class is predicted in, as a pale
 * background, with the labelled points on top, as micrograd's demo draws its moons.
 */
public final class DecisionBoundaryPlot {

    private static final Color CLASS_0 = new Color(200, 40, 40);
    private static final Color CLASS_1 = new Color(40, 70, 200);

    private DecisionBoundaryPlot() {
    }

    /**
     * The chart of {@code model}'s classes over {@code region} (positive where its single output
     * exceeds {@code threshold}) and {@code data}'s points coloured by label (0 or 1; -1 counts as 0).
     *
     * @throws IllegalArgumentException if the data's inputs are not points of the plane
     */
    public static XYChart of(String title, Predictor model, double threshold, Dataset data, Region region) {
        if (data.inputSize() != 2) {
            throw new IllegalArgumentException("a decision boundary is drawn for two inputs, got "
                    + data.inputSize());
        }
        XYChart chart = Charts.xyChart(title, "x1", "x2");
        Color region0 = ColourRamp.washed(CLASS_0, 0.8);
        Color region1 = ColourRamp.washed(CLASS_1, 0.8);
        FieldBackground.paint(chart, region,
                (x, y) -> model.predict(new double[] {x, y})[0] > threshold ? region1 : region0);
        addPoints(chart, "class 0", data, 0, CLASS_0);
        addPoints(chart, "class 1", data, 1, CLASS_1);
        chart.getStyler().setMarkerSize(8);
        return chart;
    }

    private static void addPoints(XYChart chart, String name, Dataset data, int label, Color colour) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            int sampleLabel = data.target(i, 0) >= 0.5 ? 1 : 0;
            if (sampleLabel == label) {
                xs.add(data.input(i, 0));
                ys.add(data.input(i, 1));
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(colour);
    }
}
