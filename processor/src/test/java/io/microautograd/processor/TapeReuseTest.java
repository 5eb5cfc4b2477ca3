package io.microautograd.processor;

import static io.microautograd.processor.PerThread.onNewThread;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated pullbacks keep their tapes per thread between calls: reuse happens, and it never
 * changes a result, whatever the order of sizes, on several threads at once, or when a call
 * re-enters the same gradient on its own thread.
 */
class TapeReuseTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Taped {
                /** Tapes overwritten doubles, branch decisions and a long; a while loop has no size estimate. */
                @Differentiable(wrt = "x")
                static double orbit(double[] x, int steps) {
                    double s = 0.1;
                    long k = 1;
                    int i = 0;
                    while (i < steps) {
                        double v = x[i % x.length];
                        k = (k * 7 + 3) % 11;
                        if (s > 0) {
                            s = Math.sin(s * v) + 0.05 * k * v;
                        } else {
                            s = Math.cos(s) * v - 0.25;
                        }
                        i++;
                    }
                    return s;
                }

                /** Re-binds a row per pass, so the rows go on the row tape. */
                @Differentiable
                static double rows(double[][] m, int passes) {
                    double s = 0;
                    for (int pass = 0; pass < passes; pass++) {
                        double[] row = m[pass % m.length];
                        for (int j = 0; j < row.length; j++) {
                            s = s * 0.5 + row[j] * row[j];
                        }
                    }
                    return s;
                }

                /** Computes its own gradient again, through plain code, while its tape is in use. */
                @Differentiable(wrt = "x")
                static double reentrant(double[] x, int depth) {
                    double s = 0.3;
                    for (int i = 0; i < x.length; i++) {
                        s = Math.sin(s + x[i]);
                        if (i == x.length / 2) {
                            s = s + 0.01 * nestedGradient(x.length, depth);
                        }
                    }
                    return s;
                }

                static int nestedGradient(int n, int depth) {
                    if (depth == 0) {
                        return 0;
                    }
                    double[] probe = new double[n];
                    for (int i = 0; i < n; i++) {
                        probe[i] = 2.0 - 0.3 * i;
                    }
                    return TapedGrad.reentrant(probe, depth - 1).x()[0] > 0 ? 1 : 2;
                }

                @Differentiable
                static double straightLine(double a, double b) {
                    double c = a * b;
                    return c * c + a;
                }
            }
            """;

    private static GeneratedCode code;
    private static Class<?> grad;

    @BeforeAll
    static void compile() throws ClassNotFoundException {
        code = GeneratedCode.compile("p.Taped", SOURCE);
        grad = code.loader().loadClass("p.TapedGrad");
    }

    @Test
    void growingAndShrinkingTapesGiveFreshResults() throws Exception {
        Random random = new Random(7);
        ArrayGradientCheck check = new ArrayGradientCheck(code, "p.Taped");
        for (int steps : new int[] {5, 40, 700, 90, 3000, 12, 700, 1}) {
            double[] x = uniform(random, 1 + steps % 17);
            check.check("orbit", new Object[] {x, steps}, "x:0");
            assertArrayEquals(onNewThread(() -> orbit(x, steps)), orbit(x, steps), "orbit, steps " + steps);
        }
        for (int passes : new int[] {3, 50, 400, 20, 2}) {
            double[][] m = {uniform(random, 4), uniform(random, 9), uniform(random, 2)};
            check.check("rows", new Object[] {m, passes}, "m:0");
            assertArrayEquals(onNewThread(() -> rows(m, passes)), rows(m, passes), "rows, passes " + passes);
        }
    }

    @Test
    void aThreadKeepsItsLargestTapeAndReusesIt() throws Exception {
        onNewThread(TapeReuseTest::keepsAndReuses);
    }

    /** Runs on a thread of its own, so that no other test's call has left a tape on it. */
    private static Void keepsAndReuses() throws ReflectiveOperationException {
        double[] x = uniform(new Random(3), 9);
        orbit(x, 700);
        List<Object> kept = new ArrayList<>();
        for (String field : List.of("orbitDoubleTape", "orbitIntTape", "orbitLongTape")) {
            kept.add(assertKept(field));
        }
        orbit(x, 700);
        orbit(x, 20);
        assertSame(kept.get(0), kept("orbitDoubleTape"), "a smaller call reuses the double tape");
        assertSame(kept.get(1), kept("orbitIntTape"), "and the int tape");
        assertSame(kept.get(2), kept("orbitLongTape"), "and the long tape");
        orbit(x, 5000);
        Object larger = kept("orbitDoubleTape");
        assertNotSame(kept.get(0), larger, "a call that outgrows the kept tape keeps its grown one");
        assertTrue(((double[]) larger).length >= 2 * 5000, "the grown tape holds the call's entries");
        return null;
    }

    @Test
    void theKeptRowTapeHoldsNoRows() throws Exception {
        onNewThread(TapeReuseTest::keepsNoRows);
    }

    /**
     * Each call's row tape fills up and empties again, so a clear that stops short of the highest
     * slot a call used, or at the size the call ends with, leaves rows in the kept tape.
     */
    private static Void keepsNoRows() throws ReflectiveOperationException {
        double[][] m = {{1, 2}, {3}};
        rows(m, 300);
        double[][] large = (double[][]) assertKept("rowsRowTape");
        assertTrue(large.length >= 300, "the call taped its 300 rows");
        assertTrue(Arrays.stream(large).allMatch(Objects::isNull), "the kept row tape lets go of the caller's rows");
        rows(m, 30);
        assertSame(large, kept("rowsRowTape"), "a smaller call reuses the kept row tape");
        assertTrue(Arrays.stream(large).allMatch(Objects::isNull), "and lets go of its rows too");
        return null;
    }

    @Test
    void aMethodWithoutTapesKeepsNothing() {
        for (Field field : grad.getDeclaredFields()) {
            assertFalse(field.getName().startsWith("straightLine"), "no field for straightLine: " + field);
        }
    }

    @Test
    void aCallReenteringTheSameGradientGetsItsOwnTape() {
        Random random = new Random(11);
        ArrayGradientCheck check = new ArrayGradientCheck(code, "p.Taped");
        for (int depth : new int[] {0, 1, 1, 2, 1}) {
            check.check("reentrant", new Object[] {uniform(random, 24), depth}, "x:0");
        }
    }

    @Test
    void eachThreadKeepsItsOwnTapes() throws Exception {
        double[] x = uniform(new Random(9), 5);
        orbit(x, 300);
        Object mine = assertKept("orbitDoubleTape");
        Object[] other = onNewThread(() -> {
            Object before = kept("orbitDoubleTape");
            orbit(x, 300);
            return new Object[] {before, kept("orbitDoubleTape")};
        });
        assertNull(other[0], "a new thread has kept no tape, whatever other threads did");
        assertNotSame(mine, other[1], "the other thread kept a tape of its own");
        assertSame(mine, kept("orbitDoubleTape"), "and left this thread's alone");
    }

    @Test
    void threadsCallingAtOnceGetSingleThreadedResults() throws Exception {
        Random random = new Random(5);
        double[] xA = uniform(random, 13);
        double[] xB = uniform(random, 7);
        double[] expectedA = orbit(xA, 2500);
        double[] expectedB = orbit(xB, 400);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(repeatedly(start, () -> orbit(xA, 2500), expectedA));
            Future<Integer> b = pool.submit(repeatedly(start, () -> orbit(xB, 400), expectedB));
            assertEquals(300, a.get());
            assertEquals(300, b.get());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Calls {@code call} 300 times once both threads are ready, requiring {@code expected} exactly each time. */
    private static Callable<Integer> repeatedly(CyclicBarrier start, Callable<double[]> call, double[] expected) {
        return () -> {
            start.await();
            int calls = 0;
            for (; calls < 300; calls++) {
                assertArrayEquals(expected, call.call(), "call " + calls);
            }
            return calls;
        };
    }

    /** The value, then the partials, of the generated {@code orbit}. */
    private static double[] orbit(double[] x, int steps) throws ReflectiveOperationException {
        double[] dX = new double[x.length];
        double value = (double) generated("orbit", double[].class, int.class, double[].class)
                .invoke(null, x, steps, dX);
        return prepend(value, dX);
    }

    /** The value, then the partials row by row, of the generated {@code rows}. */
    private static double[] rows(double[][] m, int passes) throws ReflectiveOperationException {
        double[][] dM = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            dM[i] = new double[m[i].length];
        }
        double value = (double) generated("rows", double[][].class, int.class, double[][].class)
                .invoke(null, m, passes, dM);
        return prepend(value, Arrays.stream(dM).flatMapToDouble(Arrays::stream).toArray());
    }

    private static Method generated(String name, Class<?>... parameters) throws NoSuchMethodException {
        Method method = grad.getDeclaredMethod(name, parameters);
        method.setAccessible(true);
        return method;
    }

    /** What the calling thread keeps in the generated field {@code name}. */
    private static Object kept(String name) throws ReflectiveOperationException {
        return PerThread.kept(grad, name);
    }

    private static Object assertKept(String name) throws ReflectiveOperationException {
        Object tape = kept(name);
        assertNotNull(tape, name + " keeps the tape of the thread's last call");
        return tape;
    }

    private static double[] prepend(double first, double[] rest) {
        double[] out = new double[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static double[] uniform(Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1.8 * random.nextDouble() - 0.9;
        }
        return x;
    }
}
