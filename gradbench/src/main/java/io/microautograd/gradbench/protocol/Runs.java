package io.microautograd.gradbench.protocol;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * How often an {@code evaluate} runs its function: the eval's {@code min_runs} and
 * {@code min_seconds} (run at least that many times, and until the timed runs add up to at least
 * that long), after untimed warm-up runs that give the JIT compiler the code's profile.
 *
 * @param minRuns the fewest timed runs, at least 1
 * @param minSeconds the least total time of the timed runs
 * @param warmupSeconds how long to run the function before timing it; 0 for no warm-up
 */
public record Runs(int minRuns, double minSeconds, double warmupSeconds) {

    /** Rejects counts and durations that cannot be run. */
    public Runs {
        if (minRuns < 1) {
            throw new IllegalArgumentException("min_runs must be at least 1 but is " + minRuns);
        }
        if (!(minSeconds >= 0) || !(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("min_seconds and the warm-up must be 0 or more seconds but are "
                    + minSeconds + " and " + warmupSeconds);
        }
    }

    /**
     * The runs an eval's input asks for. Inputs without {@code min_runs} or {@code min_seconds}
     * (hello's) ask for one run; warm-up applies to every input.
     */
    public static Runs of(JsonNode input, double warmupSeconds) {
        JsonNode minRuns = input.path("min_runs");
        JsonNode minSeconds = input.path("min_seconds");
        return new Runs(minRuns.isMissingNode() ? 1 : Inputs.integer("min_runs", minRuns),
                minSeconds.isMissingNode() ? 0 : Inputs.number("min_seconds", minSeconds), warmupSeconds);
    }

    /**
     * Runs {@code computation}: warm-up runs until {@link #warmupSeconds} have passed (none when
     * it is 0), timed together as one {@code warmup} timing, then the timed runs, each its own
     * {@code evaluate} timing; the output is the last timed run's.
     */
    public Measurement measure(Computation computation) {
        List<Timing> timings = new ArrayList<>();
        long warmupNanos = (long) (warmupSeconds * 1e9);
        long warmupStart = System.nanoTime();
        long warmedUp = 0;
        while (warmedUp < warmupNanos) {
            computation.run();
            warmedUp = System.nanoTime() - warmupStart;
        }
        if (warmedUp > 0) {
            timings.add(new Timing(Timing.WARMUP, warmedUp));
        }
        long minNanos = (long) (minSeconds * 1e9);
        long spent = 0;
        Object output = null;
        for (int run = 0; run < minRuns || spent < minNanos; run++) {
            long start = System.nanoTime();
            output = computation.run();
            long took = System.nanoTime() - start;
            timings.add(new Timing(Timing.EVALUATE, took));
            spent += took;
        }
        return new Measurement(output, timings);
    }
}
