package io.microautograd.examples;

import java.util.List;
import java.util.Optional;

/** Every example the launcher knows, in the order {@code all} runs them, and the default tour. */
public final class Examples {

    private static final List<String> TOUR = List.of("engine", "moons", "gradients", "rosenbrock");

    private Examples() {
    }

    /** Every example, in the order of the seed's learning path. */
    public static List<Example> all() {
        return List.of(new EngineExample(), new RegressionExample(), new MoonsExample(), new SineExample(),
                new DigitsExample(), new GradientDebuggingExample(), new RosenbrockExample(),
                new NegativeBinomialExample());
    }

    /**
     * The default tour, what the demo runs with no arguments: the engine, a network learning to
     * classify, gradient debugging, and an optimizer's path on compiled gradients.
     */
    public static List<Example> tour() {
        return all().stream().filter(example -> TOUR.contains(example.name())).toList();
    }

    /** The example called {@code name}, if there is one. */
    public static Optional<Example> named(String name) {
        return all().stream().filter(example -> example.name().equals(name)).findFirst();
    }
}
