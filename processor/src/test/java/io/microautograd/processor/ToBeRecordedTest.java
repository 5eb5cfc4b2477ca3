package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which overwritten values the pullbacks keep: only those the reverse sweep reads before the
 * next overwrite restores them. Each case checks the gradient against central differences, at
 * points where every path the analysis joins is taken, and the cases that save work also pin
 * how many values the generated code pushes on its tape.
 */
class ToBeRecordedTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Kept {
                /** A layer of squares: z accumulates, and only its finished sum is read nonlinearly. */
                @Differentiable(wrt = "w")
                static double layer(double[] w, double[] x, int units) {
                    double sum = 0;
                    int p = 0;
                    for (int j = 0; j < units; j++) {
                        double z = 0;
                        for (int i = 0; i < x.length; i++) {
                            z += w[p + i] * x[i];
                        }
                        p += x.length;
                        sum += z * z;
                    }
                    return sum;
                }

                /** v is read nonlinearly on one path, overwritten on both, and reads itself. */
                @Differentiable
                static double branches(double[] x, double c) {
                    double s = 0;
                    double v = x[0];
                    for (int i = 0; i < x.length; i++) {
                        if (x[i] > c) {
                            s += Math.sin(v);
                            v = x[i] * 2;
                        } else {
                            v = Math.exp(x[i]);
                            s += v * v;
                        }
                        v = v * v * 0.25 + x[i];
                    }
                    return s + v * v;
                }

                /** a is read after the loop through a break, and overwritten after its reader in the body. */
                @Differentiable
                static double leaves(double[] x, double limit) {
                    double a = 1;
                    double total = 0;
                    for (int i = 0; i < x.length; i++) {
                        a = Math.sin(x[i]) + a * 0.5;
                        if (total > limit) {
                            break;
                        }
                        if (x[i] < 0) {
                            continue;
                        }
                        total += a * a;
                        a = x[i] * 3;
                    }
                    return total * a;
                }

                /** idx is reset per row and moved back in the reverse sweep, as in ADBench's GMM. */
                @Differentiable
                static double triangle(double[] x, int rows) {
                    double s = 0;
                    int idx = 0;
                    for (int r = 0; r < rows; r++) {
                        idx = r;
                        for (int c = r; c < rows; c++) {
                            s += x[idx] * x[idx] * x[c];
                            idx++;
                        }
                    }
                    return s;
                }

                /** An element read through a row alias, then overwritten through the matrix. */
                @Differentiable
                static double readRowStoreParent(double[][] m) {
                    double[] r = m[0];
                    double y = r[0] * r[0];
                    m[0][0] = 3.0;
                    return y + m[0][0] * m[1][0];
                }

                /** An element read through the matrix, then overwritten through a row alias. */
                @Differentiable
                static double readParentStoreRow(double[][] m) {
                    double y = m[0][0] * m[0][0];
                    double[] r = m[0];
                    r[0] = 3.0;
                    return y;
                }

                /** Rows aliased in a loop: each iteration reads through the matrix, writes through the row. */
                @Differentiable
                static double rowsInLoop(double[][] m) {
                    double s = 0;
                    for (int i = 0; i < m.length; i++) {
                        double[] r = m[i];
                        s += Math.sin(m[i][0]);
                        r[0] = s;
                    }
                    return s;
                }

                /** Another name for a whole array, written through in a loop after reads through the first. */
                @Differentiable
                static double wholeAlias(double[] a, double[] d, double c) {
                    double[] b = a;
                    double y = a[0] * a[0] + d[0] * d[0];
                    b[0] = 3.0;
                    for (int i = 0; i < b.length; i++) {
                        double kept = b[i];
                        b[i] = Math.exp(kept) * c;
                    }
                    return y + a[1] * d[1];
                }

                /** t is read nonlinearly, overwritten, scaled (read linearly) and read again. */
                @Differentiable
                static double straight(double x) {
                    double t = x * x;
                    double r = Math.sin(t);
                    t = Math.cos(x);
                    t = t * 3;
                    r += t * t;
                    return r;
                }
            }
            """;

    private static GeneratedCode code;
    private static ArrayGradientCheck gradients;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile(JavaFileObjects.forSourceString("p.Kept", SOURCE));
        gradients = new ArrayGradientCheck(code, "p.Kept");
    }

    @Test
    void anAccumulatorIsKeptOncePerResetNotOncePerAdd() {
        double[] w = {0.3, -0.2, 0.5, 0.1, -0.4, 0.25, 0.6, -0.1, 0.05};
        gradients.check("layer", new Object[] {w, new double[] {0.5, -1.0, 2.0}, 3}, "w:0");
        String pullback = pullback("layer");
        assertEquals(1, pushes(pullback, "double", "z"), pullback);
    }

    @Test
    void valuesReadOnOnePathOfABranchAreKeptOnBoth() {
        double[] x = {0.4, -0.3, 0.9, 0.1, -0.8, 0.6};
        gradients.check("branches", new Object[] {x, 0.2}, "x:0", "c:1");
        gradients.check("branches", new Object[] {x, -1.0}, "x:0", "c:1");
        gradients.check("branches", new Object[] {x, 1.0}, "x:0", "c:1");
    }

    @Test
    void valuesRequiredWhereBreakAndContinueLeaveAnIterationAreKept() {
        double[] x = {0.4, -0.3, 0.9, 0.1, -0.8, 0.6, 0.7};
        gradients.check("leaves", new Object[] {x, 100.0}, "x:0", "limit:1");
        gradients.check("leaves", new Object[] {x, 1.5}, "x:0", "limit:1");
        gradients.check("leaves", new Object[] {x, -1.0}, "x:0", "limit:1");
    }

    @Test
    void anIndexMovedBackIsKeptAtItsResetOnly() {
        gradients.check("triangle", new Object[] {new double[] {0.5, -1.5, 2.0, 0.75}, 4}, "x:0");
        assertEquals(1, pushes(pullback("triangle"), "int", "idx"), pullback("triangle"));
    }

    @Test
    void elementsReadThroughOneNameAndOverwrittenThroughAnotherAreKept() {
        double[][] m = {{0.7, -0.2}, {1.3, 0.4}, {-0.6, 0.9}};
        gradients.check("readRowStoreParent", new Object[] {m}, "m:0");
        gradients.check("readParentStoreRow", new Object[] {m}, "m:0");
        gradients.check("rowsInLoop", new Object[] {m}, "m:0");
        gradients.check("wholeAlias", new Object[] {new double[] {0.4, -0.9}, new double[] {1.1, 0.3}, 0.5},
                "a:0", "d:1", "c:2");
    }

    @Test
    void straightLineOverwritesKeepOnlyWhatALaterReaderNeeds() {
        for (double x : new double[] {-1.3, 0.2, 0.9}) {
            gradients.check("straight", new Object[] {x}, "x:0");
        }
        String pullback = pullback("straight");
        assertEquals(1, GeneratedCode.occurrences(pullback, "double tBefore\\d* = t;"), pullback);
    }

    /** The source of the generated pullback of {@code method}. */
    private static String pullback(String method) {
        return code.pullbackSource("p.KeptGrad", method);
    }

    /**
     * How often the text puts {@code value} on the tape of the given kind: through the growing
     * helper, or as a plain store in a loop that made room first.
     */
    private static int pushes(String text, String kind, String value) {
        String tape = kind + "Tape";
        return GeneratedCode.occurrences(text, "push\\(" + tape + ", " + tape + "Size\\+\\+, " + value + "\\)|"
                + tape + "\\[" + tape + "Size\\+\\+\\] = " + value + ";");
    }
}
