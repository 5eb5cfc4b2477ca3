package io.microautograd.examples.plot;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a chart, or a picture drawn with Java2D, as a PNG file. Rendering happens on an off-screen image, so it works with
 * {@code java.awt.headless=true} and no display.
 */
public final class PngFile {

    private PngFile() {
    }

    /**
     * Writes {@code chart} to {@code file} (the name is used as given; XChart's own writer would
     * append ".png" to it).
     *
     * @return the absolute path of the file
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(Chart<?, ?> chart, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the picture " + file.toAbsolutePath(), e);
        }
        return file.toAbsolutePath();
    }

    /**
     * Writes {@code image} to {@code file}, as {@link #write(Chart, Path)} writes a chart.
     *
     * @return the absolute path of the file
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(RenderedImage image, Path file) {
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the picture " + file.toAbsolutePath(), e);
        }
        return file.toAbsolutePath();
    }
}
