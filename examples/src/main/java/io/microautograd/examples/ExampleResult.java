package io.microautograd.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an example produced: the files it wrote, in order, and the numbers it measured by name
 * (final loss, accuracy, distance to a minimum...), so that a test can check them.
 */
public final class ExampleResult {

    private final List<Path> files = new ArrayList<>();
    private final Map<String, Double> measurements = new LinkedHashMap<>();

    /** Records a file the example wrote; returns this result for chaining. */
    public ExampleResult file(Path file) {
        files.add(file);
        return this;
    }

    /**
     * Records a measured number under {@code name}; returns this result for chaining.
     *
     * @throws IllegalArgumentException if {@code name} was already measured
     */
    public ExampleResult measure(String name, double value) {
        if (measurements.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException("measurement \"" + name + "\" was already recorded");
        }
        return this;
    }

    /** The files written, in the order they were recorded. */
    public List<Path> files() {
        return Collections.unmodifiableList(files);
    }

    /** Every measurement by name, in the order they were recorded. */
    public Map<String, Double> measurements() {
        return Collections.unmodifiableMap(measurements);
    }

    /**
     * The measurement {@code name}.
     *
     * @throws IllegalArgumentException if it was not recorded
     */
    public double measurement(String name) {
        Double value = measurements.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no measurement named \"" + name + "\"; recorded: "
                    + measurements.keySet());
        }
        return value;
    }
}
