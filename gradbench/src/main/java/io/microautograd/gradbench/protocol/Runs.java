package io.microautograd.gradbench.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
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

    /** How close, in percent, two warm-up runs in a row must be to end the warm-up. */
    public static final int STEADY_PERCENT = 10;
    /** Runs shorter than this many nanoseconds end the warm-up at its minimum. */
    public static final long STEADY_BELOW_NANOS = 1_000_000;
    /** The longest warm-up, as a multiple of {@link #warmupSeconds}. */
    public static final int MAX_WARMUP_FACTOR = 5;
    /**
     * The fewest warm-up runs within that limit: HotSpot compiles a method's entry with C2 after
     * 5000 calls (its {@code Tier4InvocationThreshold}), and until then a function called once a
     * run stays in profiled C1 code, however steady its runs.
     */
    public static final int MIN_WARMUP_RUNS = 5000;

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
     * Runs {@code computation}: warm-up runs, timed together as one {@code warmup} timing, then
     * the timed runs, each its own {@code evaluate} timing; the output is the last timed run's.
     * Warm-up lasts {@link #warmupSeconds} (none when it is 0), and goes on while the last two
     * runs (of a millisecond or more) differ by more than {@value #STEADY_PERCENT}%, a sign that
     * the JIT compiler is still replacing the code, or while there were fewer than
     * {@value #MIN_WARMUP_RUNS} runs, but no longer than {@value #MAX_WARMUP_FACTOR} times that.
     */
    public Measurement measure(Computation computation) {
        return measure(computation, System::nanoTime);
    }

    /** {@link #measure(Computation)} timed by {@code clock}, in nanoseconds. */
    Measurement measure(Computation computation, LongSupplier clock) {
        List<Timing> timings = new ArrayList<>();
        long warmupNanos = (long) (warmupSeconds * 1e9);
        long warmupStart = clock.getAsLong();
        long warmedUp = 0;
        long previous = -1;
        long last = -1;
        int warmupRuns = 0;
        while (warmedUp < warmupNanos || ((!steady(previous, last) || warmupRuns < MIN_WARMUP_RUNS)
                && warmedUp < MAX_WARMUP_FACTOR * warmupNanos)) {
            long start = clock.getAsLong();
            computation.run();
            previous = last;
            last = clock.getAsLong() - start;
            warmedUp = clock.getAsLong() - warmupStart;
            warmupRuns++;
        }
        if (warmedUp > 0) {
            timings.add(new Timing(Timing.WARMUP, warmedUp));
        }
        long minNanos = (long) (minSeconds * 1e9);
        long spent = 0;
        Object output = null;
        for (int run = 0; run < minRuns || spent < minNanos; run++) {
            long start = clock.getAsLong();
            output = computation.run();
            long took = clock.getAsLong() - start;
            timings.add(new Timing(Timing.EVALUATE, took));
            spent += took;
        }
        return new Measurement(output, timings);
    }

    /**
     * Whether two runs in a row took about as long. Runs under a millisecond count as steady: the
     * minimum warm-up runs them thousands of times, and their times jitter by more than 10%.
     */
    private static boolean steady(long previous, long last) {
        return previous >= 0 && (last < STEADY_BELOW_NANOS
                || Math.abs(last - previous) * 100 <= STEADY_PERCENT * previous);
    }
}
