package io.microautograd.benchmarks.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.compiled.CompiledMlp;
import io.microautograd.compiled.CompiledMlpModel;
import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.engine.Value;
import io.microautograd.losses.Loss;
import io.microautograd.nn.Activation;
import io.microautograd.nn.LayerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The benchmark workloads compute what they claim: ADBench's GMM matches the published
 * references, and each {@code Value} version agrees with its plain-Java primal and, by its
 * gradient, with finite differences.
 */
class WorkloadsTest {

    @Test
    void gmmObjectiveAndValueGradientMatchAdbenchUnitTest() throws IOException {
        checkAgainstReference("gmm_test_d2_K3_n1", "expected", 1e-8);
    }

    @Test
    void gmmObjectiveAndValueGradientMatchComplexStepReference() throws IOException {
        checkAgainstReference("gmm_1k_d2_K5", "ref_cstep", 1e-9);
    }

    @Test
    void rosenbrockValueVersionAgrees() {
        double[] x = randomPoint(7, 50);
        Value[] leaves = Value.of(x);
        Value out = Rosenbrock.rosenbrock(leaves);
        assertRelative(Rosenbrock.rosenbrock(x), out.data(), 1e-12, "value");
        out.backward();
        double[] expected = new double[x.length];
        CentralDifferences.gradient(Rosenbrock::rosenbrock, x, expected);
        double[] compiled = new double[x.length];
        assertEquals(Rosenbrock.rosenbrock(x), RosenbrockGrad.rosenbrock(x, compiled));
        for (int i = 0; i < x.length; i++) {
            assertRelative(expected[i], leaves[i].grad(), 1e-6, "d/dx" + i);
            assertRelative(leaves[i].grad(), compiled[i], 1e-12, "compiled d/dx" + i);
        }
    }

    /** The benchmarked GMM Hessian-vector product is the central difference of the compiled gradient. */
    @Test
    void gmmHessianVectorProductMatchesDifferencesOfTheCompiledGradient() throws IOException {
        GmmInstance gmm = GmmInstance.read("gmm_1k_d2_K5.txt");
        double[][] point = {gmm.alphas(), gmm.means(), gmm.icf()};
        Random random = new Random(22);
        double[][] direction = new double[3][];
        double[][] gradient = new double[3][];
        double[][] product = new double[3][];
        for (int i = 0; i < 3; i++) {
            direction[i] = random.doubles(point[i].length, -1, 1).toArray();
            gradient[i] = new double[point[i].length];
            product[i] = new double[point[i].length];
        }
        double value = GmmGrad.objectiveHvp(point[0], point[1], point[2], gmm.x(), gmm.d(), gmm.k(), gmm.n(),
                gmm.gamma(), gmm.m(), direction[0], direction[1], direction[2], gradient[0], gradient[1], gradient[2],
                product[0], product[1], product[2]);
        assertEquals(gmm.objective(), value, "the value is the primal's, exactly");
        double h = 1e-6;
        double[] above = gmmGradient(gmm, point, direction, h);
        double[] below = gmmGradient(gmm, point, direction, -h);
        double[] expected = new double[above.length];
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (above[i] - below[i]) / (2 * h);
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        double[] actual = concat(product);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * scale, "component " + i + " of H·v");
        }
        assertEquals(0, Arrays.compare(concat(gradient), gmmGradient(gmm, point, direction, 0)),
                "the compiled gradient");
    }

    private static double[] gmmGradient(GmmInstance gmm, double[][] point, double[][] direction, double step) {
        double[][] moved = new double[3][];
        double[][] gradient = new double[3][];
        for (int i = 0; i < 3; i++) {
            moved[i] = point[i].clone();
            for (int j = 0; j < moved[i].length; j++) {
                moved[i][j] += step * direction[i][j];
            }
            gradient[i] = new double[point[i].length];
        }
        GmmGrad.objective(moved[0], moved[1], moved[2], gmm.x(), gmm.d(), gmm.k(), gmm.n(), gmm.gamma(), gmm.m(),
                gradient[0], gradient[1], gradient[2]);
        return concat(gradient);
    }

    /** The alias-check benchmark's yardstick computes exactly what the generated gradient computes. */
    @Test
    void twoArraysUncheckedComputesTheGeneratedGradient() {
        double[] a = randomPoint(8, 9);
        double[] b = randomPoint(9, 9);
        double[] dA = new double[a.length];
        double[] dB = new double[b.length];
        double[] uncheckedA = new double[a.length];
        double[] uncheckedB = new double[b.length];
        assertEquals(TwoArrays.products(a, b), TwoArraysGrad.products(a, b, dA, dB));
        assertEquals(TwoArrays.products(a, b), TwoArraysUnchecked.products(a, b, uncheckedA, uncheckedB));
        double[] expected = new double[a.length];
        CentralDifferences.gradient(x -> TwoArrays.products(x, b), a, expected);
        for (int i = 0; i < a.length; i++) {
            assertRelative(expected[i], dA[i], 1e-6, "d/da" + i);
        }
        assertEquals(Arrays.toString(dA), Arrays.toString(uncheckedA));
        assertEquals(Arrays.toString(dB), Arrays.toString(uncheckedB));
    }

    /**
     * The yardstick is the generated pullback's code, statement for statement, less its
     * {@code requireSeparate} checks and with its {@code dValue} 1, as the allocation-free call passes it:
     * when the processor's output changes, this fails and prints the body to paste.
     */
    @Test
    void twoArraysUncheckedIsTheGeneratedPullbackWithoutItsChecks() throws IOException {
        String generated = Files.readString(Path.of(
                "target/generated-sources/annotations/io/microautograd/benchmarks/workloads/TwoArraysGrad.java"));
        String yardstick = Files.readString(Path.of(
                "src/main/java/io/microautograd/benchmarks/workloads/TwoArraysUnchecked.java"));
        List<String> expected = statements(body(generated, "public static double productsPullback(")).stream()
                .filter(line -> !line.startsWith("requireSeparate("))
                .map(line -> line.replaceAll("\\bdValue\\b", "1.0"))
                .toList();
        assertEquals(String.join("\n", expected), String.join("\n",
                statements(body(yardstick, "public static double products("))));
    }

    /** The text between the braces of the method whose declaration starts with {@code declaration}. */
    private static String body(String source, String declaration) {
        int open = source.indexOf('{', source.indexOf(declaration));
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            depth += source.charAt(i) == '{' ? 1 : source.charAt(i) == '}' ? -1 : 0;
            if (depth == 0) {
                return source.substring(open + 1, i);
            }
        }
        throw new IllegalArgumentException("no body after " + declaration);
    }

    /** The lines of {@code body} without indentation, blank lines and comment lines. */
    private static List<String> statements(String body) {
        return body.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("//")).toList();
    }

    @Test
    void logisticRegressionValueVersionAgrees() {
        Random random = new Random(3);
        double[][] data = new double[40][4];
        double[] labels = new double[40];
        for (int i = 0; i < data.length; i++) {
            for (int j = 0; j < 4; j++) {
                data[i][j] = random.nextGaussian();
            }
            labels[i] = random.nextBoolean() ? 1 : -1;
        }
        double[] w = randomPoint(5, 4);
        Value[] leaves = Value.of(w);
        Value out = LogisticRegression.loss(leaves, data, labels);
        assertRelative(LogisticRegression.loss(w, data, labels), out.data(), 1e-12, "value");
        out.backward();
        double[] expected = new double[w.length];
        CentralDifferences.gradient(weights -> LogisticRegression.loss(weights, data, labels), w, expected);
        double[] compiled = new double[w.length];
        assertEquals(LogisticRegression.loss(w, data, labels), LogisticRegressionGrad.loss(w, data, labels, compiled));
        for (int j = 0; j < w.length; j++) {
            assertRelative(expected[j], leaves[j].grad(), 1e-6, "d/dw" + j);
            assertRelative(leaves[j].grad(), compiled[j], 1e-10, "compiled d/dw" + j);
        }
    }

    @Test
    void handWrittenMoonsGradientAgreesWithTheCompiledModel() {
        Dataset moons = Datasets.moons(100, 0.1, 1);
        int[] batch = IntStream.range(0, moons.size()).toArray();
        for (long seed = 1; seed <= 3; seed++) {
            CompiledMlp network = CompiledMlp.of(2, seed, LayerSpec.layer(16, Activation.RELU),
                    LayerSpec.layer(16, Activation.RELU), LayerSpec.layer(1, Activation.LINEAR));
            CompiledMlpModel model = new CompiledMlpModel(network, Loss.HINGE, 1e-4);
            double[] compiled = new double[network.parameterCount()];
            double compiledLoss = model.lossAndGradient(moons, batch, compiled);
            compiled = model.toNetworkOrder(compiled);
            double[] byHand = new double[network.parameterCount()];
            double handLoss = new HandWrittenMlpGradient(2, 16, 16, 1)
                    .lossAndGradient(network.parameters(), moons, batch, 1e-4, byHand);
            assertRelative(compiledLoss, handLoss, 1e-12, "loss, seed " + seed);
            for (int i = 0; i < byHand.length; i++) {
                assertEquals(compiled[i], byHand[i], 1e-12 * Math.max(1, Math.abs(compiled[i])),
                        "d/dp" + i + ", seed " + seed);
            }
        }
    }

    private static void checkAgainstReference(String instance, String suffix, double tolerance) throws IOException {
        GmmInstance gmm = GmmInstance.read(instance + ".txt");
        String[] lines = Files.readAllLines(GmmInstance.dataDirectory().resolve(instance + "." + suffix + ".txt"))
                .toArray(new String[0]);
        double expectedObjective = Double.parseDouble(lines[0].trim());
        double[] expectedGradient = Arrays.stream(lines[1].trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();

        assertRelative(expectedObjective, gmm.objective(), tolerance, "primal objective");

        Value[] alphas = Value.of(gmm.alphas());
        Value[] means = Value.of(gmm.means());
        Value[] icf = Value.of(gmm.icf());
        Value out = Gmm.objective(alphas, means, icf, gmm.x(), gmm.d(), gmm.k(), gmm.n(), gmm.gamma(), gmm.m());
        assertRelative(expectedObjective, out.data(), tolerance, "Value objective");
        out.backward();
        Value[] all = concat(alphas, means, icf);
        assertEquals(expectedGradient.length, all.length);
        for (int i = 0; i < all.length; i++) {
            assertRelative(expectedGradient[i], all[i].grad(), tolerance, "partial " + i);
        }

        double[] dAlphas = new double[gmm.k()];
        double[] dMeans = new double[gmm.means().length];
        double[] dIcf = new double[gmm.icf().length];
        double compiled = GmmGrad.objective(gmm.alphas(), gmm.means(), gmm.icf(), gmm.x(), gmm.d(), gmm.k(), gmm.n(),
                gmm.gamma(), gmm.m(), dAlphas, dMeans, dIcf);
        assertEquals(gmm.objective(), compiled, "the compiled value is the primal's, exactly");
        double[] compiledGradient = concat(dAlphas, dMeans, dIcf);
        for (int i = 0; i < all.length; i++) {
            assertRelative(all[i].grad(), compiledGradient[i], 1e-10, "compiled against Value, partial " + i);
        }
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    private static Value[] concat(Value[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(Value[]::new);
    }

    private static double[] randomPoint(long seed, int n) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        return x;
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.max(1e-3, Math.abs(expected)), what);
    }
}
