package io.microautograd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Random;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Which loops are checkpointed: every outermost loop that tapes, when the method asks for
 * checkpoints, and, when it leaves the choice to the processor, those whose literal bounds make at
 * least 2^20 iterations. A loop the method asked for that cannot be checkpointed is taped, with a
 * note at the loop that says why (pinned here with its line), and its gradient is right; a budget
 * that is no number of snapshots is an error at its value.
 */
class CheckpointChoiceTest {

    private static final String HEADER = "package p;\n\nimport io.microautograd.Differentiable;\n\nclass Model {\n";

    /** Loops that cannot be checkpointed, each in a method that asks for checkpoints, and loops it leaves alone. */
    private static final JavaFileObject TAPED = JavaFileObjects.forSourceString("p.Model", HEADER + """
                @Differentiable(checkpoints = 4)
                static double breaks(double[] x, int n) {
                    double s = 0.5;
                    for (int b = 0; b < n; b++) {
                        s = Math.sin(s + x[b % x.length]);
                        if (s > 0.9) {
                            break;
                        }
                    }
                    return s;
                }

                @Differentiable(checkpoints = 4)
                static double whileLoop(double[] x, int n) {
                    double s = 0.5;
                    int i = 0;
                    while (i < n) {
                        s = Math.sin(s * x[i % x.length]);
                        i++;
                    }
                    return s;
                }

                @Differentiable(checkpoints = 4)
                static double stepsByTwo(double[] x, int n) {
                    double s = 0.5;
                    for (int i = 0; i < n; i += 2) {
                        s = Math.sin(s * x[i % x.length]);
                    }
                    return s;
                }

                @Differentiable(checkpoints = 4)
                static double twoTests(double[] x, int n) {
                    double s = 0.5;
                    for (int i = 0; i < n && s < 2; i++) {
                        s = Math.exp(s * x[i % x.length]);
                    }
                    return s;
                }

                @Differentiable(checkpoints = 4)
                static double movingBound(double[] x, int n) {
                    double s = 0.5;
                    int end = n;
                    for (int i = 0; i < end; i++) {
                        s = Math.sin(s * x[i % x.length]);
                        end = end - (i % 2);
                    }
                    return s;
                }

                @Differentiable(checkpoints = 4)
                static double offsetFromVariable(double[] x, int from, int n) {
                    double s = 0.5;
                    for (int i = from; i + 1 < n; i++) {
                        s = Math.sin(s * x[Math.floorMod(i, x.length)]);
                    }
                    return s;
                }

                @Differentiable(checkpoints = 4)
                static double matrixRows(double[][] m, int n) {
                    double s = 0.5;
                    double[][] w = new double[2][2];
                    for (int r = 0; r < n; r++) {
                        w[r % 2][0] = Math.sin(s * m[0][0]);
                        s = s * w[r % 2][0] + m[0][0];
                    }
                    return s;
                }

                @Differentiable(checkpoints = 4)
                static double rowInside(double[][] m, int n) {
                    double s = 0.5;
                    double[][] w = new double[2][2];
                    for (int q = 0; q < n; q++) {
                        double[] row = w[q % 2];
                        row[1] = Math.cos(s * m[0][0]);
                        s = s * row[1] + m[0][0];
                    }
                    return s;
                }

                @Differentiable(checkpoints = 4)
                static double plainCall(double[] x, int n) {
                    double s = 0.5;
                    double[] scratch = new double[3];
                    for (int c = 0; c < n; c++) {
                        s = Math.sin(s * x[c % x.length]) + pick(scratch, c);
                    }
                    return s;
                }

                static double pick(double[] a, int i) {
                    return a[i % a.length];
                }

                @Differentiable(checkpoints = 4)
                static double leftAlone(double[] x, int n) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += x[i % x.length];
                    }
                    int k = 0;
                    while (k < n) {
                        k++;
                    }
                    double t = 0.5;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < 2; j++) {
                            t = Math.sin(t * x[j]);
                        }
                    }
                    return s * k + t;
                }
            }
            """);

    @Test
    void loopsThatCannotBeCheckpointedAreTapedWithANoteThatSaysWhy() {
        Compilation compilation = GeneratedCode.javac().compile(TAPED);
        assertThat(compilation).succeededWithoutWarnings();
        note(compilation, "it may leave early by break, so its trip count is not known when it starts",
                "for (int b = 0; b < n; b++)");
        note(compilation, "it is not a for loop that declares an int or long index and moves it by a constant step,"
                + " such as for (int i = 0; i < n; i++)", "while (i < n)");
        note(compilation, "its index moves by 2, and a loop stepping by more than one may wrap past the end of its"
                + " type, so its trip count is not known when it starts; step by one", "i += 2");
        note(compilation, "its condition is not one comparison of its index with a bound, such as i < n, so its"
                + " trip count is not known when it starts", "i < n && s < 2");
        note(compilation, "its bound may change while it runs (it reads an array element, calls a method or reads a"
                + " variable the loop assigns), so its trip count is not known when it starts; compute the bound"
                + " into a local before the loop", "i < end;");
        note(compilation, "its index is offset in the comparison and starts at a value that is no literal, so it"
                + " may wrap past the end of its type before it meets the bound; compare the index itself, such as"
                + " i < n - 1", "i + 1 < n");
        note(compilation, "it writes into rows of the matrix w, and a snapshot holds double[] arrays only",
                "for (int r = 0; r < n; r++)");
        note(compilation, "it writes into row, a row it takes inside the loop, and a snapshot holds arrays declared"
                + " before the loop only", "for (int q = 0; q < n; q++)");
        note(compilation, "it passes the array scratch to pick, which is not @Differentiable and may change it"
                + " where no snapshot sees", "for (int c = 0; c < n; c++)");
        long notes = compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.NOTE).count();
        assertEquals(9, notes, "no note for loops that tape nothing, nor for loops nested in another: "
                + compilation.diagnostics());
        GeneratedCode code = GeneratedCode.of(compilation);
        ArrayGradientCheck check = new ArrayGradientCheck(code, "p.Model");
        double[] x = {0.3, -0.6, 0.9};
        double[][] m = {{0.7}};
        for (int n : new int[] {0, 3, 12}) {
            for (String method : new String[] {"breaks", "whileLoop", "stepsByTwo", "twoTests", "movingBound",
                    "plainCall", "leftAlone"}) {
                check.check(method, new Object[] {x, n}, "x:0");
            }
            check.check("offsetFromVariable", new Object[] {x, -2, n}, "x:0");
            check.check("matrixRows", new Object[] {m, n}, "m:0");
            check.check("rowInside", new Object[] {m, n}, "m:0");
        }
        String leftAlone = code.pullbackSource("p.ModelGrad", "leftAlone");
        assertEquals(1, GeneratedCode.occurrences(leftAlone, "new BinomialCheckpoints\\("), "of leftAlone's loops"
                + " only the one whose inner loop tapes is checkpointed, and no note says the others are not:\n"
                + leftAlone);
    }

    /** The note, at the line of the loop's header, which holds {@code header}. */
    private static void note(Compilation compilation, String reason, String header) {
        assertThat(compilation).hadNoteContaining("[MicroAutograd:Checkpoint] this loop is taped, not checkpointed: "
                + reason).inFile(TAPED).onLineContaining(header);
    }

    @Test
    void aBudgetThatIsNoNumberOfSnapshotsIsAnErrorAtItsValue() {
        JavaFileObject file = JavaFileObjects.forSourceString("p.Model", HEADER + """
                    @Differentiable(wrt = "x", checkpoints = -3)
                    static double f(double x, int n) {
                        return x * n;
                    }
                }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:Checkpoint] checkpoints = -3 is no number of"
                + " snapshots; give a positive number, 0 to tape every loop, or Differentiable.AUTOMATIC to let the"
                + " processor choose").inFile(file).onLine(6).atColumn(46);
    }

    /**
     * Left to the processor, a loop whose literal bounds make 2^20 iterations is checkpointed with 64
     * snapshots, one iteration fewer is taped, and so is any loop of a method that asks for none.
     */
    @Test
    void theProcessorCheckpointsLoopsOfAMillionIterationsItCanCount() {
        GeneratedCode code = GeneratedCode.compile("p.Long", """
                package p;

                import io.microautograd.Differentiable;

                class Long {
                    @Differentiable
                    static double chosen(double x) {
                        double s = x;
                        for (int i = 0; i < 1048576; i++) {
                            s = s + 1e-6 * Math.sin(s);
                        }
                        return s;
                    }

                    @Differentiable
                    static double counted(double x) {
                        double s = x;
                        for (long i = 1048576L; i >= 2; i--) {
                            s = s + 1e-6 * Math.sin(s);
                        }
                        return s;
                    }

                    @Differentiable(checkpoints = 0)
                    static double taped(double x) {
                        double s = x;
                        for (int i = 0; i < 1048576; i++) {
                            s = s + 1e-6 * Math.sin(s);
                        }
                        return s;
                    }
                }
                """);
        assertTrue(code.pullbackSource("p.LongGrad", "chosen").contains("new BinomialCheckpoints((long) 1048576, 64)"),
                code.pullbackSource("p.LongGrad", "chosen"));
        assertFalse(code.pullbackSource("p.LongGrad", "counted").contains("BinomialCheckpoints"),
                "1048575 iterations are taped");
        assertFalse(code.pullbackSource("p.LongGrad", "taped").contains("BinomialCheckpoints"));
        double x = new Random(5).nextDouble();
        Object chosen = code.call("p.LongGrad", "chosen", x);
        Object taped = code.call("p.LongGrad", "taped", x);
        assertEquals(GeneratedCode.component(taped, "value"), GeneratedCode.component(chosen, "value"));
        assertEquals(GeneratedCode.component(taped, "x"), GeneratedCode.component(chosen, "x"));
    }
}
