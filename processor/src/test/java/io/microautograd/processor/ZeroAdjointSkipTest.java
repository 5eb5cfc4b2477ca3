package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reverse sweep skips a loop when every adjoint coming into it is zero. Gradients match
 * central differences at points where the guards skip and where they run; the generated text
 * has the guard over the loops that only propagate adjoints and none over a loop reading an array
 * adjoint, popping a tape, moving a counter back or calling another pullback.
 */
class ZeroAdjointSkipTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Skips {
                /** One relu hidden layer and a hinge loss over flat parameters, each unit's bias after its weights. */
                @Differentiable(wrt = "params")
                static double mlp(double[] params, double[] x, int hidden) {
                    double[] h = new double[hidden];
                    for (int j = 0; j < hidden; j++) {
                        int first = j * (x.length + 1);
                        double z = params[first + x.length];
                        for (int i = 0; i < x.length; i++) {
                            z += params[first + i] * x[i];
                        }
                        h[j] = z > 0 ? z : 0;
                    }
                    int last = hidden * (x.length + 1);
                    double out = params[last + hidden];
                    for (int k = 0; k < hidden; k++) {
                        out += params[last + k] * h[k];
                    }
                    double margin = 1 - out;
                    return margin > 0 ? margin : 0;
                }

                /** Two accumulators in one loop: its reversal runs when either relu is on. */
                @Differentiable
                static double twoRelus(double[] a, double[] x, double[] y) {
                    double s = 0;
                    double t = 0;
                    for (int i = 0; i < a.length; i++) {
                        s += a[i] * x[i];
                        t += a[i] * y[i];
                    }
                    return (s > 0 ? s : 0) + (t > 0 ? 2 * t : 0);
                }

                /** Nested loops that both only propagate, one local recomputed per iteration. */
                @Differentiable
                static double rows(double[][] m, double[] x) {
                    double s = 0;
                    for (int r = 0; r < m.length; r++) {
                        for (int c = 0; c < x.length; c++) {
                            double p = m[r][c] * x[c];
                            s += p * p;
                        }
                    }
                    return s > 1 ? s - 1 : 0;
                }

                /** A loop stepping by two, which the reverse sweep runs by its recorded trip count. */
                @Differentiable
                static double pairs(double[] a) {
                    double s = 0;
                    for (int i = 0; i + 1 < a.length; i += 2) {
                        s += a[i] * a[i + 1];
                    }
                    return s > 0 ? s : 0;
                }

                /** The first loop's reversal reads the adjoints of b's elements besides a scalar's. */
                @Differentiable
                static double doubled(double[] a, double[] b) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                        s += a[i];
                        b[i] += 2 * a[i];
                    }
                    double q = 0;
                    for (int k = 0; k < b.length; k++) {
                        q += b[k] * b[k];
                    }
                    return (s > 0 ? s : 0) + q;
                }

                /** The reversal restores each overwritten product from the tape. */
                @Differentiable
                static double product(double[] a) {
                    double p = 1;
                    for (int i = 0; i < a.length; i++) {
                        p = p * a[i];
                    }
                    return p > 0 ? p : 0;
                }

                /** The reversal moves idx back, a variable declared outside the loop. */
                @Differentiable
                static double mirrored(double[] x) {
                    double s = 0;
                    int idx = x.length;
                    for (int k = 0; k < x.length; k++) {
                        idx--;
                        s += x[idx] * x[k] * k;
                    }
                    return s > 0 ? s : 0;
                }

                /**
                 * The second loop's reversal pops how each iteration ended from the int tape, where
                 * the first loop's branch decisions lie beneath.
                 */
                @Differentiable
                static double signs(double[] a) {
                    double p = 1;
                    for (int i = 0; i < a.length; i++) {
                        if (a[i] > 0) {
                            p = p * a[i];
                        } else {
                            p = p - a[i];
                        }
                    }
                    double s = 0;
                    for (int k = 0; k < a.length; k++) {
                        if (a[k] < 0) {
                            continue;
                        }
                        s += a[k] * a[k];
                    }
                    return p + (s > 1 ? s : 0);
                }

                @Differentiable
                static double dot(double[] u, double[] v) {
                    double d = 0;
                    for (int i = 0; i < u.length; i++) {
                        d += u[i] * v[i];
                    }
                    return d;
                }

                /** The reversal calls dot's pullback. */
                @Differentiable
                static double rowDots(double[][] m, double[] x) {
                    double s = 0;
                    for (int r = 0; r < m.length; r++) {
                        s += dot(m[r], x);
                    }
                    return s > 0 ? s : 0;
                }
            }
            """;

    private static final String GUARD = "// Skipped when every adjoint it reads is zero: it would add only zeros.";

    private static GeneratedCode code;
    private static ArrayGradientCheck gradients;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Skips", SOURCE);
        gradients = new ArrayGradientCheck(code, "p.Skips");
    }

    @Test
    void reluNetworkGradientsMatchFiniteDifferencesWhetherTheLoopsRunOrNot() {
        double[] x = {0.5, -1.5};
        double[] params = {0.8, -0.2, 0.1, -0.6, 0.4, -0.2, 0.5, 0.9, 0.05, 0.7, -0.3, 0.2, 0.1};
        assertTrue(preActivation(params, x, 0) > 0, "unit 0 on");
        assertTrue(preActivation(params, x, 1) < 0, "unit 1 off");
        assertTrue(preActivation(params, x, 2) < 0, "unit 2 off");
        gradients.check("mlp", new Object[] {params, x, 3}, "params:0");
        double[] allOn = params.clone();
        allOn[5] = 2.0;
        allOn[8] = 2.0;
        assertTrue(preActivation(allOn, x, 1) > 0 && preActivation(allOn, x, 2) > 0, "units 1 and 2 on");
        gradients.check("mlp", new Object[] {allOn, x, 3}, "params:0");
        double[] hingeMet = params.clone();
        hingeMet[12] = 3.0;
        assertEquals(0.0, (double) code.call("p.Skips", "mlp", hingeMet, x, 3), "the hinge is met: loss 0");
        gradients.check("mlp", new Object[] {hingeMet, x, 3}, "params:0");
        String pullback = code.pullbackSource("p.SkipsGrad", "mlp");
        assertTrue(isGuardedBy(pullback, "for (int i = 0; i < x.length; i++)", "dZ != 0.0"), pullback);
        assertTrue(isGuardedBy(pullback, "for (int k = 0; k < hidden; k++)", "dOut != 0.0"), pullback);
        assertFalse(isGuarded(pullback, "for (int j = 0; j < hidden; j++)"), pullback);
    }

    @Test
    void aLoopWithSeveralIncomingAdjointsRunsWhenAnyIsNonzero() {
        double[] a = {0.5, -1.0, 2.0};
        double[] x = {1.0, 0.5, 0.25};
        double[] sPositive = {1.0, 1.0, 1.0};
        double[] sNegative = {-1.0, -1.0, -1.0};
        gradients.check("twoRelus", new Object[] {a, x, sPositive}, "a:0", "x:1", "y:2");
        gradients.check("twoRelus", new Object[] {a, x, sNegative}, "a:0", "x:1", "y:2");
        gradients.check("twoRelus", new Object[] {a, negated(x), sPositive}, "a:0", "x:1", "y:2");
        gradients.check("twoRelus", new Object[] {a, negated(x), sNegative}, "a:0", "x:1", "y:2");
        String pullback = code.pullbackSource("p.SkipsGrad", "twoRelus");
        assertTrue(isGuardedBy(pullback, "for (int i = 0; i < a.length; i++)", "dS != 0.0 || dT != 0.0"), pullback);
    }

    @Test
    void nestedAndRecordedLoopsThatOnlyPropagateAreGuarded() {
        double[][] small = {{0.1, -0.2}, {0.3, 0.1}};
        double[][] large = {{1.1, -0.2}, {0.3, 0.9}};
        double[] x = {0.7, -0.4};
        gradients.check("rows", new Object[] {small, x}, "m:0", "x:1");
        gradients.check("rows", new Object[] {large, x}, "m:0", "x:1");
        String rows = code.pullbackSource("p.SkipsGrad", "rows");
        assertTrue(isGuardedBy(rows, "for (int r = 0; r < m.length; r++)", "dS != 0.0"), rows);
        assertTrue(isGuardedBy(rows, "for (int c = 0; c < x.length; c++)", "dS != 0.0"), rows);

        gradients.check("pairs", new Object[] {new double[] {0.5, 2.0, -1.0, 0.25, 3.0}}, "a:0");
        gradients.check("pairs", new Object[] {new double[] {0.5, -2.0, -1.0, 0.25, 3.0}}, "a:0");
        String pairs = code.pullbackSource("p.SkipsGrad", "pairs");
        assertTrue(pairs.contains("iTrips"), "the loop is reversed by its recorded trip count: " + pairs);
        assertTrue(isGuardedBy(pairs, "for (int i = 0; i + 1 < a.length; i += 2)", "dS != 0.0"), pairs);
    }

    @Test
    void loopsThatReadArrayAdjointsOrRestoreOrMoveBackPrimalsAlwaysRun() {
        double[] a = {0.5, -1.0, 2.0};
        double[] b = {0.25, 1.0, -0.5};
        gradients.check("doubled", new Object[] {a, b}, "a:0", "b:1");
        gradients.check("doubled", new Object[] {negated(a), b}, "a:0", "b:1");
        String doubled = code.pullbackSource("p.SkipsGrad", "doubled");
        assertFalse(isGuarded(doubled, "for (int i = 0; i < a.length; i++)"), doubled);
        assertTrue(isGuardedBy(doubled, "for (int k = 0; k < b.length; k++)", "dQ != 0.0"), doubled);

        gradients.check("product", new Object[] {new double[] {0.5, 2.0, 3.0}}, "a:0");
        gradients.check("product", new Object[] {new double[] {0.5, -2.0, 3.0}}, "a:0");
        assertFalse(isGuarded(code.pullbackSource("p.SkipsGrad", "product"), "for (int i = 0; i < a.length; i++)"));

        gradients.check("mirrored", new Object[] {new double[] {0.5, -1.5, 2.0}}, "x:0");
        gradients.check("mirrored", new Object[] {new double[] {0.5, 0.5, -2.0}}, "x:0");
        String mirrored = code.pullbackSource("p.SkipsGrad", "mirrored");
        assertFalse(isGuarded(mirrored, "for (int k = 0; k < x.length; k++)"), mirrored);
    }

    @Test
    void loopsThatPopATapeOrCallAPullbackAlwaysRun() {
        gradients.check("signs", new Object[] {new double[] {0.5, -0.3, 0.4}}, "a:0");
        gradients.check("signs", new Object[] {new double[] {1.5, -0.3, 0.4}}, "a:0");
        String signs = code.pullbackSource("p.SkipsGrad", "signs");
        assertFalse(isGuarded(signs, "for (int k = 0; k < a.length; k++)"), signs);

        double[] x = {0.5, -1.0};
        gradients.check("rowDots", new Object[] {new double[][] {{1.0, 0.25}, {0.5, 0.25}}, x}, "m:0", "x:1");
        gradients.check("rowDots", new Object[] {new double[][] {{-1.0, 0.25}, {0.5, 0.25}}, x}, "m:0", "x:1");
        String rowDots = code.pullbackSource("p.SkipsGrad", "rowDots");
        assertFalse(isGuarded(rowDots, "for (int r = 0; r < m.length; r++)"), rowDots);
        assertTrue(isGuardedBy(code.pullbackSource("p.SkipsGrad", "dot"), "for (int i = 0; i < u.length; i++)",
                "dD != 0.0"));
    }

    /**
     * Under a zero adjoint the skipped loop adds nothing, where running it would add 0 times an
     * infinite partial, NaN. Here the relu is off for every finite change of the inputs, so 0 is
     * the derivative.
     */
    @Test
    void anInfinitePartialUnderAZeroAdjointGivesZeroNotNaN() {
        double[] a = {-0.5, -1.0, 2.0};
        double[] x = {Double.POSITIVE_INFINITY, 1.0, 0.25};
        double[] y = {-1.0, -1.0, -1.0};
        Object result = code.call("p.SkipsGrad", "twoRelus", a, x, y);
        assertEquals(0.0, (double) GeneratedCode.component(result, "value"));
        assertArrayEquals(new double[] {0.0, 0.0, 0.0}, (double[]) GeneratedCode.component(result, "x"));
        assertArrayEquals(new double[] {0.0, 0.0, 0.0}, (double[]) GeneratedCode.component(result, "y"));
        assertArrayEquals(new double[] {0.0, 0.0, 0.0}, (double[]) GeneratedCode.component(result, "a"));
    }

    /** Whether the reversal of the source loop with this header is guarded by exactly {@code condition}. */
    private static boolean isGuardedBy(String pullback, String header, String condition) {
        Matcher m = reversal(pullback, header);
        return m.find() && m.group(1) != null && m.group(1).equals(condition);
    }

    private static boolean isGuarded(String pullback, String header) {
        Matcher m = reversal(pullback, header);
        assertTrue(m.find(), "no reversal of " + header + " in " + pullback);
        return m.group(1) != null;
    }

    /** The reversal's comment naming the source loop, then the guard and its condition (group 1) if any. */
    private static Matcher reversal(String pullback, String header) {
        return Pattern.compile("// line \\d+: " + Pattern.quote(header) + "\\n\\s*(?:"
                + Pattern.quote(GUARD) + "\\n\\s*if \\((.*)\\) \\{\\n)?\\s*for \\(").matcher(pullback);
    }

    /** Hidden unit {@code j}'s pre-activation in {@code mlp}'s parameter layout, for two inputs. */
    private static double preActivation(double[] params, double[] x, int j) {
        return params[3 * j] * x[0] + params[3 * j + 1] * x[1] + params[3 * j + 2];
    }

    private static double[] negated(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }
}
