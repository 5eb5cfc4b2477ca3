package io.microautograd.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where an example writes: a text stream for what it prints and one folder for its pictures.
 * The folder is created on the first picture, so listing or running a text-only example leaves
 * no empty folder behind.
 */
public final class ExampleContext {

    private final Path outputDirectory;
    private final PrintStream out;

    /**
     * A context writing pictures into {@code outputDirectory} and text to {@code out}.
     *
     * @throws IllegalArgumentException if either is null
     */
    public ExampleContext(Path outputDirectory, PrintStream out) {
        if (outputDirectory == null) {
            throw new IllegalArgumentException("outputDirectory must not be null");
        }
        if (out == null) {
            throw new IllegalArgumentException("out must not be null");
        }
        this.outputDirectory = outputDirectory.toAbsolutePath().normalize();
        this.out = out;
    }

    /** The absolute folder that receives the pictures. */
    public Path outputDirectory() {
        return outputDirectory;
    }

    /** The stream examples print to. */
    public PrintStream out() {
        return out;
    }

    /** Prints a line. */
    public void println(String line) {
        out.println(line);
    }

    /** Prints {@code format} filled with {@code args}, with '.' as the decimal point whatever the default locale. */
    public void printf(String format, Object... args) {
        out.print(String.format(Locale.ROOT, format, args));
    }

    /**
     * The absolute path of the picture {@code fileName} in the output folder, creating the
     * folder if needed.
     *
     * @throws IllegalArgumentException if {@code fileName} is not a plain file name
     * @throws UncheckedIOException if the folder cannot be created
     */
    public Path picture(String fileName) {
        if (fileName == null || fileName.isBlank() || Path.of(fileName).getNameCount() != 1
                || fileName.equals("..")) {
            throw new IllegalArgumentException("fileName must be a plain file name such as \"loss.png\", got \""
                    + fileName + "\"");
        }
        try {
            Files.createDirectories(outputDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + outputDirectory, e);
        }
        return outputDirectory.resolve(fileName);
    }
}
