package io.microautograd.gradbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How often and how long a function runs, on a scripted clock: each run of the computation
 * advances it by the next of the given durations (the last one from then on).
 */
class RunsTest {

    private static final long MS = 1_000_000;

    private long now;
    private int runs;

    private Computation taking(long... millis) {
        return () -> {
            now += millis[Math.min(runs, millis.length - 1)] * MS;
            return ++runs;
        };
    }

    /**
     * {@code millis} after {@link Runs#MIN_WARMUP_RUNS} instant runs, so that a warm-up has made
     * its fewest runs before the clock moves and ends as its time and steadiness say.
     */
    private static long[] afterMinimumRuns(long... millis) {
        long[] all = new long[Runs.MIN_WARMUP_RUNS + millis.length];
        System.arraycopy(millis, 0, all, Runs.MIN_WARMUP_RUNS, millis.length);
        return all;
    }

    private Measurement measure(Runs runs, Computation computation) {
        return runs.measure(computation, () -> now);
    }

    private static List<Long> millis(Measurement measurement, String name) {
        List<Long> millis = new ArrayList<>();
        for (Timing timing : measurement.timings()) {
            if (timing.name().equals(name)) {
                millis.add(timing.nanoseconds() / MS);
            }
        }
        return millis;
    }

    @Test
    void runsMinRunsTimesWhenTheyAreQuick() {
        Measurement measurement = measure(new Runs(4, 0.01, 0), taking(1));

        assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L), millis(measurement, Timing.EVALUATE));
        assertEquals(10, measurement.output());
        measurement = measure(new Runs(4, 0.002, 0), taking(1));
        assertEquals(4, millis(measurement, Timing.EVALUATE).size());
    }

    @Test
    void warmUpRunsForItsTimeThenTheTimedRunsFollow() {
        Measurement measurement = measure(new Runs(2, 0, 0.01), taking(afterMinimumRuns(3)));

        assertEquals(List.of(12L), millis(measurement, Timing.WARMUP));
        assertEquals(List.of(3L, 3L), millis(measurement, Timing.EVALUATE));
        assertEquals(Runs.MIN_WARMUP_RUNS + 6, measurement.output());
    }

    @Test
    void warmUpGoesOnWhileRunsGetFaster() {
        Measurement measurement = measure(new Runs(2, 0, 0.05), taking(afterMinimumRuns(40, 30, 20, 10)));

        assertEquals(List.of(110L), millis(measurement, Timing.WARMUP));
        assertEquals(List.of(10L, 10L), millis(measurement, Timing.EVALUATE));
    }

    /** A hundred durations alternating between {@code even} and {@code odd} milliseconds. */
    private static long[] alternating(long even, long odd) {
        long[] millis = new long[100];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = i % 2 == 0 ? even : odd;
        }
        return millis;
    }

    @Test
    void warmUpThatNeverSettlesStopsAtItsLimit() {
        Measurement measurement = measure(new Runs(1, 0, 0.02), taking(alternating(5, 15)));

        assertEquals(List.of(100L), millis(measurement, Timing.WARMUP));
    }

    @Test
    void runsUnderAMillisecondNeedNotSettle() {
        Measurement measurement = measure(new Runs(1, 0, 0.01), taking(afterMinimumRuns(alternating(0, 1))));

        assertEquals(List.of(10L), millis(measurement, Timing.WARMUP));
    }

    @Test
    void warmUpGoesOnUntilTheCompilerHasSeenEnoughRuns() {
        Measurement measurement = measure(new Runs(1, 0, 2), taking(1));

        assertEquals(List.of((long) Runs.MIN_WARMUP_RUNS), millis(measurement, Timing.WARMUP), "steady from the start");
        assertEquals(Runs.MIN_WARMUP_RUNS + 1, measurement.output());
        measurement = measure(new Runs(1, 0, 0.01), taking(1));
        assertEquals(List.of(50L), millis(measurement, Timing.WARMUP), "no longer than five times the warm-up");
    }

    @Test
    void noWarmUpRunsNothingUntimed() {
        Measurement measurement = measure(new Runs(2, 0, 0), taking(7));

        assertEquals(List.of(), millis(measurement, Timing.WARMUP));
        assertEquals(List.of(7L, 7L), millis(measurement, Timing.EVALUATE));
    }
}
