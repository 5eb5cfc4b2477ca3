package io.microautograd.processor;

import static io.microautograd.processor.RandomArrays.matrix;
import static io.microautograd.processor.RandomArrays.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read-only {@code int[]} parameters: index arrays of sparse matrices, permutations and linked
 * structures, read as indices and as numbers, walked by enhanced {@code for}, and passed on to
 * other methods. Each gradient is checked against central finite differences of the original.
 */
class IntArrayFunctionsTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Sparse {
                /** sum over rows r of (sum over k in row r of vals[k] * x[cols[k]])^2, a CSR matrix. */
                @Differentiable
                static double csrSquaredNorm(double[] vals, int[] rowStart, int[] cols, double[] x) {
                    double total = 0;
                    for (int r = 0; r + 1 < rowStart.length; r++) {
                        double y = 0;
                        for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                            y += vals[k] * x[cols[k]];
                        }
                        total += y * y;
                    }
                    return total;
                }

                @Differentiable
                static double gather(double[] w, double[] x, int[] perm) {
                    double s = 0;
                    for (int i = 0; i < perm.length; i++) {
                        s += w[i] * x[perm[i]];
                    }
                    return s;
                }

                /** The picked index is also a weight, so an element read is used as a number too. */
                @Differentiable
                static double weightedPicks(double[] x, int[] picks) {
                    double s = 0;
                    for (int p : picks) {
                        double v = Math.sin(x[p]);
                        s += (p + 1) * v * v;
                    }
                    return s;
                }

                /** Follows next[] from start; the position is overwritten in a while loop, so it is taped. */
                @Differentiable(wrt = "x")
                static double chase(double[] x, int[] next, int start, int steps) {
                    double s = 1;
                    int at = start;
                    int n = 0;
                    while (n < steps) {
                        s = s * x[at] + 0.5;
                        at = next[at];
                        n++;
                    }
                    return s;
                }

                @Differentiable
                static double rowDot(double[] vals, int[] cols, double[] x, int from, int to) {
                    double y = 0;
                    for (int k = from; k < to; k++) {
                        y += vals[k] * x[cols[k]];
                    }
                    return y;
                }

                static int rowLength(int[] rowStart, int r) {
                    return rowStart[r + 1] - rowStart[r];
                }

                /** Elements as indices of indices, as doubles, in Math.max and widened to long. */
                @Differentiable
                static double mixedReads(double[] x, int[] a, int[] b, boolean useA) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        int j = useA ? a[i] : b[i];
                        s += x[j] * x[a[a[i]]];
                        double d = a[i];
                        s += d * x[i] + Math.max(a[i], b[i]) * (long) b[i];
                    }
                    return s;
                }

                @Differentiable
                static double selectedEntries(double[][] m, int[] rows, int[] cols) {
                    double s = 0;
                    for (int r : rows) {
                        double[] row = m[r];
                        for (int c : cols) {
                            s += row[c] * row[c] * m[c][r];
                        }
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double scaledSelection(double[][] m, double x, int[] rows, int[] cols) {
                    return selectedEntries(m, rows, cols) * x + rows.length;
                }

                /** Passes the index arrays on to a @Differentiable callee and to a plain method. */
                @Differentiable
                static double csrThroughCalls(double[] vals, int[] rowStart, int[] cols, double[] x) {
                    double total = 0;
                    for (int r = 0; r + 1 < rowStart.length; r++) {
                        double y = rowDot(vals, cols, x, rowStart[r], rowStart[r + 1]);
                        total += Math.tanh(y) / (1 + rowLength(rowStart, r));
                    }
                    return total;
                }
            }
            """;

    /** A 4x3 CSR matrix whose row 2 is empty and whose row 3 repeats column 0. */
    private static final int[] ROW_START = {0, 2, 3, 3, 6};
    private static final int[] COLS = {0, 2, 1, 0, 2, 0};

    private static GeneratedCode code;
    private static ArrayGradientCheck gradients;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile(JavaFileObjects.forSourceString("p.Sparse", SOURCE));
        gradients = new ArrayGradientCheck(code, "p.Sparse");
    }


    @Test
    void sparseMatrixVectorProductInCsrForm() {
        gradients.check("csrSquaredNorm", new Object[] {vector(1, COLS.length), ROW_START, COLS, vector(2, 3)},
                "vals:0", "x:3");
    }

    @Test
    void gatherThroughAPermutationThatRepeatsAnIndex() {
        int[] perm = {2, 0, 2, 1};
        double[] w = vector(3, perm.length);
        double[] x = vector(4, 3);
        gradients.check("gather", new Object[] {w, x, perm}, "w:0", "x:1");
        double[] partials = (double[]) GeneratedCode.component(code.call("p.SparseGrad", "gather", w, x, perm), "x");
        assertEquals(w[0] + w[2], partials[2], "both reads of x[2] add into its partial");
    }

    @Test
    void theReverseSweepReadsIntArraysWithoutATape() throws IOException {
        String generated = code.compilation().generatedSourceFile("p.SparseGrad").orElseThrow()
                .getCharContent(false).toString();
        assertTrue(generated.contains("dX[perm[i]] += "), "the reverse loop indexes through perm itself");
        assertFalse(generated.contains("gatherIntTape"), "gather keeps no int tape");
        assertFalse(generated.contains("gatherDoubleTape"), "gather keeps no double tape");
    }

    @Test
    void enhancedForOverAnIntArrayReadsIndicesAsNumbers() {
        gradients.check("weightedPicks", new Object[] {vector(5, 4), new int[] {3, 1, 3, 0}}, "x:0");
    }

    @Test
    void positionsReadFromAnIntArrayAndOverwrittenInAWhileLoop() {
        int[] next = {2, 0, 3, 1};
        for (int steps : new int[] {0, 1, 7}) {
            gradients.check("chase", new Object[] {vector(6, 4), next, 1, steps}, "x:0");
        }
    }

    @Test
    void intArraysPassedToADifferentiableCalleeAndToAPlainMethod() {
        gradients.check("csrThroughCalls", new Object[] {vector(7, COLS.length), ROW_START, COLS, vector(8, 3)},
                "vals:0", "x:3");
    }

    @Test
    void elementsReadAsIndicesOfIndicesAndAsNumbers() {
        int[] a = {2, 0, 1, 1};
        int[] b = {3, 3, 0, 2};
        for (boolean useA : new boolean[] {true, false}) {
            gradients.check("mixedReads", new Object[] {vector(11, 4), a, b, useA}, "x:0");
        }
    }

    @Test
    void enhancedForOverIntArraysPicksRowsAndColumnsOfAMatrix() {
        double[][] m = matrix(12, 3, 3);
        int[] rows = {2, 0, 2};
        int[] cols = {1, 2};
        gradients.check("selectedEntries", new Object[] {m, rows, cols}, "m:0");
        gradients.check("scaledSelection", new Object[] {m, 0.7, rows, cols}, "x:1");
    }

    @Test
    void theAccumulatingCallTakesTheIntArraysAndAddsIntoTheStorage() {
        double[] vals = vector(9, COLS.length);
        double[] x = vector(10, 3);
        Object result = code.call("p.SparseGrad", "csrSquaredNorm", vals, ROW_START, COLS, x);
        double[] dVals = new double[vals.length];
        double[] dX = {1, 1, 1};
        double value = (double) code.call("p.SparseGrad", "csrSquaredNorm", vals, ROW_START, COLS, x, dVals, dX);
        assertEquals((double) GeneratedCode.component(result, "value"), value);
        assertArrayEquals((double[]) GeneratedCode.component(result, "vals"), dVals);
        double[] partialsX = (double[]) GeneratedCode.component(result, "x");
        // x[0] gets several contributions, which the storage's 1 joins in another order.
        assertArrayEquals(new double[] {1 + partialsX[0], 1 + partialsX[1], 1 + partialsX[2]}, dX, 1e-15);
    }
}
