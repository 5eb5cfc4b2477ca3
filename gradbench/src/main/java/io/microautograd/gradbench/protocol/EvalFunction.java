package io.microautograd.gradbench.protocol;

import tools.jackson.databind.JsonNode;

/** A function of an eval's module: reads the {@code input} of an {@code evaluate} message. */
@FunctionalInterface
public interface EvalFunction {

    /**
     * The computation to run on {@code input}.
     *
     * @throws IllegalArgumentException when the input lacks a field or has the wrong shape
     */
    Computation prepare(JsonNode input);
}
