package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Counted loops make room on their tapes once, before they start, and their bodies store entries
 * without a capacity check. The generated text shows which loops do; the gradients of loops of
 * every shape the trip count must cover match central finite differences. A reservation short of
 * what a loop stores fails loudly (the plain stores are bounds-checked), so most cases bound their
 * loops by locals: the method cannot size its tapes at entry and the reservations must grow them.
 */
class TapeReservationTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Looped {
                /** Three doubles and a branch decision per iteration, two of the doubles under an if. */
                @Differentiable(wrt = "x")
                static double conditional(double[] x, int n) {
                    int count = n;
                    double s = 0.5;
                    for (int i = 0; i < count; i++) {
                        double v = x[i % x.length];
                        if (v > 0) {
                            s = Math.sin(s + v);
                        } else {
                            s = s * v + 0.1;
                        }
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double untilLarge(double[] x, int n, double limit) {
                    int count = n;
                    double s = 0;
                    for (int i = 0; i < count; i++) {
                        s = Math.tanh(s) + x[i % x.length] * x[i % x.length];
                        if (s > limit) {
                            break;
                        }
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double everyOther(double[] x, int n) {
                    int count = n;
                    double s = 1;
                    for (int i = 1; i < count; i += 2) {
                        s = Math.cos(s * x[i % x.length]);
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double countDown(double[] x, int n) {
                    int count = n;
                    double s = 1;
                    for (int i = count - 1; 0 <= i; i -= 3) {
                        s = Math.sin(s) * x[i % x.length];
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double fromTo(double[] x, int start, int end) {
                    int last = end;
                    double s = 0.4;
                    for (int i = start; i + 1 <= last; i++) {
                        s = s * Math.cos(x[i % x.length]) + x[i % x.length];
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double between(double[] x, int start, int end) {
                    int last = end;
                    double s = 0.4;
                    for (int i = start; i < last; i++) {
                        s = s * Math.cos(x[i % x.length]) + x[i % x.length];
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double offsetFromOne(double[] x, int end) {
                    int last = end;
                    double s = 0.4;
                    for (int i = 1; i + 1 <= last; i++) {
                        s = s * Math.cos(x[i % x.length]) + x[i % x.length];
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double longSteps(double[] x, long steps) {
                    long count = steps;
                    double s = 0.1;
                    for (long k = 0; k <= count; k++) {
                        s = Math.sin(s + x[(int) (k % x.length)]);
                    }
                    return s;
                }

                /** Unrolled by four, then the rest: loops without an initializer go on from the index's value. */
                @Differentiable(wrt = "x")
                static double unrolled(double[] x, int n) {
                    int count = n;
                    double s = 0.5;
                    int i = 0;
                    for (; i + 4 <= count; i += 4) {
                        s = Math.sin(s + x[i % x.length]) * Math.cos(x[(i + 3) % x.length]);
                    }
                    for (; i < count; i++) {
                        s = Math.sin(s * x[i % x.length]);
                    }
                    return s;
                }

                /** The first of the tests joined by && stops the index. */
                @Differentiable(wrt = "x")
                static double whileSmall(double[] x, int n, double limit) {
                    int count = n;
                    double s = 0.1;
                    for (int i = 0; i < count && s < limit; i++) {
                        s = Math.exp(s * x[i % x.length]);
                    }
                    return s;
                }

                /** A bound read from an array element, which a store in the loop could change. */
                @Differentiable(wrt = "x")
                static double boundInArray(double[] x, int[] bounds) {
                    double s = 0.1;
                    for (int i = 0; i < bounds[0]; i++) {
                        s = Math.sin(s + x[i % x.length]);
                    }
                    return s;
                }

                /** Rows re-bound and a long overwritten per pass: the row and long tapes reserve too. */
                @Differentiable
                static double rowsAndLongs(double[][] m, int passes) {
                    int count = passes;
                    double s = 0.1;
                    long k = 1;
                    for (int p = 0; p < count; p++) {
                        double[] row = m[p % m.length];
                        k = (k * 7 + 3) % 11;
                        s = Math.sin(s * row[0]) + 0.01 * k * row[row.length - 1];
                    }
                    return s;
                }

                /** The inner loop reserves on every pass, above what the outer passes stored. */
                @Differentiable(wrt = "x")
                static double nested(double[] x, int rows, int cols) {
                    int width = cols;
                    double s = 0.3;
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < width; c++) {
                            s = Math.sin(s + x[(r + c) % x.length]);
                        }
                        s = Math.exp(-s * s);
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double shrinking(double[] x, int n) {
                    double s = 0.2;
                    int m = n;
                    for (int i = 0; i < m; i++) {
                        s = Math.sin(s * x[i % x.length]);
                        if (s < 0) {
                            m--;
                        }
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double shrinkingWhile(double[] x, int n) {
                    double s = 0.2;
                    int m = n;
                    int i = 0;
                    while (i < m) {
                        s = Math.sin(s * x[i % x.length]);
                        if (s < 0) {
                            m--;
                        }
                        i++;
                    }
                    return s;
                }
            }
            """;

    private static GeneratedCode code;
    private static ArrayGradientCheck gradients;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Looped", SOURCE);
        gradients = new ArrayGradientCheck(code, "p.Looped");
    }

    @Test
    void aCountedLoopReservesOncePerTapeAndStoresUnchecked() {
        String pullback = pullback("conditional");
        assertTrue(pullback.contains("doubleTape = reserve(doubleTape, doubleTapeSize, 3 * (long) count);\n"
                + "        intTape = reserve(intTape, intTapeSize, (long) count);\n"
                + "        for (int i = 0; i < count; i++) {"), pullback);
        assertEquals(3, GeneratedCode.occurrences(pullback, "doubleTape\\[doubleTapeSize\\+\\+\\] = "), pullback);
        assertEquals(1, GeneratedCode.occurrences(pullback, "intTape\\[intTapeSize\\+\\+\\] = "), pullback);
        assertFalse(pullback.contains("push("), pullback);
    }

    @Test
    void tripCountsCoverStartsOffsetsInclusiveBoundsAndLoopsWithoutAnInitializer() {
        assertTrue(pullback("between").contains("reserve(doubleTape, doubleTapeSize, (long) last - start);"),
                pullback("between"));
        assertTrue(pullback("offsetFromOne").contains("reserve(doubleTape, doubleTapeSize, (long) last - 1);"),
                pullback("offsetFromOne"));
        assertTrue(pullback("longSteps").contains("reserve(doubleTape, doubleTapeSize, 0 <= count ? count + 1 : 0);"),
                pullback("longSteps"));
        assertTrue(pullback("whileSmall").contains("reserve(doubleTape, doubleTapeSize, 2 * (long) count);\n"
                + "        for (int i = 0; i < count && s < limit; i++) {"), pullback("whileSmall"));
        assertTrue(pullback("unrolled").contains("reserve(doubleTape, doubleTapeSize, (long) count - i);\n"
                + "        for (; i < count; i++) {"), pullback("unrolled"));
    }

    /**
     * An index that moves by more than one, or is tested with an offset from a start that is no
     * literal, can wrap past the end of its type and go on: these loops keep pushing.
     */
    @Test
    void loopsWhoseIndexMayWrapKeepPushing() {
        for (String method : new String[] {"everyOther", "countDown", "fromTo"}) {
            String pullback = pullback(method);
            assertFalse(pullback.contains("reserve("), pullback);
            assertTrue(pullback.contains("doubleTape = push(doubleTape, doubleTapeSize++, "), pullback);
        }
        String unrolled = pullback("unrolled");
        assertTrue(unrolled.contains("for (; i + 4 <= count; i += 4) {"), unrolled);
        assertEquals(1, GeneratedCode.occurrences(unrolled, "reserve\\("), "only the loop stepping by one: " + unrolled);
    }

    /**
     * A fresh thread's tape starts at 64 entries and a reservation of more than twice that grows
     * it to exactly the reserved size, so the kept tape's length is the reservation: here the
     * loops' true trip counts (counted by hand) times their push sites.
     */
    @Test
    void reservationsAreTheTripCountsTimesThePushSites() throws Exception {
        double[] x = {0.2, -0.5, 0.9};
        assertReserves(995, "between", x, 5, 1000);
        assertReserves(999, "offsetFromOne", x, 1000);
        assertReserves(1000, "longSteps", x, 999L);
        // Loops that run no times leave the starting 64 entries alone. The span of the second, -4e9,
        // would wrap to about +3e8 in int arithmetic; counted in long it reserves nothing.
        assertReserves(64, "between", x, 9, 2);
        assertReserves(64, "between", x, 2_000_000_000, -2_000_000_000);
        assertReserves(3 * 200, "conditional", x, 200);
    }

    private static void assertReserves(int entries, String method, Object... arguments) throws Exception {
        int length = onNewThread(() -> {
            code.call("p.LoopedGrad", method, arguments);
            return ((double[]) kept(method + "DoubleTape")).length;
        });
        assertEquals(entries, length, method + " reserves its loop's entries");
    }

    @Test
    void rowAndLongTapesReserveAndTheKeptRowTapeHoldsNoRows() throws Exception {
        String pullback = pullback("rowsAndLongs");
        assertTrue(pullback.contains("rowTape = reserve(rowTape, rowTapeSize, "), pullback);
        assertTrue(pullback.contains("longTape = reserve(longTape, longTapeSize, (long) count);"), pullback);
        assertFalse(pullback.contains("push("), pullback);
        double[][] m = {{0.4, -0.7}, {1.1, 0.3, -0.2}, {-0.5}};
        for (int passes : new int[] {0, 1, 5, 300}) {
            gradients.check("rowsAndLongs", new Object[] {m, passes}, "m:0");
        }
        onNewThread(() -> {
            code.call("p.LoopedGrad", "rowsAndLongs", m, 500);
            double[][] rows = (double[][]) kept("rowsAndLongsRowTape");
            assertTrue(rows.length >= 2 * 500, "the row tape holds a row and its adjoint per pass");
            for (double[] row : rows) {
                assertEquals(null, row, "the kept row tape lets go of the caller's rows");
            }
            return null;
        });
    }

    @Test
    void loopsWhoseBoundMayChangeInsideOrThatMayBreakOutKeepPushing() {
        for (String method : new String[] {"shrinking", "shrinkingWhile", "boundInArray", "untilLarge"}) {
            String pullback = pullback(method);
            assertFalse(pullback.contains("reserve("), pullback);
            assertTrue(pullback.contains("doubleTape = push(doubleTape, doubleTapeSize++, "), pullback);
        }
    }

    @Test
    void anOuterLoopWhoseInnerLoopTapesKeepsPushingAndTheInnerReserves() {
        String pullback = pullback("nested");
        int outer = pullback.indexOf("for (int r = 0; r < rows; r++) {");
        int reserve = pullback.indexOf("doubleTape = reserve(doubleTape, doubleTapeSize, (long) width);");
        int inner = pullback.indexOf("for (int c = 0; c < width; c++) {");
        assertTrue(0 <= outer && outer < reserve && reserve < inner, pullback);
        assertEquals(1, GeneratedCode.occurrences(pullback, "reserve\\("), pullback);
        assertTrue(pullback.contains("doubleTape[doubleTapeSize++] = s;"), pullback);
        assertTrue(pullback.contains("doubleTape = push(doubleTape, doubleTapeSize++, "), pullback);
    }

    @Test
    void conditionalPushesAndBreaks() {
        double[] x = {0.7, -0.4, 0.2, -1.1, 0.5};
        for (int n : new int[] {0, 1, 6, 45}) {
            gradients.check("conditional", new Object[] {x, n}, "x:0");
        }
        for (double limit : new double[] {0.6, 1.7, 100}) {
            gradients.check("untilLarge", new Object[] {x, 30, limit}, "x:0");
            gradients.check("whileSmall", new Object[] {x, 30, limit}, "x:0");
        }
        gradients.check("boundInArray", new Object[] {x, new int[] {12}}, "x:0");
    }

    @Test
    void stepsOtherThanOneAndLoopsThatRunNoTimes() {
        double[] x = {0.9, -0.6, 1.3, 0.25};
        for (int n : new int[] {-3, 0, 1, 2, 7, 40}) {
            gradients.check("everyOther", new Object[] {x, n}, "x:0");
            gradients.check("countDown", new Object[] {x, n}, "x:0");
        }
        for (int[] range : new int[][] {{3, 3}, {9, 2}, {2, 30}, {2_000_000_000, -2_000_000_000}}) {
            gradients.check("fromTo", new Object[] {x, range[0], range[1]}, "x:0");
            gradients.check("between", new Object[] {x, range[0], range[1]}, "x:0");
        }
        for (int n : new int[] {-3, 0, 1, 2, 7}) {
            gradients.check("offsetFromOne", new Object[] {x, n}, "x:0");
        }
        for (int n : new int[] {0, 3, 4, 11, 50}) {
            gradients.check("unrolled", new Object[] {x, n}, "x:0");
        }
        for (long steps : new long[] {-1, 0, 25}) {
            gradients.check("longSteps", new Object[] {x, steps}, "x:0");
        }
    }

    @Test
    void nestedLoopsAndLoopsWithoutReservations() {
        double[] x = {0.3, -0.8, 0.6, 1.2, -0.2};
        for (int[] shape : new int[][] {{0, 4}, {3, 0}, {1, 1}, {7, 11}}) {
            gradients.check("nested", new Object[] {x, shape[0], shape[1]}, "x:0");
        }
        for (int n : new int[] {0, 5, 60}) {
            gradients.check("shrinking", new Object[] {x, n}, "x:0");
            gradients.check("shrinkingWhile", new Object[] {x, n}, "x:0");
        }
    }

    @Test
    void aFreshThreadsTapesGrowFarBeyondTheirStartingCapacity() throws Exception {
        double[] x = {0.45, -0.3, 0.8};
        onNewThread(() -> {
            gradients.check("conditional", new Object[] {x, 40_000}, "x:0");
            assertTrue(((double[]) kept("conditionalDoubleTape")).length >= 120_000,
                    "the tape grew to hold the reservation");
            return null;
        });
        onNewThread(() -> {
            gradients.check("nested", new Object[] {x, 40, 2_000}, "x:0");
            return null;
        });
    }

    @Test
    void callsOnOneThreadReuseTheKeptTapeAndMatchAFreshThread() throws Exception {
        Random random = new Random(17);
        double[] x = {random.nextDouble() - 0.5, random.nextDouble(), -random.nextDouble()};
        double[] small = onNewThread(() -> conditional(x, 30));
        double[] large = onNewThread(() -> conditional(x, 3_000));
        onNewThread(() -> {
            assertArrayEquals(small, conditional(x, 30), "the first call");
            assertArrayEquals(large, conditional(x, 3_000), "a call that grows the kept tape");
            Object grown = kept("conditionalDoubleTape");
            assertArrayEquals(small, conditional(x, 30), "a smaller call on the grown tape");
            assertArrayEquals(large, conditional(x, 3_000), "a call that fits the kept tape");
            assertSame(grown, kept("conditionalDoubleTape"), "calls that fit reuse the kept tape");
            return null;
        });
    }

    /** The value, then the partials, of the generated {@code conditional}. */
    private static double[] conditional(double[] x, int n) {
        double[] dX = new double[x.length];
        double value = (double) code.call("p.LoopedGrad", "conditional", x, n, dX);
        double[] out = new double[x.length + 1];
        out[0] = value;
        System.arraycopy(dX, 0, out, 1, x.length);
        return out;
    }

    /** What the calling thread keeps in the generated field {@code name}. */
    private static Object kept(String name) throws ReflectiveOperationException {
        Field field = code.loader().loadClass("p.LoopedGrad").getDeclaredField(name);
        field.setAccessible(true);
        return ((ThreadLocal<?>) field.get(null)).get();
    }

    /** The result of {@code call} on a new thread, which has kept no tape. */
    private static <T> T onNewThread(Callable<T> call) throws Exception {
        FutureTask<T> task = new FutureTask<>(call);
        new Thread(task).start();
        return task.get();
    }

    private static String pullback(String method) {
        return code.pullbackSource("p.LoopedGrad", method);
    }
}
