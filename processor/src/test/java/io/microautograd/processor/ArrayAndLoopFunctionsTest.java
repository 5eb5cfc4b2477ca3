package io.microautograd.processor;

import static io.microautograd.processor.RandomArrays.matrix;
import static io.microautograd.processor.RandomArrays.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Part 2 of the compiler: arrays, loops, overwrites and calls, on the functions the issue names.
 * Each gradient is checked against central finite differences of the original method.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArrayAndLoopFunctionsTest {

    static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Numeric {
                static final double DT = 0.01;

                /** The shape of the runtime's objective interface. */
                interface Objective {
                    double valueAndGradient(double[] params, double[] gradOut);
                }

                static final double[] INPUT = {0.5, -0.25};
                static final Objective ROSENBROCK = NumericGrad::rosenbrockN;
                static final Objective NETWORK = (params, gradOut) -> NumericGrad.mlp(params, INPUT, 0.3, 2, gradOut);

                @Differentiable
                static double rosenbrockN(double[] x) {
                    double sum = 0;
                    for (int i = 0; i + 1 < x.length; i++) {
                        double a = 1 - x[i];
                        double b = x[i + 1] - x[i] * x[i];
                        sum += a * a + 100 * b * b;
                    }
                    return sum;
                }

                @Differentiable(wrt = "w")
                static double logisticLoss(double[] w, double[][] data, double[] labels) {
                    double loss = 0;
                    for (int i = 0; i < data.length; i++) {
                        double[] row = data[i];
                        double z = 0;
                        for (int j = 0; j < w.length; j++) {
                            z += w[j] * row[j];
                        }
                        double margin = labels[i] * z;
                        loss += margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
                    }
                    return loss / data.length;
                }

                @Differentiable
                static double softmaxCrossEntropy(double[] logits, int target) {
                    double max = logits[0];
                    for (double logit : logits) {
                        max = Math.max(max, logit);
                    }
                    double sum = 0;
                    for (int i = 0; i < logits.length; i++) {
                        sum += Math.exp(logits[i] - max);
                    }
                    return max + Math.log(sum) - logits[target];
                }

                @Differentiable(wrt = "params")
                static double mlp(double[] params, double[] input, double target, int hidden) {
                    int n = input.length;
                    double[] activation = new double[hidden];
                    int p = 0;
                    for (int j = 0; j < hidden; j++) {
                        double z = params[p];
                        p++;
                        for (int k = 0; k < n; k++) {
                            z += params[p + k] * input[k];
                        }
                        p += n;
                        activation[j] = Math.tanh(z);
                    }
                    double out = params[p];
                    for (int j = 0; j < hidden; j++) {
                        out += params[p + 1 + j] * activation[j];
                    }
                    double error = out - target;
                    return error * error;
                }

                @Differentiable
                static double dampedOscillator(double x0, double v0, double damping) {
                    double x = x0;
                    double v = v0;
                    for (int step = 0; step < 1000; step++) {
                        double a = -x - damping * v;
                        x += DT * v;
                        v += DT * a;
                    }
                    return x * x + 0.5 * v * v;
                }

                @Differentiable
                static double matrixVector(double[][] m, double[] v) {
                    double[] out = new double[m.length];
                    for (int i = 0; i < m.length; i++) {
                        for (int j = 0; j < v.length; j++) {
                            out[i] += m[i][j] * v[j];
                        }
                    }
                    double s = 0;
                    for (double o : out) {
                        s += o * o;
                    }
                    return s;
                }

                @Differentiable
                static double matrixMatrix(double[][] a, double[][] b) {
                    double[][] c = new double[a.length][b[0].length];
                    for (int i = 0; i < a.length; i++) {
                        for (int k = 0; k < b.length; k++) {
                            for (int j = 0; j < b[0].length; j++) {
                                c[i][j] += a[i][k] * b[k][j];
                            }
                        }
                    }
                    double s = 0;
                    for (double[] row : c) {
                        for (double value : row) {
                            s += Math.sin(value);
                        }
                    }
                    return s;
                }

                @Differentiable
                static double breakAndContinue(double[] x, double limit) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        if (x[i] < 0) {
                            continue;
                        }
                        s = s * 0.5 + x[i] * x[i] * limit;
                        if (s > limit) {
                            break;
                        }
                    }
                    int k = 0;
                    double t = 1;
                    while (true) {
                        k++;
                        t *= x[k % x.length] + 2;
                        if (k >= 3) {
                            break;
                        }
                    }
                    return s + t;
                }

                @Differentiable
                static double nestedInPlace(double[] x, double[][] grid) {
                    for (int sweep = 0; sweep < 3; sweep++) {
                        for (int i = 1; i < x.length; i++) {
                            x[i] = x[i] * x[i - 1] * 0.5 + Math.sin(x[i]);
                        }
                        for (double[] row : grid) {
                            for (int j = 1; j < row.length; j++) {
                                row[j] += row[j - 1] * row[j];
                            }
                        }
                    }
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * grid[i % grid.length][0] + grid[i % grid.length][1];
                    }
                    return s;
                }

                @Differentiable
                static double callsTwo(double[] x, double y) {
                    double total = 0;
                    for (int i = 0; i < 2; i++) {
                        total += norm(x) * Shapes.bump(y, x[i]);
                    }
                    return total + Shapes.bump(total, count(x.length));
                }

                @Differentiable
                static double norm(double[] v) {
                    double s = 0;
                    for (double e : v) {
                        s += e * e;
                    }
                    return Math.sqrt(s);
                }

                @Differentiable
                static double recomputedLocals(double[] x, double[] w) {
                    double s = 0;
                    double scale = 1;
                    for (int i = 0; i < x.length; i++) {
                        scale = scale * 0.5 + x[i];
                        for (int j = 0; j < w.length; j++) {
                            int mirror = w.length - 1 - j;
                            double u = scale + w[mirror] - x[i];
                            double v = u * u;
                            s += v * u + w[j] * s * 0.1;
                        }
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double repeatedDecay(double[] x, int repeats) {
                    double acc = 1;
                    for (int r = 0; r < repeats; r++) {
                        for (int i = x.length - 1; i >= 0; i--) {
                            acc = acc * 0.5 + x[i] * x[i] * acc;
                        }
                    }
                    return acc;
                }

                @Differentiable(wrt = "x")
                static double guardedData(double[] x, double[] data, int n) {
                    double acc = x[0];
                    if (n > 0) {
                        for (int i = 0; i < data.length; i++) {
                            acc = acc * acc * data[i];
                        }
                    }
                    return acc;
                }

                static int count(int n) {
                    return n * 2;
                }

                @Differentiable
                static double hiddenIndexName(double[] a, double eIndex) {
                    for (double e : a) {
                        eIndex += 0.61 * e;
                    }
                    return eIndex * eIndex;
                }

                @Differentiable
                static double loopsOfEveryKind(double[] x, double[][] ragged) {
                    double[] weights = {0.5, x[0], x[1] * x[2]};
                    double s = 0;
                    int i = 0;
                    do {
                        s += weights[i] * x[i];
                        i++;
                    } while (i < weights.length);
                    long steps = 0;
                    for (double[] row : ragged) {
                        for (double v : row) {
                            s += v * v * s * 0.1;
                            steps++;
                        }
                    }
                    int j = x.length - 1;
                    while (j >= 0) {
                        s += Math.exp(-x[j] * x[j]) * steps;
                        j -= 2;
                    }
                    return s;
                }
            }
            """;

    static final String SHAPES = """
            package p;

            import io.microautograd.Differentiable;

            class Shapes {
                @Differentiable
                static double bump(double a, double b) {
                    return Math.exp(-(a - b) * (a - b)) + a * b;
                }
            }
            """;

    private GeneratedCode code;
    private ArrayGradientCheck gradients;

    @BeforeAll
    void compile() {
        code = GeneratedCode.compile(ValueTwinCheck.withEngine(
                JavaFileObjects.forSourceString("p.Numeric", compiled(SOURCE)),
                JavaFileObjects.forSourceString("p.Shapes", compiled(SHAPES))));
        gradients = new ArrayGradientCheck(code, "p.Numeric", secondOrder());
    }

    /** The source as this test compiles it. */
    String compiled(String source) {
        return source;
    }

    /** Whether the methods are compiled with {@code order = 2}, so that their Hessian-vector products are checked. */
    boolean secondOrder() {
        return false;
    }



    @Test
    void rosenbrockInManyDimensions() {
        gradients.check("rosenbrockN", new Object[] {vector(1, 6)}, "x:0");
        gradients.check("rosenbrockN", new Object[] {new double[] {-1.2, 1.0, 0.5, 2.0}}, "x:0");
    }

    @Test
    void logisticRegressionLoss() {
        double[][] data = matrix(2, 8, 3);
        double[] labels = {1, -1, 1, 1, -1, -1, 1, -1};
        gradients.check("logisticLoss", new Object[] {vector(3, 3), data, labels}, "w:0");
    }

    @Test
    void softmaxCrossEntropyWithStableLogSumExp() {
        gradients.check("softmaxCrossEntropy", new Object[] {vector(4, 5), 2}, "logits:0");
        gradients.check("softmaxCrossEntropy", new Object[] {new double[] {800, 801, 799}, 0}, "logits:0");
    }

    @Test
    void twoLayerPerceptronWithLocalActivations() {
        int hidden = 4;
        double[] input = vector(5, 3);
        double[] params = vector(6, hidden * (input.length + 1) + hidden + 1);
        gradients.check("mlp", new Object[] {params, input, 0.3, hidden}, "params:0");
    }

    @Test
    void eulerIntegrationOfADampedOscillatorOverAThousandSteps() {
        gradients.check("dampedOscillator", new Object[] {1.0, 0.0, 0.3}, "x0:0", "v0:1", "damping:2");
        gradients.check("dampedOscillator", new Object[] {-0.4, 1.5, 0.05}, "x0:0", "v0:1", "damping:2");
    }

    @Test
    void matrixVectorAndMatrixMatrixProducts() {
        gradients.check("matrixVector", new Object[] {matrix(7, 3, 4), vector(8, 4)}, "m:0", "v:1");
        gradients.check("matrixMatrix", new Object[] {matrix(9, 2, 3), matrix(10, 3, 4)}, "a:0", "b:1");
    }

    @Test
    void loopWithBreakAndContinue() {
        gradients.check("breakAndContinue", new Object[] {new double[] {0.3, -0.5, 0.8, 0.9, 1.2}, 0.7},
                "x:0", "limit:1");
        gradients.check("breakAndContinue", new Object[] {new double[] {-0.3, 0.1, 0.2, -0.4}, 3.0},
                "x:0", "limit:1");
    }

    @Test
    void loopLocalsRecomputedFromAValueTheOuterLoopOverwrites() {
        gradients.check("recomputedLocals", new Object[] {vector(15, 4), vector(16, 3)}, "x:0", "w:1");
    }

    @Test
    void tapesSizedFromTripCountsHoldWhateverTheLoopsRun() {
        for (int repeats : new int[] {-2, 0, 1, 40}) {
            gradients.check("repeatedDecay", new Object[] {vector(17, 7), repeats}, "x:0");
        }
    }

    @Test
    void tapeSizeReadsNoArrayTheSourceMethodWouldNotRead() {
        gradients.check("guardedData", new Object[] {new double[] {0.9}, vector(18, 3), 1}, "x:0");
        Object result = code.call("p.NumericGrad", "guardedData", new double[] {2.0}, null, 0);
        assertEquals(2.0, (double) GeneratedCode.component(result, "value"));
        assertArrayEquals(new double[] {1.0}, (double[]) GeneratedCode.component(result, "x"));
    }

    @Test
    void nestedLoopsUpdatingArrayParametersInPlace() {
        gradients.check("nestedInPlace", new Object[] {vector(11, 5), matrix(12, 3, 4)}, "x:0", "grid:1");
    }

    @Test
    void methodCallingTwoOtherDifferentiableMethods() {
        gradients.check("callsTwo", new Object[] {vector(13, 3), 0.4}, "x:0", "y:1");
        gradients.check("norm", new Object[] {vector(13, 3)}, "v:0");
    }

    @Test
    void doWhileEnhancedForOverRaggedRowsAndCountingDownWhile() {
        double[][] ragged = {{0.2, -0.3, 0.5}, {0.7}, {-0.1, 0.4}};
        gradients.check("loopsOfEveryKind", new Object[] {vector(14, 5), ragged}, "x:0", "ragged:1");
    }

    /** Found by the differential fuzzer: the enhanced for's hidden index shadowed a variable named eIndex. */
    @Test
    void enhancedForBesideAVariableNamedLikeItsHiddenIndex() {
        gradients.check("hiddenIndexName", new Object[] {vector(17, 4), 1.8}, "a:0", "eIndex:1");
    }

    @Test
    void allocationFreeCallAddsIntoArraysOfTheSameShape() {
        double[][] m = matrix(15, 2, 3);
        double[] v = vector(16, 3);
        Object result = code.call("p.NumericGrad", "matrixVector", m, v);
        double[][] dM = {{1, 1, 1}, {1, 1, 1}};
        double[] dV = {2, 2, 2};
        double value = (double) code.call("p.NumericGrad", "matrixVector", m, v, dM, dV);
        assertEquals((double) GeneratedCode.component(result, "value"), value);
        double[][] partialsM = (double[][]) GeneratedCode.component(result, "m");
        double[] partialsV = (double[]) GeneratedCode.component(result, "v");
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(1 + partialsM[i][j], dM[i][j]);
            }
        }
        assertArrayEquals(new double[] {2 + partialsV[0], 2 + partialsV[1], 2 + partialsV[2]}, dV);
    }

    @Test
    void aMethodReferenceOrOneLineLambdaFitsAnObjectiveInterface() throws Exception {
        Class<?> numeric = Class.forName("p.Numeric", true, code.loader());
        java.lang.reflect.Field rosenbrockField = numeric.getDeclaredField("ROSENBROCK");
        java.lang.reflect.Field networkField = numeric.getDeclaredField("NETWORK");
        rosenbrockField.setAccessible(true);
        networkField.setAccessible(true);
        Object rosenbrock = rosenbrockField.get(null);
        Object network = networkField.get(null);
        java.lang.reflect.Method call = rosenbrock.getClass().getInterfaces()[0]
                .getMethod("valueAndGradient", double[].class, double[].class);
        call.setAccessible(true);
        double[] x = {-1.2, 1.0, 0.5};
        double[] gradOut = new double[3];
        double value = (double) call.invoke(rosenbrock, x, gradOut);
        Object expected = code.call("p.NumericGrad", "rosenbrockN", (Object) x.clone());
        assertEquals((double) GeneratedCode.component(expected, "value"), value);
        assertArrayEquals((double[]) GeneratedCode.component(expected, "x"), gradOut);
        double[] params = vector(17, 2 * 3 + 2 + 1);
        double[] dParams = new double[params.length];
        double networkValue = (double) call.invoke(network, params, dParams);
        Object networkExpected = code.call("p.NumericGrad", "mlp", params.clone(), new double[] {0.5, -0.25}, 0.3, 2);
        assertEquals((double) GeneratedCode.component(networkExpected, "value"), networkValue);
        assertArrayEquals((double[]) GeneratedCode.component(networkExpected, "params"), dParams);
    }

    @Test
    void generatedCodeIsWarningFree() {
        Compilation compilation = code.compilation();
        assertEquals(0, compilation.warnings().size(), compilation.warnings().toString());
    }
}
