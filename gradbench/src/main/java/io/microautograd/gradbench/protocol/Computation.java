package io.microautograd.gradbench.protocol;

/**
 * One function of an eval applied to one input that has already been read: each call computes
 * the function again and returns its output, which the tool sends as JSON. Only calls are timed,
 * so reading the input and allocating what the calls reuse belong before it.
 */
@FunctionalInterface
public interface Computation {

    /** Computes the function once; the output must not change when a later call runs. */
    Object run();
}
