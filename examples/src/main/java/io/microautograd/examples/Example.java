package io.microautograd.examples;

/**
 * One stop of the examples tour: a small program with a name the launcher knows it by. An
 * example prints what it shows to the context's output, writes its pictures into the context's
 * folder, and returns what it produced so that callers (the launcher, tests) can check it.
 */
public interface Example {

    /** The name on the command line: lower case, no spaces (for example {@code moons}). */
    String name();

    /** One line saying what the example shows, for {@code --list}. */
    String description();

    /**
     * Runs the example.
     *
     * @return the pictures written and the numbers measured
     * @throws java.io.UncheckedIOException if a picture cannot be written
     */
    ExampleResult run(ExampleContext context);
}
