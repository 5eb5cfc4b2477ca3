package io.microautograd.visualize;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a {@link GraphPicture} can be written in. */
public enum GraphFormat {
    /** Graphviz source text; needs no layout engine. */
    DOT("dot", "gv"),
    /** Scalable vector graphics, laid out by Graphviz. */
    SVG("svg"),
    /** A raster image, laid out by Graphviz and rasterised in Java. */
    PNG("png");

    private final String[] extensions;

    GraphFormat(String... extensions) {
        this.extensions = extensions;
    }

    /** The usual file extension, without the dot: {@code "dot"}, {@code "svg"} or {@code "png"}. */
    public String extension() {
        return extensions[0];
    }

    /**
     * The format a file name asks for by its extension ({@code .dot} or {@code .gv}, {@code .svg},
     * {@code .png}; case does not matter).
     *
     * @throws IllegalArgumentException if the name has none of these extensions
     */
    public static GraphFormat fromFileName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (GraphFormat format : values()) {
            for (String extension : format.extensions) {
                if (name.endsWith("." + extension)) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("file must end in .dot, .gv, .svg or .png to choose a format, got '"
                + file + "'; pass a GraphFormat explicitly for other names");
    }
}
