package io.microautograd.processor;

import static io.microautograd.processor.PerThread.onNewThread;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a thread keeps after a call: each tape or array up to the bound (1 MiB unless the system
 * property {@code microautograd.keptBytes} says otherwise, which {@link CheckpointMemoryTest}
 * checks in a JVM of its own), nothing larger, and nothing at all once it calls the generated
 * class's {@code releaseKeptMemory}.
 */
class KeptMemoryTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Kept {
                /** Tapes two doubles and keeps an array of n doubles and its adjoint. */
                @Differentiable(wrt = "x")
                static double smooth(double[] x, int n) {
                    double[] h = new double[n];
                    double s = 0.2;
                    for (int i = 0; i < n; i++) {
                        s = Math.sin(s + x[i % x.length]);
                        h[i] = s * s;
                    }
                    return s + h[n / 2];
                }

                /** Keeps the alias checks' scratch array of a matrix it writes into. */
                @Differentiable
                static double rows(double[][] m) {
                    m[0][0] = m[0][0] * m[m.length - 1][0];
                    return m[0][0];
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

    /**
     * 150,000 iterations tape 1.2 MB and allocate arrays of 1.2 MB: all are let go when the call
     * returns. 1,000 iterations keep theirs and the next call reuses them, and a large call after it
     * leaves the thread holding them, not its own.
     */
    @Test
    void aLargeCallsTapeAndArraysAreLetGoAndSmallerOnesAreKeptAndReused() throws Exception {
        double[] x = {0.3, -0.2, 0.7};
        onNewThread(() -> {
            double[] large = smooth(x, 150_000);
            assertTrue(kept("smoothDoubleTape") == null, "a tape over 1 MiB is let go when the call returns");
            assertTrue(kept("smoothHArray") == null, "and so is an array over 1 MiB");
            double[] small = smooth(x, 1_000);
            Object tape = kept("smoothDoubleTape");
            Object array = kept("smoothHArray");
            assertTrue(tape != null && array != null, "a tape and an array under the bound are kept");
            assertArrayEquals(small, smooth(x, 1_000), "the next call, on them, gives the same gradient");
            assertSame(tape, kept("smoothDoubleTape"), "the next call reused the kept tape");
            assertSame(array, kept("smoothHArray"), "and the kept array");
            assertArrayEquals(large, smooth(x, 150_000), "a large call, on a new tape and new arrays");
            assertSame(tape, kept("smoothDoubleTape"), "which it let go, leaving the thread the smaller tape");
            assertSame(array, kept("smoothHArray"), "and array");
            return null;
        });
    }

    @Test
    void releaseKeptMemoryLetsGoOfEverythingTheThreadKeeps() throws Exception {
        List<String> fields = List.of("smoothDoubleTape", "smoothHArray", "smoothDHArray", "rowTable");
        double[] x = {0.3, -0.2, 0.7};
        onNewThread(() -> {
            smooth(x, 500);
            code.call("p.KeptGrad", "rows", (Object) new double[][] {{1.5}, {2.0}});
            for (String field : fields) {
                assertNotNull(kept(field), field + " is kept after the calls");
            }
            Object[] others = onNewThread(() -> {
                smooth(x, 500);
                return new Object[] {kept("smoothDoubleTape"), kept("smoothHArray")};
            });
            Method release = grad.getDeclaredMethod("releaseKeptMemory");
            release.setAccessible(true);
            release.invoke(null);
            for (String field : fields) {
                assertTrue(kept(field) == null, field + " is let go");
            }
            assertNotNull(others[0], "another thread's tape is its own");
            double[] again = smooth(x, 500);
            assertArrayEquals(again, smooth(x, 500), "calls after the release work as before");
            return null;
        });
    }

    /** The value, then the partials, of the generated {@code smooth}. */
    private static double[] smooth(double[] x, int n) throws ReflectiveOperationException {
        double[] dX = new double[x.length];
        Method method = grad.getDeclaredMethod("smooth", double[].class, int.class, double[].class);
        method.setAccessible(true);
        double value = (double) method.invoke(null, x, n, dX);
        double[] out = new double[x.length + 1];
        out[0] = value;
        System.arraycopy(dX, 0, out, 1, x.length);
        return out;
    }

    private static Object kept(String field) throws ReflectiveOperationException {
        return PerThread.kept(grad, field);
    }
}
