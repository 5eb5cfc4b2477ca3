package io.microautograd.visualize;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A drawn computation graph: its DOT text, fixed when the picture was made, and the ways to turn
 * it into SVG, PNG or a file. Made by {@link GraphRenderer}; layout happens only when SVG or PNG
 * is asked for.
 */
public final class GraphPicture {

    private final String dot;
    private final RenderEngine engine;

    GraphPicture(String dot, RenderEngine engine) {
        this.dot = dot;
        this.engine = engine;
    }

    /** The Graphviz DOT source of this picture. */
    public String dot() {
        return dot;
    }

    /** The picture laid out as SVG text. */
    public String svg() {
        return GraphvizRunner.svg(dot, engine);
    }

    /** The picture laid out and rasterised. */
    public BufferedImage image() {
        return GraphvizRunner.image(dot, engine);
    }

    /** The picture as the bytes of a file in {@code format}: DOT and SVG as UTF-8 text, PNG as an image. */
    public byte[] render(GraphFormat format) {
        Objects.requireNonNull(format, "format == null");
        return switch (format) {
            case DOT -> dot.getBytes(StandardCharsets.UTF_8);
            case SVG -> svg().getBytes(StandardCharsets.UTF_8);
            case PNG -> png();
        };
    }

    /**
     * Writes the picture to {@code file} in the format its extension names ({@code .dot},
     * {@code .gv}, {@code .svg}, {@code .png}), creating missing parent directories.
     *
     * @return {@code file}
     * @throws IllegalArgumentException if the extension names no format
     */
    public Path writeTo(Path file) {
        return writeTo(file, GraphFormat.fromFileName(file));
    }

    /** Writes the picture to {@code file} in {@code format}, creating missing parent directories; returns {@code file}. */
    public Path writeTo(Path file, GraphFormat format) {
        byte[] bytes = render(format);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the picture to " + file, e);
        }
    }

    private byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the picture as PNG", e);
        }
        return out.toByteArray();
    }

    /** The DOT source. */
    @Override
    public String toString() {
        return dot;
    }
}
