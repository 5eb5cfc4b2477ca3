package io.microautograd.examples.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Paints a region of a chart as coloured bands of a function of (x, y), the way a filled
 * contour plot or a classifier's decision regions look: the region is cut into a grid of cells,
 * each cell is given the band {@code band(x, y)} at its centre and painted with that band's
 * colour. XChart has no contour chart, so the cells are tiles of one scatter series per band,
 * drawn before (under) everything else.
 */
public final class GridBackground {

    /** Cells per side; a tile is drawn a little larger than its cell so no gap shows. */
    static final int CELLS = 120;

    private GridBackground() {
    }

    /**
     * A function from a point to the index of its band, 0 to {@code colours.size() - 1}.
     */
    @FunctionalInterface
    public interface Bands {
        /** The band of the point (x, y). */
        int band(double x, double y);
    }

    /**
     * Adds the bands of {@code bands} over {@code region} to {@code chart} and fixes its axes
     * to the region; band {@code k} is painted with {@code colours.get(k)}.
     *
     * @throws IllegalArgumentException if a band index falls outside the colours
     */
    public static void paint(XYChart chart, Region region, Bands bands, List<Color> colours) {
        List<List<double[]>> cells = new ArrayList<>();
        for (int k = 0; k < colours.size(); k++) {
            cells.add(new ArrayList<>());
        }
        for (int i = 0; i < CELLS; i++) {
            for (int j = 0; j < CELLS; j++) {
                double x = region.columnCentre(i, CELLS);
                double y = region.rowCentre(j, CELLS);
                int band = bands.band(x, y);
                if (band < 0 || band >= colours.size()) {
                    throw new IllegalArgumentException("band of (" + x + ", " + y + ") must be in 0.."
                            + (colours.size() - 1) + ", got " + band);
                }
                cells.get(band).add(new double[] {x, y});
            }
        }
        Tile tile = new Tile(Math.ceil((double) Charts.WIDTH / CELLS) + 1);
        for (int k = 0; k < colours.size(); k++) {
            List<double[]> band = cells.get(k);
            if (band.isEmpty()) {
                continue;
            }
            double[][] points = band.toArray(double[][]::new);
            XYSeries series = chart.addSeries("band " + k, Charts.column(points, 0), Charts.column(points, 1));
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(tile);
            series.setMarkerColor(colours.get(k));
            series.setShowInLegend(false);
        }
        Charts.showRegion(chart, region);
    }

    /**
     * The bands of a real function: {@code levels} equal steps of {@code log10(1 + f - min)}
     * over the grid, so that a function spanning many orders of magnitude (Rosenbrock's valley
     * and walls) still shows its shape.
     */
    public static Bands logLevels(DoubleBinaryOperator f, Region region, int levels) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < CELLS; i++) {
            for (int j = 0; j < CELLS; j++) {
                double value = f.applyAsDouble(region.columnCentre(i, CELLS), region.rowCentre(j, CELLS));
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        double floor = min;
        double top = Math.log10(1 + max - min);
        return (x, y) -> {
            double level = top == 0 ? 0 : Math.log10(1 + f.applyAsDouble(x, y) - floor) / top;
            return Math.min(levels - 1, (int) (level * levels));
        };
    }

    /**
     * {@code count} colours from dark blue through green to pale yellow, lightened toward white
     * by {@code wash} (0 to 1).
     */
    public static List<Color> ramp(int count, double wash) {
        Color[] stops = {
            new Color(45, 20, 110), new Color(30, 130, 140), new Color(120, 200, 90), new Color(250, 235, 120)};
        List<Color> colours = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double t = count == 1 ? 0 : (double) k / (count - 1) * (stops.length - 1);
            int s = Math.min(stops.length - 2, (int) t);
            colours.add(washed(mix(stops[s], stops[s + 1], t - s), wash));
        }
        return colours;
    }

    /** {@code colour} moved toward white by {@code wash} (0: unchanged, 1: white). */
    public static Color washed(Color colour, double wash) {
        return mix(colour, Color.WHITE, wash);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
