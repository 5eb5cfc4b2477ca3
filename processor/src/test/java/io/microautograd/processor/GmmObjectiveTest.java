package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ADBench's Gaussian mixture objective, written from its definition as a {@code @Differentiable}
 * method, against ADBench's own expected values and independent complex-step references. The
 * data lives in the repository's {@code data/adbench}.
 */
class GmmObjectiveTest {

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;

            class Gmm {
                /** ADBench uses this literal, not Math.PI. */
                static final double PI = 3.14159265359;

                @Differentiable(wrt = {"alphas", "means", "icf"})
                static double objective(double[] alphas, double[] means, double[] icf, double[] x,
                        int d, int k, int n, double gamma, int m) {
                    int icfSize = d * (d + 1) / 2;
                    double[] sumQs = new double[k];
                    double[] qdiags = new double[k * d];
                    for (int c = 0; c < k; c++) {
                        double s = 0;
                        for (int j = 0; j < d; j++) {
                            s += icf[c * icfSize + j];
                            qdiags[c * d + j] = Math.exp(icf[c * icfSize + j]);
                        }
                        sumQs[c] = s;
                    }
                    double[] xcentered = new double[d];
                    double[] y = new double[d];
                    double[] t = new double[k];
                    double slse = 0;
                    for (int i = 0; i < n; i++) {
                        for (int c = 0; c < k; c++) {
                            for (int j = 0; j < d; j++) {
                                xcentered[j] = x[i * d + j] - means[c * d + j];
                                y[j] = qdiags[c * d + j] * xcentered[j];
                            }
                            int idx = d;
                            for (int col = 0; col < d; col++) {
                                for (int row = col + 1; row < d; row++) {
                                    y[row] += icf[c * icfSize + idx] * xcentered[col];
                                    idx++;
                                }
                            }
                            double squares = 0;
                            for (int j = 0; j < d; j++) {
                                squares += y[j] * y[j];
                            }
                            t[c] = alphas[c] + sumQs[c] - 0.5 * squares;
                        }
                        slse += logsumexp(t);
                    }
                    double constant = -n * d * 0.5 * Math.log(2 * PI);
                    int nW = d + m + 1;
                    double lgd = 0.25 * d * (d - 1) * Math.log(PI);
                    for (int j = 1; j <= d; j++) {
                        lgd += logGamma(0.5 * nW + 0.5 * (1 - j));
                    }
                    double wishartC = nW * d * (Math.log(gamma) - 0.5 * Math.log(2)) - lgd;
                    double prior = 0;
                    for (int c = 0; c < k; c++) {
                        double frobenius = 0;
                        for (int j = 0; j < d; j++) {
                            frobenius += qdiags[c * d + j] * qdiags[c * d + j];
                        }
                        for (int j = d; j < icfSize; j++) {
                            frobenius += icf[c * icfSize + j] * icf[c * icfSize + j];
                        }
                        prior += 0.5 * gamma * gamma * frobenius - m * sumQs[c];
                    }
                    prior -= k * wishartC;
                    return constant + slse - n * logsumexp(alphas) + prior;
                }

                @Differentiable
                static double logsumexp(double[] v) {
                    double max = v[0];
                    for (int i = 1; i < v.length; i++) {
                        max = Math.max(max, v[i]);
                    }
                    double sum = 0;
                    for (int i = 0; i < v.length; i++) {
                        sum += Math.exp(v[i] - max);
                    }
                    return max + Math.log(sum);
                }

                /** Lanczos' approximation (g = 7, 9 terms); only constants go through it. */
                static double logGamma(double z) {
                    double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
                        771.32342877765313, -176.61502916214059, 12.507343278686905,
                        -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
                    double shifted = z - 1;
                    double a = c[0];
                    double last = shifted + 7.5;
                    for (int i = 1; i < 9; i++) {
                        a += c[i] / (shifted + i);
                    }
                    return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(last) - last + Math.log(a);
                }
            }
            """;

    private static final Path DATA = Path.of(System.getProperty("adbench.dir", "../data/adbench"));

    private static GeneratedCode code;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Gmm", SOURCE);
    }

    /** An instance in ADBench's file format. */
    private record Instance(int d, int k, int n, double[] alphas, double[] means, double[] icf, double[] x,
            double gamma, int m) {

        static Instance read(Path file) throws IOException {
            double[] numbers = Arrays.stream(Files.readString(file).trim().split("\\s+"))
                    .mapToDouble(Double::parseDouble).toArray();
            int d = (int) numbers[0];
            int k = (int) numbers[1];
            int n = (int) numbers[2];
            int at = 3;
            double[] alphas = Arrays.copyOfRange(numbers, at, at += k);
            double[] means = Arrays.copyOfRange(numbers, at, at += k * d);
            double[] icf = Arrays.copyOfRange(numbers, at, at += k * d * (d + 1) / 2);
            double[] x = Arrays.copyOfRange(numbers, at, at += n * d);
            return new Instance(d, k, n, alphas, means, icf, x, numbers[at], (int) numbers[at + 1]);
        }

        Object[] arguments() {
            return new Object[] {alphas.clone(), means.clone(), icf.clone(), x.clone(), d, k, n, gamma, m};
        }
    }

    private static double[][] reference(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank())
                .map(line -> Arrays.stream(line.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    private static void assertMatches(String instance, String reference, double tolerance) throws IOException {
        assumeTrue(Files.isDirectory(DATA), "ADBench data not found at " + DATA.toAbsolutePath());
        Instance gmm = Instance.read(DATA.resolve(instance));
        double[][] expected = reference(DATA.resolve(reference));
        Object result = code.call("p.GmmGrad", "objective", gmm.arguments());
        double value = (double) GeneratedCode.component(result, "value");
        assertEquals((double) code.call("p.Gmm", "objective", gmm.arguments()), value, "value equals the original's");
        assertRelative("objective", expected[0][0], value, tolerance);
        double[] gradient = concat((double[]) GeneratedCode.component(result, "alphas"),
                (double[]) GeneratedCode.component(result, "means"), (double[]) GeneratedCode.component(result, "icf"));
        assertEquals(expected[1].length, gradient.length);
        for (int i = 0; i < gradient.length; i++) {
            assertRelative("partial " + i, expected[1][i], gradient[i], tolerance);
        }
        TangentCheck.check(code, "p.Gmm", "objective", gmm.arguments(), new int[] {0, 1, 2}, new Object[] {
            GeneratedCode.component(result, "alphas"), GeneratedCode.component(result, "means"),
            GeneratedCode.component(result, "icf")});
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    private static void assertRelative(String what, double expected, double actual, double tolerance) {
        double error = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(error <= tolerance, () -> what + ": expected " + expected + " but was " + actual
                + " (relative error " + error + ")");
    }

    @Test
    void matchesAdbenchExpectedValuesOnItsTestInstance() throws IOException {
        assertMatches("gmm_test_d2_K3_n1.txt", "gmm_test_d2_K3_n1.expected.txt", 1e-8);
    }

    @Test
    void matchesComplexStepReferenceOnAThousandPoints() throws IOException {
        assertMatches("gmm_1k_d2_K5.txt", "gmm_1k_d2_K5.ref_cstep.txt", 1e-9);
    }
}
