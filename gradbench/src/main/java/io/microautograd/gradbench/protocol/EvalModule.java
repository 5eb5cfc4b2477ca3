package io.microautograd.gradbench.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * The module an eval defines, by the eval's name, with its functions by the names the eval
 * evaluates.
 *
 * @param name the eval's module name, such as {@code gmm}
 * @param functions the functions by name, such as {@code objective} and {@code jacobian}
 */
public record EvalModule(String name, Map<String, EvalFunction> functions) {

    /** Copies the map, so that a module cannot change once defined. */
    public EvalModule {
        Objects.requireNonNull(name, "name");
        functions = Map.copyOf(functions);
    }
}
