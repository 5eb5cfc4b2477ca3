package io.microautograd.gradbench.protocol;

import java.util.List;

/**
 * What an {@code evaluate} sends back: the function's output and a timing per run.
 *
 * @param output the output of the last timed run
 * @param timings warm-up runs first, then the timed runs
 */
public record Measurement(Object output, List<Timing> timings) {

    /** Copies the timings. */
    public Measurement {
        timings = List.copyOf(timings);
    }
}
