package io.microautograd.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.data.Dataset;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** The plotting helpers: what they paint where, and the errors for input they cannot draw. */
class PlotsTest {

    private static final Region SQUARE = new Region(-1, 1, -1, 1);
    /** One point in a corner, away from the pixels the tests look at. */
    private static final Dataset CORNER_POINT = Dataset.of(new double[][] {{-0.95, -0.95}}, new double[] {0});

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void decisionRegionsArePaintedWhereTheModelPredictsEachClass() {
        XYChart chart = DecisionBoundaryPlot.of("x > 0.0 is class 1", input -> new double[] {input[0]}, 0,
                CORNER_POINT, SQUARE);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        int middle = image.getHeight() / 2;
        Color left = new Color(image.getRGB(image.getWidth() * 3 / 10, middle));
        Color right = new Color(image.getRGB(image.getWidth() * 7 / 10, middle));
        assertTrue(left.getRed() > left.getBlue() + 20, "class 0 is reddish: " + left);
        assertTrue(right.getBlue() > right.getRed() + 20, "class 1 is bluish: " + right);
    }

    @Test
    void theLogScaleRisesWithTheFunctionFromZeroToOne() {
        LogScale scale = LogScale.of((x, y) -> (x + 1) * 1000, SQUARE);
        double previous = -1;
        for (double x = -0.99; x < 1; x += 0.1) {
            double position = scale.position((x + 1) * 1000);
            assertTrue(position > previous && position <= 1, "position " + position + " at x = " + x);
            previous = position;
        }
        assertEquals(0, scale.position(scale.min()));
        assertEquals(1, scale.position(scale.max()), 1e-12);
        assertEquals(0, scale.position(scale.min() - 5), "clamped below");
    }

    @Test
    void theRampBlendsContinuouslyAndWashingLightensIt() {
        Color low = ColourRamp.colour(0);
        Color high = ColourRamp.colour(1);
        assertNotEquals(low, high);
        Color near = ColourRamp.colour(0.001);
        assertTrue(Math.abs(near.getRed() - low.getRed()) <= 1 && Math.abs(near.getBlue() - low.getBlue()) <= 1,
                "no step at the start: " + low + " " + near);
        Color washed = ColourRamp.washed(low, 0.5);
        assertTrue(washed.getRed() > low.getRed() && washed.getGreen() > low.getGreen());
        assertEquals(Color.WHITE, ColourRamp.washed(low, 1));
    }

    /** The contours blend smoothly (dozens of colours along a line, not a few bands) and have a key. */
    @Test
    void contoursAreSmoothAndHaveAColourBar() {
        XYChart chart = ContourPathPlot.of("t", (x, y) -> (x + 1) * 1000, SQUARE, Map.of(), new double[] {0, 0});
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        Set<Integer> colours = new HashSet<>();
        for (int x = image.getWidth() / 5; x < image.getWidth() * 3 / 5; x++) {
            colours.add(image.getRGB(x, image.getHeight() / 3));
        }
        assertTrue(colours.size() > 50, colours.size() + " colours along a line; bands would give a few");
        assertTrue(chart.getSeriesMap().containsKey("colour bar"), chart.getSeriesMap().keySet().toString());
    }

    @Test
    void theColourBarMarksTheMinimumAndThePowersOfTen() {
        assertEquals(List.of(0.0, 1.0, 10.0, 100.0, 1000.0), ColourBar.ticks(new LogScale(0, 2500)));
        assertEquals(List.of(20.0, 100.0), ColourBar.ticks(new LogScale(20, 500)));
    }

    @Test
    void regionsMustBeFiniteAndNotEmpty() {
        assertThrows(IllegalArgumentException.class, () -> new Region(1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Region(0, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Region(Double.NEGATIVE_INFINITY, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Region.around(new double[0][], 1));
        assertEquals(new Region(-1.5, 2.5, 0.5, 3.5), Region.around(new double[][] {{-1, 3}, {2, 1}}, 0.5));
    }

    @Test
    void inputsThePlotsCannotDrawAreErrorsThatSayWhy() {
        Dataset oneInput = Dataset.of(new double[][] {{0.0}}, new double[] {0});
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryPlot.of("t", x -> x, 0, oneInput, SQUARE)).getMessage().contains("two inputs"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FitPlot.of("t", CORNER_POINT, x -> x, x -> x, -1, 1)).getMessage().contains("one input"));
        assertThrows(IllegalArgumentException.class, () -> FitPlot.of("t", oneInput, x -> x, x -> x, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> LossCurvePlot.of("t", "epoch", Map.of()));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LossCurvePlot.of("t", "epoch", Map.of("empty", List.of()))).getMessage().contains("empty"));
        double[][] path = {{0, 0}};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ContourPathPlot.of("t", (x, y) -> x, SQUARE,
                Map.of("a", path, "b", path, "c", path, "d", path, "e", path), new double[] {0, 0}))
                .getMessage().contains("at most 4 paths"));
    }

    @Test
    void lossCurvesUseALogScaleOnlyWhenEveryValueIsPositive() {
        assertTrue(LossCurvePlot.of("t", "epoch", Map.of("loss", List.of(1.0, 0.1))).getStyler().isYAxisLogarithmic());
        assertTrue(!LossCurvePlot.of("t", "epoch", Map.of("loss", List.of(1.0, 0.0))).getStyler().isYAxisLogarithmic());
    }
}
