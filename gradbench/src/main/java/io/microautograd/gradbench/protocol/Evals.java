package io.microautograd.gradbench.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The modules a tool implements; its {@code define} response declines any other name. */
public final class Evals {

    private final Map<String, EvalModule> modules;

    /** The {@code modules} implemented. */
    public Evals(Iterable<EvalModule> modules) {
        Map<String, EvalModule> byName = new HashMap<>();
        for (EvalModule module : modules) {
            if (byName.put(module.name(), module) != null) {
                throw new IllegalArgumentException("module " + module.name() + " is given twice");
            }
        }
        this.modules = Map.copyOf(byName);
    }

    /** The module named {@code name}, if implemented. */
    public Optional<EvalModule> module(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    /** Why there is no module named {@code name}. */
    public String whyNot(String name) {
        return "no eval named \"" + name + "\"; this tool implements "
                + String.join(", ", new TreeSet<>(modules.keySet()));
    }
}
