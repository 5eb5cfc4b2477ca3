package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A loop whose double-tape entries are the elements of one array it overwrites, in index order,
 * stores them with one copy before it, and a reverse loop that restores them in index order and
 * reads nothing of that array gives them back with one copy after it: the generated text shows
 * which loops do, and the gradients match central finite differences and, bit for bit, those of
 * the same arithmetic taped an element at a time.
 */
class TapeSliceTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Sliced {
                /** Explicit midpoint steps: the stage and the state are overwritten whole each step. */
                @Differentiable(wrt = "x")
                static double midpoint(double[] x, int steps, double[] y) {
                    int n = x.length;
                    double h = 1.0 / steps;
                    double[] k = new double[n];
                    double[] stage = new double[n];
                    for (int i = 0; i < n; i++) {
                        y[i] = 0.5;
                    }
                    for (int step = 0; step < steps; step++) {
                        for (int i = 0; i < n; i++) {
                            k[i] = x[i] * y[(i + 1) % n];
                        }
                        for (int i = 0; i < n; i++) {
                            stage[i] = y[i] + h * k[i] / 2;
                        }
                        for (int i = 0; i < n; i++) {
                            k[i] = x[i] * Math.sin(stage[(i + 1) % n]);
                        }
                        for (int i = 0; i < n; i++) {
                            y[i] += h * k[i];
                        }
                    }
                    return y[n - 1] * y[0];
                }

                /** The same arithmetic, each loop with a continue it never takes: taped an element at a time. */
                @Differentiable(wrt = "x")
                static double midpointElementwise(double[] x, int steps, double[] y) {
                    int n = x.length;
                    double h = 1.0 / steps;
                    double[] k = new double[n];
                    double[] stage = new double[n];
                    for (int i = 0; i < n; i++) {
                        y[i] = 0.5;
                    }
                    for (int step = 0; step < steps; step++) {
                        for (int i = 0; i < n; i++) {
                            if (i < 0) {
                                continue;
                            }
                            k[i] = x[i] * y[(i + 1) % n];
                        }
                        for (int i = 0; i < n; i++) {
                            if (i < 0) {
                                continue;
                            }
                            stage[i] = y[i] + h * k[i] / 2;
                        }
                        for (int i = 0; i < n; i++) {
                            if (i < 0) {
                                continue;
                            }
                            k[i] = x[i] * Math.sin(stage[(i + 1) % n]);
                        }
                        for (int i = 0; i < n; i++) {
                            if (i < 0) {
                                continue;
                            }
                            y[i] += h * k[i];
                        }
                    }
                    return y[n - 1] * y[0];
                }

                /** The weights halve each round: their reversal has nothing to do but restore them. */
                @Differentiable(wrt = "x")
                static double halving(double[] x, int rounds) {
                    int n = x.length;
                    double[] t = new double[n];
                    for (int i = 0; i < n; i++) {
                        t[i] = i + 1.0;
                    }
                    double s = 0;
                    for (int r = 0; r < rounds; r++) {
                        for (int i = 0; i < n; i++) {
                            s += t[i] * x[i];
                        }
                        for (int i = 0; i < n; i++) {
                            t[i] = t[i] * 0.5;
                        }
                    }
                    return s;
                }

                /**
                 * A running product from a start: the forward loop stores its run in one copy, but its
                 * reversal reads the element before the one it restores, so it restores them one by one.
                 */
                @Differentiable(wrt = "x")
                static double running(double[] x, int from, int rounds) {
                    int n = x.length;
                    double[] a = new double[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = 1.0 + 0.1 * i;
                    }
                    for (int r = 0; r < rounds; r++) {
                        for (int i = from; i < n; i++) {
                            a[i] = a[i - 1] * x[i] + a[i];
                        }
                    }
                    return a[n - 1];
                }

                /** Runs from a start to an inclusive last index: the copies start there and count from it. */
                @Differentiable(wrt = "x")
                static double window(double[] x, int first, int last, int rounds) {
                    int n = x.length;
                    double[] a = new double[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = 0.5 + 0.1 * i;
                    }
                    double s = 0;
                    for (int r = 0; r < rounds; r++) {
                        for (int i = 0; i < n; i++) {
                            s += a[i] * x[i];
                        }
                        for (int i = first; i <= last; i++) {
                            a[i] = a[i] * 0.9 + x[i];
                        }
                    }
                    return s;
                }

                /** Loops that step by two, or may break out, keep an entry per iteration. */
                @Differentiable(wrt = "x")
                static double uneven(double[] x, int rounds, double limit) {
                    int n = x.length;
                    double[] a = new double[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = 0.5;
                    }
                    for (int r = 0; r < rounds; r++) {
                        for (int i = 0; i < n; i += 2) {
                            a[i] = Math.sin(a[i] * x[i]);
                        }
                        for (int i = 0; i < n; i++) {
                            a[i] = Math.cos(a[i] + x[i]);
                            if (a[i] > limit) {
                                break;
                            }
                        }
                    }
                    return a[0] + a[n - 1];
                }
            }
            """;

    private static GeneratedCode code;
    private static ArrayGradientCheck gradients;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Sliced", SOURCE);
        gradients = new ArrayGradientCheck(code, "p.Sliced");
    }

    @Test
    void overwrittenRunsGoOnTheTapeAndComeBackInOneCopyEach() {
        String pullback = pullback("midpoint");
        assertEquals(2, GeneratedCode.occurrences(pullback,
                "doubleTapeSize = pushSlice\\(doubleTape, doubleTapeSize, (stage|y), 0, \\(long\\) n\\);\n"
                        + "\\s*for \\(int i = 0; i < n; i\\+\\+\\) \\{"), pullback);
        assertEquals(2, GeneratedCode.occurrences(pullback,
                "\\}\n\\s*// The elements of (stage|y) the loop overwrote come back off the tape in one copy.\n"
                        + "\\s*doubleTapeSize = restoreSlice\\(doubleTape, doubleTapeSize, \\1, 0, \\(long\\) n\\);"),
                pullback);
        assertFalse(pullback.contains("doubleTape[doubleTapeSize++]"), pullback);
        assertFalse(pullback.contains("doubleTape[--doubleTapeSize]"), pullback);
        String elementwise = pullback("midpointElementwise");
        assertFalse(elementwise.contains("pushSlice("), elementwise);
    }

    @Test
    void slicedGradientsMatchCentralDifferencesAndTheElementwiseTapeBitForBit() {
        double[] x = {0.8, -0.4, 1.3, 0.6, -1.1};
        for (int steps : new int[] {1, 3, 12}) {
            gradients.check("midpoint", new Object[] {x, steps, new double[x.length]}, "x:0");
            double[] sliced = new double[x.length];
            double[] elementwise = new double[x.length];
            double value = (double) code.call("p.SlicedGrad", "midpoint", x, steps, new double[x.length], sliced);
            double same = (double) code.call("p.SlicedGrad", "midpointElementwise", x, steps, new double[x.length],
                    elementwise);
            assertEquals(same, value);
            assertArrayEquals(elementwise, sliced, "the same entries, stored and restored by copies");
        }
    }

    @Test
    void aReversalThatOnlyRestoresIsTheCopyAlone() {
        String pullback = pullback("halving");
        assertTrue(pullback.contains("doubleTapeSize = restoreSlice(doubleTape, doubleTapeSize, t, 0, (long) n);"),
                pullback);
        assertFalse(pullback.matches("(?s).*i--;\\s*}.*"), "no reverse loop is left with nothing to do: " + pullback);
        double[] x = {0.3, -0.9, 1.7, 0.2};
        for (int rounds : new int[] {0, 1, 4}) {
            gradients.check("halving", new Object[] {x, rounds}, "x:0");
        }
    }

    @Test
    void aReversalReadingTheArrayRestoresElementByElementAndEmptyRunsCopyNothing() {
        String pullback = pullback("running");
        assertTrue(pullback.contains("doubleTapeSize = pushSlice(doubleTape, doubleTapeSize, a, from, (long) n - from);"),
                pullback);
        assertFalse(pullback.contains("restoreSlice("), pullback);
        assertTrue(pullback.contains("a[i] = doubleTape[--doubleTapeSize];"), pullback);
        double[] x = {0.7, -0.5, 1.2, 0.9, -0.3};
        for (int from : new int[] {1, 3, 5, 9}) {
            gradients.check("running", new Object[] {x, from, 3}, "x:0");
        }
    }

    @Test
    void runsFromAStartToAnInclusiveLastCopyFromThereAndEmptyRunsCopyNothing() {
        String pullback = pullback("window");
        assertTrue(pullback.contains(
                "doubleTapeSize = pushSlice(doubleTape, doubleTapeSize, a, first, (long) last - first + 1);"), pullback);
        assertTrue(pullback.contains(
                "doubleTapeSize = restoreSlice(doubleTape, doubleTapeSize, a, first, (long) (last + 1) - first);"),
                pullback);
        double[] x = {0.6, -0.2, 1.4, 0.3, -0.8, 0.9};
        for (int[] range : new int[][] {{0, 5}, {2, 4}, {3, 3}, {4, 1}, {6, 2}}) {
            gradients.check("window", new Object[] {x, range[0], range[1], 3}, "x:0");
        }
    }

    @Test
    void loopsSteppingByTwoOrBreakingOutKeepAnEntryPerIteration() {
        String pullback = pullback("uneven");
        assertFalse(pullback.contains("pushSlice("), pullback);
        assertFalse(pullback.contains("restoreSlice("), pullback);
        double[] x = {0.4, 1.1, -0.6, 0.9, 0.2};
        for (double limit : new double[] {0.7, 2}) {
            gradients.check("uneven", new Object[] {x, 3, limit}, "x:0");
        }
    }

    private static String pullback(String method) {
        return code.pullbackSource("p.SlicedGrad", method);
    }
}
