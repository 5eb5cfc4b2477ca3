package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reversed loop holding both scalar sums and array updates runs as two loops, the sums first.
 * The generated text shows which loops split; gradients of split loops match central differences,
 * also when two names hold the same array and when the loop runs zero times or once.
 */
class ReverseLoopSplitTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Splits {
                /** The batched MLP kernel's inner loop: four weights, four input rows. */
                @Differentiable
                static double four(double[] z, double[] a0, double[] a1, double[] a2, double[] a3,
                        double w0, double w1, double w2, double w3) {
                    int n = z.length;
                    for (int s = 0; s < n; s++) {
                        z[s] += w0 * a0[s] + w1 * a1[s] + w2 * a2[s] + w3 * a3[s];
                    }
                    return squares(z);
                }

                @Differentiable
                static double axpy(double alpha, double[] x, double[] y) {
                    for (int i = 0; i < x.length; i++) {
                        y[i] += alpha * x[i];
                    }
                    double loss = 0;
                    for (int i = 0; i < y.length; i++) {
                        loss += Math.sin(y[i]);
                    }
                    return loss;
                }

                @Differentiable
                static double scaledDot(double scale, double[] u, double[] v) {
                    double d = 0;
                    for (int i = 0; i < u.length; i++) {
                        d += scale * u[i] * v[i];
                    }
                    return d * d;
                }

                /**
                 * c . (transpose(m) x), a row of m and an element of x per step of the outer loop; the
                 * loss is linear in y, so no value of y is kept.
                 */
                @Differentiable(wrt = {"m", "x"})
                static double transposedProduct(double[][] m, double[] x, double[] c) {
                    int columns = m[0].length;
                    double[] y = new double[columns];
                    for (int i = 0; i < m.length; i++) {
                        double xi = x[i];
                        for (int j = 0; j < columns; j++) {
                            y[j] += m[i][j] * xi;
                        }
                    }
                    double loss = 0;
                    for (int j = 0; j < columns; j++) {
                        loss += c[j] * y[j];
                    }
                    return loss;
                }

                /** Row i moves by w times row j; rows i and j may be the same row. */
                @Differentiable
                static double rows(double[][] m, int i, int j, double w) {
                    double[] target = m[i];
                    double[] source = m[j];
                    for (int s = 0; s < target.length; s++) {
                        target[s] += w * source[s];
                    }
                    return squares(m[0]) + squares(m[1]);
                }

                /** A row read and written in one statement. */
                @Differentiable
                static double selfScaled(double[] z, double w) {
                    for (int s = 0; s < z.length; s++) {
                        z[s] += w * z[s];
                    }
                    return squares(z);
                }

                @Differentiable
                static double shifted(double[] x, double[] y, double w) {
                    for (int s = 0; s + 1 < x.length; s++) {
                        y[s] += w * x[s + 1];
                    }
                    return squares(y);
                }

                /**
                 * The sum reads y's adjoint one place on, which the previous iteration of the
                 * reversal added to: split, the sum would miss it.
                 */
                @Differentiable(wrt = {"y", "c", "w"})
                static double carried(double[] y, double[] z, double[] c, double w, double v) {
                    for (int s = 0; s + 1 < y.length; s++) {
                        z[s] += v * y[s];
                        y[s + 1] += w * c[s];
                    }
                    return squares(z) + squares(y);
                }

                /**
                 * The sum's temporary reads a's adjoint after the reversal of b's statement added to
                 * it: split, the sum would miss it.
                 */
                @Differentiable(wrt = {"a", "c", "w"})
                static double chained(double[] a, double[] b, double[] c, double w, double v) {
                    for (int s = 0; s < c.length; s++) {
                        a[s] += w * c[s];
                        b[s] += v * a[s];
                    }
                    return squares(b);
                }

                @Differentiable
                static double gathered(double[] x, double[] y, int[] idx, double w) {
                    for (int s = 0; s < y.length; s++) {
                        y[s] += w * x[idx[s]];
                    }
                    return squares(y);
                }

                @Differentiable
                static double branched(double[] x, double[] y, double w) {
                    for (int s = 0; s < y.length; s++) {
                        if (x[s] > 0) {
                            y[s] += w * x[s];
                        }
                    }
                    return squares(y);
                }

                @Differentiable
                static double taped(double[] x, double[] y, double w) {
                    for (int s = 0; s < y.length; s++) {
                        y[s] += Math.tanh(w * x[s]);
                    }
                    return squares(y);
                }

                @Differentiable
                static double called(double[] x, double[] y, double w) {
                    for (int s = 0; s < y.length; s++) {
                        y[s] += w * cube(x[s]);
                    }
                    return squares(y);
                }

                @Differentiable(wrt = "w")
                static double onlySums(double[] c, double w) {
                    double d = 0;
                    for (int s = 0; s < c.length; s++) {
                        d += w * c[s];
                    }
                    return d * d;
                }

                @Differentiable
                static double onlyUpdates(double[] u, double[] v) {
                    double d = 0;
                    for (int s = 0; s < u.length; s++) {
                        d += u[s] * v[s];
                    }
                    return d * d;
                }

                @Differentiable
                static double cube(double x) {
                    return x * x * x;
                }

                @Differentiable
                static double squares(double[] z) {
                    double loss = 0;
                    for (int s = 0; s < z.length; s++) {
                        loss += z[s] * z[s];
                    }
                    return loss;
                }
            }
            """;

    private static final String SPLIT = "// Reversed in two loops: the sums keep their order, the array updates vectorise.";

    private static GeneratedCode code;
    private static ArrayGradientCheck gradients;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Splits", SOURCE);
        gradients = new ArrayGradientCheck(code, "p.Splits");
    }

    @Test
    void theFourInputKernelRunsItsSumsThenItsUpdates() {
        String pullback = pullback("four");
        Matcher split = Pattern.compile(Pattern.quote(SPLIT) + "\\n\\s*for \\((int s = n; s > 0; )\\) \\{\\n\\s*s--;\\n"
                + "([^}]*)\\}\\n\\s*for \\((.*)\\) \\{\\n\\s*s--;\\n([^}]*)\\}").matcher(pullback);
        assertTrue(split.find(), pullback);
        assertEquals(split.group(1), split.group(3), "both loops have the original header and step the index first");
        String sums = split.group(2);
        String updates = split.group(4);
        for (int k = 0; k < 4; k++) {
            assertTrue(Pattern.compile("dW" + k + " \\+= dZS \\* a" + k + "\\[s\\];").matcher(sums).find(), sums);
            assertTrue(Pattern.compile("dA" + k + "\\[s\\] \\+= dZS \\* w" + k + ";").matcher(updates).find(),
                    updates);
        }
        assertEquals(0, GeneratedCode.occurrences(sums, "dA\\d\\["), "no update among the sums: " + sums);
        assertEquals(0, GeneratedCode.occurrences(updates, "dW\\d"), "no sum among the updates: " + updates);
        assertTrue(sums.indexOf("dW0") < sums.indexOf("dW1") && sums.indexOf("dW2") < sums.indexOf("dW3"), sums);
        assertTrue(updates.indexOf("dA0") < updates.indexOf("dA1") && updates.indexOf("dA2") < updates.indexOf("dA3"),
                updates);
        assertTrue(updates.matches("(?s)\\s*// line \\d+: .*\\n\\s*double dZS = dZ\\d*\\[s\\];.*"),
                "the incoming adjoint is read again, into a local of the second loop: " + updates);
    }

    @Test
    void bothLoopsStayUnderTheZeroAdjointGuard() {
        String pullback = pullback("scaledDot");
        Matcher guarded = Pattern.compile("if \\(dD != 0\\.0\\) \\{\\n\\s*" + Pattern.quote(SPLIT)
                + "\\n\\s*for \\(([^)]*)\\) \\{\\n([^}]*)\\}\\n\\s*for \\(\\1\\) \\{\\n([^}]*)\\}\\n\\s*\\}")
                .matcher(pullback);
        assertTrue(guarded.find(), pullback);
        assertTrue(guarded.group(2).contains("dScale += "), pullback);
        assertTrue(guarded.group(3).contains("dU[i] += ") && guarded.group(3).contains("dV[i] += "), pullback);
    }

    @Test
    void splitLoopsGiveFiniteDifferenceGradients() {
        double[] z = RandomArrays.vector(1, 5);
        Object[] four = {z, RandomArrays.vector(2, 5), RandomArrays.vector(3, 5), RandomArrays.vector(4, 5),
            RandomArrays.vector(5, 5), 0.7, -1.3, 0.4, 2.1};
        gradients.check("four", four, "z:0", "a0:1", "a1:2", "a2:3", "a3:4", "w0:5", "w1:6", "w2:7", "w3:8");
        gradients.check("axpy", new Object[] {-0.8, RandomArrays.vector(6, 7), RandomArrays.vector(7, 7)},
                "alpha:0", "x:1", "y:2");
        gradients.check("scaledDot", new Object[] {1.7, RandomArrays.vector(8, 6), RandomArrays.vector(9, 6)},
                "scale:0", "u:1", "v:2");
        gradients.check("transposedProduct", new Object[] {RandomArrays.matrix(10, 3, 4), RandomArrays.vector(11, 3),
            RandomArrays.vector(24, 4)}, "m:0", "x:1");
        for (String method : new String[] {"four", "axpy", "scaledDot", "transposedProduct"}) {
            assertEquals(1, GeneratedCode.occurrences(pullback(method), Pattern.quote(SPLIT)), pullback(method));
        }
    }

    @Test
    void splitLoopsRunningZeroTimesOrOnceGiveFiniteDifferenceGradients() {
        for (int n = 0; n <= 1; n++) {
            Object[] four = {RandomArrays.vector(12, n), RandomArrays.vector(13, n), RandomArrays.vector(14, n),
                RandomArrays.vector(15, n), RandomArrays.vector(16, n), 0.7, -1.3, 0.4, 2.1};
            gradients.check("four", four, "z:0", "a0:1", "a1:2", "a2:3", "a3:4", "w0:5", "w1:6", "w2:7", "w3:8");
            gradients.check("axpy", new Object[] {-0.8, RandomArrays.vector(17, n), RandomArrays.vector(18, n)},
                    "alpha:0", "x:1", "y:2");
        }
    }

    /**
     * axpy(alpha, v, a copy of v) with one storage array for both adjoints: the split loop writes
     * dX while its temporaries read y's adjoint, both dV. (axpy writes into y, so the generated
     * code rejects v itself for both, see AliasedArgumentsTest.)
     */
    @Test
    void oneStorageArrayForTwoAdjointsGetsTheSumOfTheirPartials() {
        double alpha = 0.6;
        double[] v = RandomArrays.vector(19, 5);
        double[] gradient = new double[1];
        double[] dV = new double[v.length];
        double value = (double) code.call("p.SplitsGrad", "axpy", alpha, v, v.clone(), gradient, dV, dV);
        assertEquals(axpyOfACopy(alpha, v), value);
        for (int k = 0; k < v.length; k++) {
            int at = k;
            FiniteDifferences.assertPartial("d/dv[" + k + "]", dV[k], x -> axpyOfACopy(alpha, x), v, at);
        }
        FiniteDifferences.assertPartial("d/dalpha", gradient[0], x -> axpyOfACopy(x[0], v), new double[] {alpha}, 0);
    }

    /**
     * Rows of one matrix, or one array read and written, share storage: each element the loop
     * overwrites is restored from the tape in its reversal, which therefore stays one loop.
     */
    @Test
    void rowsThatAreTheSameRowOrWrittenFromThemselvesGiveFiniteDifferenceGradients() {
        for (int j = 0; j <= 1; j++) {
            gradients.check("rows", new Object[] {RandomArrays.matrix(20, 2, 4), 0, j, 0.9}, "m:0", "w:3");
        }
        gradients.check("selfScaled", new Object[] {RandomArrays.vector(21, 4), -0.4}, "z:0", "w:1");
        for (String method : new String[] {"rows", "selfScaled"}) {
            String pullback = pullback(method);
            assertTrue(pullback.contains("= doubleTape[--doubleTapeSize];"), pullback);
            assertEquals(0, GeneratedCode.occurrences(pullback, Pattern.quote(SPLIT)), pullback);
        }
    }

    @Test
    void loopsOutsideTheRuleKeepOneReversal() {
        double[] x = RandomArrays.vector(22, 5);
        double[] y = RandomArrays.vector(23, 5);
        gradients.check("shifted", new Object[] {x, y, 0.3}, "x:0", "y:1", "w:2");
        double[] c = RandomArrays.vector(25, 5);
        gradients.check("carried", new Object[] {x, y, c, 0.3, -1.1}, "y:0", "c:2", "w:3");
        gradients.check("chained", new Object[] {x, y, c, 0.3, -1.1}, "a:0", "c:2", "w:3");
        gradients.check("gathered", new Object[] {x, y, new int[] {4, 0, 0, 2, 3}, 0.3}, "x:0", "y:1", "w:3");
        gradients.check("branched", new Object[] {x, y, 0.3}, "x:0", "y:1", "w:2");
        gradients.check("taped", new Object[] {x, y, 0.3}, "x:0", "y:1", "w:2");
        gradients.check("called", new Object[] {x, y, 0.3}, "x:0", "y:1", "w:2");
        gradients.check("onlySums", new Object[] {x, 0.3}, "w:1");
        gradients.check("onlyUpdates", new Object[] {x, y}, "u:0", "v:1");
        for (String method : new String[] {"shifted", "carried", "chained", "gathered", "branched", "taped", "called", "onlySums",
            "onlyUpdates"}) {
            String pullback = pullback(method);
            assertEquals(0, GeneratedCode.occurrences(pullback, Pattern.quote(SPLIT)), pullback);
            assertTrue(pullback.contains("for (int s = "), "the loop is reversed: " + pullback);
        }
    }

    private static String pullback(String method) {
        return code.pullbackSource("p.SplitsGrad", method);
    }

    /** {@code axpy(alpha, v, v.clone())} computed directly. */
    private static double axpyOfACopy(double alpha, double[] v) {
        double loss = 0;
        for (double e : v) {
            loss += Math.sin(e + alpha * e);
        }
        return loss;
    }
}
