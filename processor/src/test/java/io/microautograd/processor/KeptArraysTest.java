package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Arrays a method allocates, and their adjoints, are kept per thread between calls: which ones
 * are, and that reusing them never changes a result, whatever the shapes, the threads, the
 * nesting of calls, or a method relying on a new array's zeros.
 */
class KeptArraysTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;
            import java.util.Arrays;

            class Kept {
                /** A vector and a matrix, shaped by the call, written before they are read. */
                @Differentiable(wrt = "x")
                static double layer(double[] x, int rows, int columns) {
                    double[] h = new double[rows];
                    double[][] m = new double[rows][columns];
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < columns; j++) {
                            m[i][j] = Math.sin(x[(i * columns + j) % x.length] * (i + 1));
                        }
                    }
                    for (int i = 0; i < rows; i++) {
                        double s = 0;
                        for (int j = 0; j < columns; j++) {
                            s += m[i][j] * x[j % x.length];
                        }
                        h[i] = Math.tanh(s);
                    }
                    double out = 0;
                    for (int i = 0; i < rows; i++) {
                        out += h[i] * h[i];
                    }
                    return out;
                }

                /** Adds into its arrays before anything else writes them: relies on their zeros. */
                @Differentiable(wrt = "x")
                static double accumulated(double[] x, int bins, int columns) {
                    double[] sums = new double[bins];
                    double[][] grid = new double[bins][columns];
                    for (int i = 0; i < x.length; i++) {
                        sums[i % bins] += x[i] * x[i];
                        grid[i % bins][i % columns] += Math.exp(0.5 * x[i]);
                    }
                    double s = 0;
                    for (int b = 0; b < bins; b++) {
                        s += sums[b] * sums[b];
                        for (int c = 0; c < columns; c++) {
                            s += grid[b][c] * grid[b][c];
                        }
                    }
                    return s;
                }

                /** Keeps its own arrays and calls {@code accumulated}, which keeps its own. */
                @Differentiable(wrt = "x")
                static double caller(double[] x, int n) {
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        y[i] = x[i % x.length] * (1 + i);
                    }
                    double inner = accumulated(x, n, 2);
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += Math.sin(y[i]) * inner;
                    }
                    return s + accumulated(x, n + 1, 3);
                }

                /** Runs its own gradient again, through plain code, while its array is half written. */
                @Differentiable(wrt = "x")
                static double reentrant(double[] x, int depth) {
                    double[] h = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        h[i] = Math.cos(x[i]);
                    }
                    double s = 0.01 * nestedValue(x.length, depth);
                    for (int i = 0; i < x.length; i++) {
                        s += h[i] * x[(i + 1) % x.length];
                    }
                    return s;
                }

                static double nestedValue(int n, int depth) {
                    double[] probe = new double[n];
                    Arrays.fill(probe, 0.4 + depth);
                    return depth == 0 ? 0 : KeptGrad.reentrant(probe, depth - 1).value();
                }

                /** Returns before its allocation on some calls, which then have no array to keep. */
                @Differentiable(wrt = "x")
                static double early(double[] x, int n) {
                    if (x[0] > 0.5) {
                        return x[0] * x[1];
                    }
                    double[] h = new double[n];
                    for (int i = 0; i < n; i++) {
                        h[i] += x[i % x.length] * x[(i + 1) % x.length];
                    }
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += h[i] * h[i];
                    }
                    return s;
                }

                /**
                 * Arrays allocated as before, all but {@code squared}, which is kept. (The parser rejects
                 * the other arrays that could not be: allocated in a loop, assigned again, or given a row.)
                 */
                @Differentiable(wrt = "x")
                static double notKept(double[] x, int n) {
                    double[] literal = {x[0], 2 * x[1]};
                    double[][] ragged = new double[n][];
                    double[] passedOn = new double[n];
                    double[] handedOn = new double[n];
                    double[] relayed = new double[n];
                    double[] squared = new double[n];
                    for (int i = 0; i < n; i++) {
                        passedOn[i] = i * 0.5;
                        handedOn[i] = i * 0.25;
                        relayed[i] = i * 0.125;
                        squared[i] = x[i % x.length] * x[i % x.length];
                    }
                    return literal[0] * literal[1] + ragged.length + plain(passedOn) + handsOn(x, handedOn)
                            + relay(x, relayed) + square(squared);
                }

                /** With {@code aB}, a method and an array whose names join as another pair's do. */
                @Differentiable
                static double a(double[] x) {
                    double[] bC = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        bC[i] = x[i] * x[i];
                    }
                    return bC[0] + aB(x);
                }

                @Differentiable
                static double aB(double[] x) {
                    double[] c = new double[x.length + 1];
                    for (int i = 0; i < x.length; i++) {
                        c[i + 1] = Math.sin(x[i]);
                    }
                    return c[x.length] * c[1];
                }

                static double plain(double[] v) {
                    return v[v.length - 1];
                }

                /** Passes an array to a plain method, which could hold on to it. */
                @Differentiable(wrt = "x")
                static double handsOn(double[] x, double[] constants) {
                    return x[0] * plain(constants);
                }

                /** Passes an array to a method that passes it to a plain method. */
                @Differentiable(wrt = "x")
                static double relay(double[] x, double[] constants) {
                    return handsOn(x, constants) * x[1];
                }

                @Differentiable
                static double square(double[] v) {
                    double s = 0;
                    for (int i = 0; i < v.length; i++) {
                        s += v[i] * v[i];
                    }
                    return s;
                }
            }
            """;

    private static GeneratedCode code;
    private static Class<?> grad;

    @BeforeAll
    static void compile() throws ClassNotFoundException {
        code = GeneratedCode.compile("p.Kept", SOURCE);
        grad = code.loader().loadClass("p.KeptGrad");
    }

    @Test
    void aVectorAndAMatrixAndTheirAdjointsAreKept() {
        String layer = code.pullbackSource("p.KeptGrad", "layer");
        assertTrue(layer.contains("double[] h = takeVector(layerHArray, rows);"), layer);
        assertTrue(layer.contains("double[] dH = takeVector(layerDHArray, rows);"), layer);
        assertTrue(layer.contains("double[][] m = takeMatrix(layerMArray, rows, columns);"), layer);
        assertTrue(layer.contains("double[][] dM = takeMatrix(layerDMArray, rows, columns);"), layer);
        assertFalse(layer.contains("new double["), "no array of layer is allocated as before:\n" + layer);
        for (String array : List.of("h", "dH", "m", "dM")) {
            String field = "layer" + Character.toUpperCase(array.charAt(0)) + array.substring(1) + "Array";
            assertTrue(layer.contains("keep(" + field + ", " + array + ");"), field + " is given back:\n" + layer);
        }
    }

    @Test
    void arraysThatMayBeSeenAfterTheCallAreAllocatedAsBeforeOthersAreKept() throws Exception {
        String notKept = code.pullbackSource("p.KeptGrad", "notKept");
        assertTrue(notKept.contains("new double[] {x[0], 2 * x[1]}"), "an initializer:\n" + notKept);
        assertTrue(notKept.contains("new double[n][]"), "a matrix without row length:\n" + notKept);
        assertTrue(notKept.contains("passedOn = new double[n]"), "an array passed to a plain method:\n" + notKept);
        assertTrue(notKept.contains("handedOn = new double[n]"),
                "an array passed to a @Differentiable method that passes arrays to a plain one:\n" + notKept);
        assertTrue(notKept.contains("relayed = new double[n]"),
                "an array passed to a @Differentiable method that passes arrays to one that does:\n" + notKept);
        assertTrue(notKept.contains("double[] squared = takeVector(notKeptSquaredArray, n);"),
                "an array passed to a @Differentiable method that passes no array on is kept:\n" + notKept);
        for (Field field : grad.getDeclaredFields()) {
            String name = field.getName();
            assertTrue(!name.startsWith("notKept") || name.startsWith("notKeptSquared")
                    || name.startsWith("notKeptDSquared"), "only squared and its adjoint are kept: " + field);
        }
        new ArrayGradientCheck(code, "p.Kept").check("notKept", new Object[] {RandomArrays.vector(4, 3), 4}, "x:0");
    }

    @Test
    void methodsWhoseArraysJoinToTheSameNameKeepThemInFieldsOfTheirOwn() throws Exception {
        assertTrue(code.pullbackSource("p.KeptGrad", "a").contains("double[] bC = takeVector(aBCArray, x.length);"));
        assertTrue(code.pullbackSource("p.KeptGrad", "aB")
                .contains("double[] c = takeVector(aBCArray2, x.length + 1);"));
        onNewThread(check -> {
            for (int n : new int[] {3, 3, 4, 3}) {
                check.check("a", new Object[] {RandomArrays.vector(n, n)}, "x:0");
                assertEquals(n, ((double[]) kept("aBCArray")).length, "a keeps its own array");
                assertEquals(n + 1, ((double[]) kept("aBCArray2")).length, "aB keeps its own array");
            }
        });
    }

    @Test
    void laterCallsOnTheSameThreadGiveTheFirstCallsGradients() throws Exception {
        onNewThread(check -> {
            double[] x = RandomArrays.vector(1, 7);
            Object[] layer = {x, 5, 4};
            Object[] accumulated = {x, 3, 4};
            check.check("layer", layer, "x:0");
            check.check("accumulated", accumulated, "x:0");
            double[] firstLayer = gradient("layer", layer);
            double[] firstAccumulated = gradient("accumulated", accumulated);
            for (int call = 0; call < 5; call++) {
                assertArrayEquals(firstLayer, gradient("layer", layer), "layer, call " + call);
                assertArrayEquals(firstAccumulated, gradient("accumulated", accumulated), "accumulated, call " + call);
            }
            check.check("layer", layer, "x:0");
            check.check("accumulated", accumulated, "x:0");
        });
    }

    @Test
    void shapesChangingBetweenCallsGiveFreshResults() throws Exception {
        onNewThread(check -> {
            double[] x = RandomArrays.vector(2, 6);
            int[][] shapes = {{3, 4}, {6, 4}, {2, 4}, {2, 7}, {2, 1}, {3, 4}, {0, 3}, {3, 4}};
            for (int[] shape : shapes) {
                // accumulated divides by its number of rows
                for (String method : shape[0] == 0 ? List.of("layer") : List.of("layer", "accumulated")) {
                    Object[] arguments = {x, shape[0], shape[1]};
                    check.check(method, arguments, "x:0");
                    assertArrayEquals(PerThread.onNewThread(() -> gradient(method, arguments)),
                            gradient(method, arguments), method + " " + Arrays.toString(shape));
                }
            }
        });
    }

    @Test
    void aCallReusesTheKeptArraysOfTheSameShapeOnly() throws Exception {
        onNewThread(check -> {
            double[] x = RandomArrays.vector(3, 5);
            gradient("layer", new Object[] {x, 4, 3});
            List<Object> kept = new ArrayList<>();
            for (String field : List.of("layerHArray", "layerDHArray", "layerMArray", "layerDMArray")) {
                Object array = kept(field);
                assertNotNull(array, field + " keeps the array of the thread's last call");
                kept.add(array);
            }
            gradient("layer", new Object[] {x, 4, 3});
            assertSame(kept.get(0), kept("layerHArray"), "a call of the same shape reuses the vector");
            assertSame(kept.get(1), kept("layerDHArray"), "and its adjoint");
            assertSame(kept.get(2), kept("layerMArray"), "and the matrix");
            assertSame(kept.get(3), kept("layerDMArray"), "and its adjoint");
            gradient("layer", new Object[] {x, 4, 5});
            assertSame(kept.get(0), kept("layerHArray"), "a vector of the same length is reused");
            double[][] wider = (double[][]) kept("layerMArray");
            assertNotSame(kept.get(2), wider, "a matrix with longer rows is not");
            assertEquals(5, wider[0].length, "the call keeps its own matrix instead");
            gradient("layer", new Object[] {x, 2, 5});
            assertNotSame(kept.get(0), kept("layerHArray"), "a shorter vector is not reused");
            assertEquals(2, ((double[]) kept("layerHArray")).length, "the call keeps its own vector instead");
        });
    }

    @Test
    void aCallThatReturnsBeforeItsAllocationKeepsNoneAndLaterCallsAreRight() throws Exception {
        onNewThread(check -> {
            double[] allocates = {0.1, -0.4, 0.7};
            double[] leavesEarly = {0.9, -0.4, 0.7};
            check.check("early", new Object[] {allocates, 5}, "x:0");
            assertNotNull(kept("earlyHArray"), "a call that allocated keeps its array");
            check.check("early", new Object[] {leavesEarly, 5}, "x:0");
            assertNull(kept("earlyHArray"), "a call that left before allocating keeps none");
            check.check("early", new Object[] {allocates, 5}, "x:0");
            check.check("early", new Object[] {allocates, 5}, "x:0");
        });
    }

    @Test
    void aMethodAndTheDifferentiableMethodItCallsEachKeepTheirOwn() throws Exception {
        onNewThread(check -> {
            double[] x = RandomArrays.vector(5, 4);
            String caller = code.pullbackSource("p.KeptGrad", "caller");
            assertTrue(caller.contains("double[] y = takeVector(callerYArray, n);"), caller);
            for (int n : new int[] {3, 3, 5, 2, 3}) {
                check.check("caller", new Object[] {x, n}, "x:0");
                assertNotNull(kept("callerYArray"), "the caller keeps its array");
                assertNotNull(kept("accumulatedGridArray"), "the callee keeps its own");
            }
        });
    }

    @Test
    void aCallReenteringTheSameGradientGetsArraysOfItsOwn() {
        ArrayGradientCheck check = new ArrayGradientCheck(code, "p.Kept");
        for (int depth : new int[] {0, 1, 1, 2, 1}) {
            check.check("reentrant", new Object[] {RandomArrays.vector(depth, 9), depth}, "x:0");
        }
    }

    @Test
    void threadsCallingAtOnceGetSingleThreadedResults() throws Exception {
        double[] x = RandomArrays.vector(6, 8);
        Object[] large = {x, 9, 7};
        Object[] small = {x, 3, 2};
        double[] expectedLarge = PerThread.onNewThread(() -> gradient("accumulated", large));
        double[] expectedSmall = PerThread.onNewThread(() -> gradient("accumulated", small));
        CyclicBarrier start = new CyclicBarrier(3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = List.of(
                    pool.submit(repeatedly(start, large, expectedLarge)),
                    pool.submit(repeatedly(start, small, expectedSmall)),
                    pool.submit(alternately(start, large, expectedLarge, small, expectedSmall)));
            for (Future<Integer> run : runs) {
                assertEquals(200, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Calls {@code accumulated} 200 times once all threads are ready, requiring {@code expected} exactly. */
    private static Callable<Integer> repeatedly(CyclicBarrier start, Object[] arguments, double[] expected) {
        return alternately(start, arguments, expected, arguments, expected);
    }

    /** Calls {@code accumulated} 200 times with each set of arguments in turn, requiring its result exactly. */
    private static Callable<Integer> alternately(CyclicBarrier start, Object[] a, double[] expectedA, Object[] b,
            double[] expectedB) {
        return () -> {
            start.await();
            int calls = 0;
            for (; calls < 200; calls++) {
                boolean even = calls % 2 == 0;
                assertArrayEquals(even ? expectedA : expectedB, gradient("accumulated", even ? a : b),
                        "call " + calls);
            }
            return calls;
        };
    }

    /** The value, then the partials with respect to {@code x}, of the generated method. */
    private static double[] gradient(String method, Object[] arguments) {
        double[] x = (double[]) arguments[0];
        Object result = code.call("p.KeptGrad", method, ArrayGradientCheck.copy(arguments));
        double[] partials = (double[]) GeneratedCode.component(result, "x");
        double[] out = new double[x.length + 1];
        out[0] = (double) GeneratedCode.component(result, "value");
        System.arraycopy(partials, 0, out, 1, partials.length);
        return out;
    }

    /** What the calling thread keeps in the generated field {@code name}. */
    private static Object kept(String name) throws ReflectiveOperationException {
        return PerThread.kept(grad, name);
    }

    /** A test that checks gradients on a thread of its own, so that no other test's call has left arrays on it. */
    private interface OnNewThread {
        void run(ArrayGradientCheck check) throws Exception;
    }

    private static void onNewThread(OnNewThread test) throws Exception {
        PerThread.onNewThread(() -> {
            test.run(new ArrayGradientCheck(code, "p.Kept"));
            return null;
        });
    }
}
