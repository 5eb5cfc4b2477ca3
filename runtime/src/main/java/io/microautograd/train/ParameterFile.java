package io.microautograd.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves and loads a model's flat parameters as plain text: one number per line, in the model's
 * documented order, written so that it reads back to the same bits. Lines starting with
 * {@code #} are comments. The {@code Value} MLP and the compiled MLP share their parameter order
 * ({@code MLP.parameterValues()}, {@code CompiledMlp.parameters()}; a {@code CompiledMlpModel}'s
 * own flat order is its kernels'), so a network trained on one path loads on the other:
 *
 * <pre>{@code
 * ParameterFile.save(Path.of("moons.txt"), mlp.parameterValues());     // an MLP trained on Value
 * CompiledMlp compiled = CompiledMlp.of(2, 0, layer(16, "relu"), layer(16, "relu"), layer(1, "linear"));
 * compiled.setParameters(ParameterFile.load(Path.of("moons.txt")));   // the same network, compiled
 * }</pre>
 *
 * <p>The file holds numbers only, not the architecture: load it into a model built with the
 * same layers, whose {@code setParameters} rejects a file with another count.
 */
public final class ParameterFile {

    private static final String COMMENT = "#";

    private ParameterFile() {
    }

    /**
     * Writes {@code parameters} to {@code file}, one per line after a comment line, creating
     * missing parent directories and replacing an existing file.
     *
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path save(Path file, double[] parameters) {
        StringBuilder text = new StringBuilder(parameters.length * 24 + 64);
        text.append(COMMENT).append(" MicroAutograd parameters, one per line: ").append(parameters.length).append('\n');
        for (double parameter : parameters) {
            text.append(parameter).append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the parameters to " + file, e);
        }
    }

    /**
     * The parameters in {@code file}, in file order; blank lines and comment lines are skipped.
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException naming the line, if a line is not a number
     */
    public static double[] load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load parameters from " + file, e);
        }
        List<Double> values = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith(COMMENT)) {
                continue;
            }
            try {
                values.add(Double.parseDouble(line));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected one number per line, got \""
                        + line + "\"", e);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
