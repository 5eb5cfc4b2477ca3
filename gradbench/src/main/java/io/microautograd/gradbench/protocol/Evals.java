package io.microautograd.gradbench.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The modules a tool implements, and for GradBench's other evals the reason it declines them,
 * which its {@code define} response gives.
 */
public final class Evals {

    private final Map<String, EvalModule> modules;
    private final Map<String, String> declined;

    /**
     * The {@code modules} implemented; {@code declined} maps the name of each eval known but not
     * implemented to the reason.
     */
    public Evals(Iterable<EvalModule> modules, Map<String, String> declined) {
        Map<String, EvalModule> byName = new HashMap<>();
        for (EvalModule module : modules) {
            if (byName.put(module.name(), module) != null) {
                throw new IllegalArgumentException("module " + module.name() + " is given twice");
            }
            if (declined.containsKey(module.name())) {
                throw new IllegalArgumentException("module " + module.name() + " is both implemented and declined");
            }
        }
        this.modules = Map.copyOf(byName);
        this.declined = Map.copyOf(declined);
    }

    /** The module named {@code name}, if implemented. */
    public Optional<EvalModule> module(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    /** Why there is no module named {@code name}. */
    public String whyNot(String name) {
        String reason = declined.get(name);
        if (reason != null) {
            return reason;
        }
        return "no eval named \"" + name + "\"; this tool implements "
                + String.join(", ", new TreeSet<>(modules.keySet()));
    }
}
