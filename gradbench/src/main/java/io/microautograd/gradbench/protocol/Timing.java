package io.microautograd.gradbench.protocol;

/**
 * A timing of the protocol's {@code evaluate} response: {@code evaluate} for each timed run,
 * {@code warmup} for all the warm-up runs before them together.
 *
 * @param name what was timed
 * @param nanoseconds how long it took
 */
public record Timing(String name, long nanoseconds) {

    /** The name GradBench averages: one timed run of the function. */
    public static final String EVALUATE = "evaluate";

    /** The warm-up runs, which the tool reports but GradBench does not count. */
    public static final String WARMUP = "warmup";
}
