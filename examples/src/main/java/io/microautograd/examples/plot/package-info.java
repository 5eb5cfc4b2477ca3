/**
 * PNG pictures of the examples, drawn with XChart: {@link io.microautograd.examples.plot.LossCurvePlot}
 * (loss per epoch, log scale, or accuracy), {@link io.microautograd.examples.plot.DecisionBoundaryPlot}
 * (a classifier's regions with its points), {@link io.microautograd.examples.plot.FitPlot}
 * (a 1-D model against the truth) and {@link io.microautograd.examples.plot.ContourPathPlot}
 * (a surface with optimizer paths), and two drawn with Java2D, which XChart has no chart for:
 * {@link io.microautograd.examples.plot.ConfusionMatrixPlot} (true against predicted classes)
 * and {@link io.microautograd.examples.plot.DigitGridPlot} (captioned small images);
 * {@link io.microautograd.examples.plot.PngFile} writes any of them.
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>Every picture is 800 x 600 on white ({@link io.microautograd.examples.plot.Charts}).</li>
 *   <li>XChart has no contour or region chart, so {@link io.microautograd.examples.plot.FieldBackground}
 *       paints one pixel by pixel under the series, smooth at any size. Contours are colours of
 *       log10(1 + f - min) ({@link io.microautograd.examples.plot.LogScale}), blended continuously,
 *       so a surface spanning orders of magnitude shows its shape, with a
 *       {@link io.microautograd.examples.plot.ColourBar} as their key.</li>
 * </ul>
 */
package io.microautograd.examples.plot;
