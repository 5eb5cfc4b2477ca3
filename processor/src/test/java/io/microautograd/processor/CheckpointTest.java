package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checkpointed loops: each method below is compiled with a few snapshot budgets and taped
 * ({@code checkpoints = 0}), and every checkpointed gradient must be the taped one bit for bit,
 * and agree with central finite differences, whatever the trip count: loops that run no times,
 * fewer times than the budget, and many more (several segments of iterations each). The schedule
 * must run the iterations forward as few times as the exhaustive binomial minimum says.
 */
class CheckpointTest {

    /** The budgets each method is compiled with, beside the taped twin. */
    private static final int[] BUDGETS = {1, 2, 3, 64};

    /** The methods, by name: wrt, parameters and body, each compiled once per budget and once taped. */
    private static final List<String[]> METHODS = List.of(
            // Scalars only: an explicit Euler projectile with drag, 4 doubles taped per step.
            new String[] {"projectile", "\"v0\", \"angle\", \"drag\"", "double v0, double angle, double drag, int steps", """
                    double dt = 10.0 / Math.max(steps, 1);
                    double x = 0;
                    double y = 0;
                    double vx = v0 * Math.cos(angle);
                    double vy = v0 * Math.sin(angle);
                    for (int i = 0; i < steps; i++) {
                        double speed = Math.sqrt(vx * vx + vy * vy);
                        double ax = -drag * speed * vx;
                        double ay = -9.81 - drag * speed * vy;
                        x += dt * vx;
                        y += dt * vy;
                        vx += dt * ax;
                        vy += dt * ay;
                    }
                    return x + y;
                    """},
            // Array state: a local array and the parameter array, both written each step.
            new String[] {"diffusion", "\"u\", \"k\"", "double[] u, double k, int steps", """
                    double[] t = new double[u.length];
                    for (int j = 0; j < u.length; j++) {
                        t[j] = u[j];
                    }
                    double energy = 0;
                    for (int s = 0; s < steps; s++) {
                        for (int j = 1; j + 1 < t.length; j++) {
                            t[j] = Math.tanh(t[j] + k * (t[j - 1] - 2 * t[j] + t[j + 1]));
                        }
                        u[s % u.length] = 0.5 * u[s % u.length] + 0.1 * t[0];
                        energy += t[1] * t[1];
                    }
                    return energy + u[0] * t[t.length - 1];
                    """},
            // A falling long index, int, long and boolean state, branches and continue.
            new String[] {"counters", "\"x\"", "double[] x, long n", """
                    double s = 0.25;
                    int flips = 0;
                    long seen = 3;
                    boolean up = true;
                    for (long k = n; k > 0; k--) {
                        double v = x[(int) (k % x.length)];
                        seen = seen * 5 % 7;
                        if (v * s > 0.1 == up) {
                            s = Math.sin(s + v * seen);
                            flips++;
                            up = !up;
                            continue;
                        }
                        s = s * 0.9 + Math.exp(-v * v) * flips;
                    }
                    return s + flips;
                    """},
            // A start that is no literal and an inclusive bound.
            new String[] {"window", "\"x\"", "double[] x, int from, int to", """
                    double s = 0.5;
                    for (int i = from; i <= to; i++) {
                        s = Math.cos(s * x[Math.floorMod(i, x.length)]) + 0.25 * s;
                    }
                    return s;
                    """},
            // A nested loop that tapes, and a call of another differentiable method.
            new String[] {"nested", "\"x\"", "double[] x, int outer, int inner", """
                    double s = 0.1;
                    double[] acc = new double[x.length];
                    for (int o = 0; o < outer; o++) {
                        for (int j = 0; j < inner; j++) {
                            s = Math.sin(s) + x[(o + j) % x.length] * s;
                        }
                        acc[o % acc.length] += damp(s, x[o % x.length]);
                    }
                    return s + acc[0] * acc[acc.length - 1];
                    """},
            // An early return before the loops (the forward sweep is a block), and two checkpointed loops.
            new String[] {"twoLoops", "\"x\"", "double[] x, int n", """
                    if (n < 0) {
                        return x[0];
                    }
                    double s = 0.3;
                    for (int i = 0; i < n; i++) {
                        s = Math.atan(s * x[i % x.length] + 1);
                    }
                    double r = s;
                    for (int i = n; i > 0; i--) {
                        r = r * Math.cos(x[i % x.length] + r);
                    }
                    return r + s;
                    """});

    /** The methods that count their runs forward, and their snapshots. */
    private static final String[] COUNTED = {"one", "two", "three", "five"};
    private static final int[] COUNTED_SNAPSHOTS = {1, 2, 3, 5};

    private static GeneratedCode code;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Simulations", source());
    }

    /** The class holding every method once per budget and once taped, and the helper {@code damp}. */
    private static String source() {
        StringBuilder out = new StringBuilder("package p;\n\nimport io.microautograd.Differentiable;\n\n"
                + "class Simulations {\n    @Differentiable\n    static double damp(double a, double b) {\n"
                + "        return a * Math.tanh(b) - 0.1 * a * a;\n    }\n");
        for (String[] method : METHODS) {
            for (int budget : BUDGETS) {
                append(out, method, method[0] + budget, budget);
            }
            append(out, method, method[0] + "Taped", 0);
        }
        return out.append("}\n").toString();
    }

    private static void append(StringBuilder out, String[] method, String name, int checkpoints) {
        out.append("\n    @Differentiable(wrt = {").append(method[1]).append("}, checkpoints = ").append(checkpoints)
                .append(")\n    static double ").append(name).append('(').append(method[2]).append(") {\n")
                .append(method[3].indent(8)).append("    }\n");
    }

    @Test
    void scalarStateGivesTheTapedGradientBitForBit() {
        for (int steps : new int[] {0, 1, 2, 3, 4, 5, 9, 10, 11, 21, 64, 65, 300, 5_000, 60_000}) {
            assertSameAsTaped("projectile", 12.0, 0.6, 0.05, steps);
        }
        ArrayGradientCheck check = new ArrayGradientCheck(code, "p.Simulations");
        for (int steps : new int[] {0, 1, 7, 40, 500}) {
            for (int budget : BUDGETS) {
                check.check("projectile" + budget, new Object[] {12.0, 0.6, 0.05, steps}, "v0:0", "angle:1", "drag:2");
            }
        }
    }

    @Test
    void arrayStateGivesTheTapedGradientBitForBit() {
        Random random = new Random(3);
        ArrayGradientCheck check = new ArrayGradientCheck(code, "p.Simulations");
        for (int steps : new int[] {0, 1, 2, 5, 11, 23, 200}) {
            double[] u = RandomArrays.vector(random.nextLong(), random.nextInt(2, 6));
            assertSameAsTaped("diffusion", u, 0.2, steps);
            for (int budget : BUDGETS) {
                check.check("diffusion" + budget, new Object[] {u, 0.2, steps}, "u:0", "k:1");
            }
        }
    }

    @Test
    void integerAndBooleanStateBranchesAndContinueGiveTheTapedGradient() {
        ArrayGradientCheck check = new ArrayGradientCheck(code, "p.Simulations");
        double[] x = {0.4, -0.7, 0.2, 0.9, -0.3};
        for (long n : new long[] {-2, 0, 1, 2, 6, 19, 150, 1_000}) {
            assertSameAsTaped("counters", x, n);
            if (n > 150) {
                // A thousand iterations flip branches within 1e-5 of x: central differences are no reference there.
                continue;
            }
            for (int budget : BUDGETS) {
                check.check("counters" + budget, new Object[] {x, n}, "x:0");
            }
        }
    }

    @Test
    void startsThatAreNoLiteralsAndInclusiveBounds() {
        ArrayGradientCheck check = new ArrayGradientCheck(code, "p.Simulations");
        double[] x = {0.3, -0.5, 0.8};
        for (int[] range : new int[][] {{4, 3}, {5, 5}, {-7, 2}, {3, 40}, {Integer.MAX_VALUE - 30, Integer.MAX_VALUE - 1},
                {Integer.MIN_VALUE, Integer.MIN_VALUE + 25}}) {
            assertSameAsTaped("window", x, range[0], range[1]);
            for (int budget : BUDGETS) {
                check.check("window" + budget, new Object[] {x, range[0], range[1]}, "x:0");
            }
        }
    }

    @Test
    void nestedLoopsCallsEarlyReturnsAndTwoLoopsInOneMethod() {
        ArrayGradientCheck check = new ArrayGradientCheck(code, "p.Simulations");
        double[] x = {0.6, -0.2, 0.35, -0.8};
        for (int[] shape : new int[][] {{0, 3}, {1, 0}, {3, 2}, {13, 4}, {90, 3}}) {
            assertSameAsTaped("nested", x, shape[0], shape[1]);
            for (int budget : BUDGETS) {
                check.check("nested" + budget, new Object[] {x, shape[0], shape[1]}, "x:0");
            }
        }
        for (int n : new int[] {-1, 0, 1, 4, 33, 400}) {
            assertSameAsTaped("twoLoops", x, n);
            for (int budget : BUDGETS) {
                check.check("twoLoops" + budget, new Object[] {x, n}, "x:0");
            }
        }
    }

    /**
     * The generated code: the forward loop stores no tape entry and keeps snapshots when its
     * schedule says; the reversal restores the latest, runs forward, and tapes one segment at a time.
     */
    @Test
    void theForwardSweepTapesNothingAndTheReverseSweepTapesASegment() {
        String pullback = code.pullbackSource("p.SimulationsGrad", "projectile64");
        assertTrue(pullback.contains("BinomialCheckpoints iCheckpoints = new BinomialCheckpoints("), pullback);
        assertTrue(pullback.contains("""
                        for (int i = 0; i < steps; i++) {
                            if (iCheckpoints.snapshotDue()) {
                                int slot = iCheckpoints.take();
                                xSnapshots[slot] = x;
                """), pullback);
        String forward = pullback.substring(0, pullback.indexOf("while (iCheckpoints.segmentsLeft())"));
        assertFalse(forward.contains("doubleTape["), "the forward sweep tapes nothing:\n" + pullback);
        assertTrue(pullback.contains("""
                            long from = iCheckpoints.latestTrip();
                            long target = iCheckpoints.target();
                            for (long iTrip = from; iTrip < target; iTrip++) {
                """), pullback);
        assertEquals(1, GeneratedCode.occurrences(pullback, "reserve\\(doubleTape"), pullback);
        String twoLoops = code.pullbackSource("p.SimulationsGrad", "twoLoops3");
        assertTrue(twoLoops.contains("BinomialCheckpoints iCheckpoints = null;"), "declared before the forward"
                + " sweep's block, which the reverse sweep cannot see into:\n" + twoLoops);
        assertTrue(twoLoops.contains("iCheckpoints2 = new BinomialCheckpoints("), twoLoops);
    }

    /** At a million steps, where taping still fits, the checkpointed gradient is the taped one. */
    @Test
    void aMillionStepsGiveTheTapedGradientBitForBit() {
        assertSameAsTaped("projectile", 40.0, 0.9, 0.01, 1_000_000);
    }

    /**
     * With a loop of {@code n} iterations, one per segment ({@code n} at most {@code C(s + 3, 3)} for
     * {@code s} snapshots), the forward sweep runs each iteration once and the reversal tapes each
     * once; the reversal runs forward without a tape {@code T(n, s) - p} iterations more, where
     * {@code T} is the fewest runs forward of any schedule with {@code s} snapshots (computed here
     * exhaustively over every split) and {@code p} the iteration of the forward sweep's last
     * snapshot, which stands for the first pass's runs up to it.
     */
    @Test
    void theScheduleRunsForwardAsLittleAsTheBinomialMinimum() throws Exception {
        GeneratedCode counted = GeneratedCode.compile("p.Counted", """
                package p;

                import io.microautograd.Differentiable;
                import java.util.ArrayList;
                import java.util.List;

                class Counted {
                    static final List<Integer> RUNS = new ArrayList<>();

                    static double run(int i) {
                        RUNS.add(i);
                        return 0.0;
                    }

                %s
                }
                """.formatted(countedMethods()));
        Field field = counted.loader().loadClass("p.Counted").getDeclaredField("RUNS");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<Integer> runs = (List<Integer>) field.get(null);
        long[][] fewest = fewestRunsForward(60, 5);
        for (int m = 0; m < COUNTED.length; m++) {
            int s = COUNTED_SNAPSHOTS[m];
            for (int n = 1; n <= (s + 1) * (s + 2) * (s + 3) / 6; n++) {
                runs.clear();
                counted.call("p.CountedGrad", COUNTED[m], 0.3, n, new double[1]);
                List<Integer> forward = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    forward.add(i);
                }
                assertEquals(forward, runs.subList(0, n), "the forward sweep runs each iteration once");
                int lastSnapshot = runs.get(n);
                long recomputed = runs.size() - 2L * n;
                assertEquals(fewest[n][Math.min(s, n)] - lastSnapshot, recomputed,
                        COUNTED[m] + " at n = " + n + ": " + runs);
            }
        }
    }

    /** The methods of {@link #COUNTED}, each with its snapshots, that count the runs of their loop's body. */
    private static String countedMethods() {
        StringBuilder out = new StringBuilder();
        for (int m = 0; m < COUNTED.length; m++) {
            out.append("""
                        @Differentiable(checkpoints = %d)
                        static double %s(double x, int n) {
                            double s = x;
                            for (int i = 0; i < n; i++) {
                                s = Math.sin(s) + run(i);
                            }
                            return s;
                        }
                    """.formatted(COUNTED_SNAPSHOTS[m], COUNTED[m]));
        }
        return out.toString().stripTrailing();
    }

    /**
     * The fewest iterations run forward to reverse {@code l} iterations with {@code c} snapshot slots,
     * one of them holding the first iteration's state: {@code T(1, c) = 0}, {@code T(l, 1) = l (l -
     * 1) / 2}, and {@code T(l, c)} the least {@code m + T(l - m, c - 1) + T(m, c)} over every split.
     */
    private static long[][] fewestRunsForward(int iterations, int slots) {
        long[][] fewest = new long[iterations + 1][slots + 1];
        for (int l = 2; l <= iterations; l++) {
            fewest[l][1] = (long) l * (l - 1) / 2;
            for (int c = 2; c <= slots; c++) {
                long best = Long.MAX_VALUE;
                for (int m = 1; m < l; m++) {
                    best = Math.min(best, m + fewest[l - m][c - 1] + fewest[m][c]);
                }
                fewest[l][c] = best;
            }
        }
        return fewest;
    }

    /** Every checkpointed variant of {@code method} returns the taped value and partials, bit for bit. */
    private static void assertSameAsTaped(String method, Object... arguments) {
        List<Object> taped = outputs(method + "Taped", arguments);
        for (int budget : BUDGETS) {
            List<Object> checkpointed = outputs(method + budget, arguments);
            for (int i = 0; i < taped.size(); i++) {
                Object expected = taped.get(i);
                Object actual = checkpointed.get(i);
                String what = method + budget + Arrays.deepToString(arguments) + ", output " + i;
                if (expected instanceof double[] e) {
                    assertArrayEquals(e, (double[]) actual, what);
                } else {
                    assertEquals(expected, actual, what);
                }
            }
        }
    }

    /** The value and then each partial of a generated method, as the record holds them. */
    private static List<Object> outputs(String method, Object[] arguments) {
        Object result = code.call("p.SimulationsGrad", method, ArrayGradientCheck.copy(arguments));
        List<Object> out = new ArrayList<>();
        for (var component : result.getClass().getRecordComponents()) {
            Object value = GeneratedCode.component(result, component.getName());
            out.add(value != null && value.getClass().isArray() ? copyOf(value) : value);
        }
        return out;
    }

    private static Object copyOf(Object array) {
        int length = Array.getLength(array);
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = Array.getDouble(array, i);
        }
        return out;
    }
}
