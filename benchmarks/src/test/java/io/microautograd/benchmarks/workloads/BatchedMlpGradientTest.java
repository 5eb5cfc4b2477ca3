package io.microautograd.benchmarks.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.compiled.CompiledLoss;
import io.microautograd.compiled.CompiledMlp;
import io.microautograd.compiled.CompiledMlpModel;
import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.nn.Activation;
import io.microautograd.nn.LayerSpec;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The batched gradient computes the compiled model's hinge loss and gradient, on the whole data
 * and on part of it, and refuses arguments that do not fit.
 */
class BatchedMlpGradientTest {

    private static final double L2 = 1e-4;
    /** sizes {2, 3, 1}: (2 + 1) * 3 + (3 + 1) * 1 = 13 parameters. */
    private static final int PARAMETERS = 13;

    private final Dataset moons = Datasets.moons(100, 0.1, 1);
    private final Dataset twoInputs = Dataset.of(new double[][] {{0.5, -1}, {1, 2}}, new double[] {1, 0});

    @Test
    void matchesTheCompiledModelOnTheWholeBatch() {
        int[] all = IntStream.range(0, moons.size()).toArray();
        for (long seed = 1; seed <= 3; seed++) {
            assertMatchesCompiled(seed, all);
        }
    }

    @Test
    void matchesTheCompiledModelOnPartOfTheDataInAnyOrder() {
        // Every third sample, backwards and with one repeat: the batch, not the data, sets the samples.
        int[] part = IntStream.iterate(moons.size() - 1, i -> i >= 0, i -> i - 3).toArray();
        part[part.length - 1] = part[0];
        for (long seed = 1; seed <= 3; seed++) {
            assertMatchesCompiled(seed, part);
        }
    }

    /**
     * Widths that are no multiple of four leave weight-gradient rows and columns over from the
     * 4x4 blocks, in one layer together (5 outputs, 6 inputs and a bias).
     */
    @Test
    void matchesTheCompiledModelOnWidthsTheBlocksDoNotDivide() {
        Random random = new Random(11);
        double[][] x = new double[37][3];
        double[] y = new double[x.length];
        for (int s = 0; s < x.length; s++) {
            for (int i = 0; i < 3; i++) {
                x[s][i] = random.nextGaussian();
            }
            y[s] = random.nextBoolean() ? 1 : 0;
        }
        Dataset data = Dataset.of(x, y);
        int[] all = IntStream.range(0, x.length).toArray();
        for (long seed = 1; seed <= 3; seed++) {
            CompiledMlp network = CompiledMlp.of(3, seed, LayerSpec.layer(6, Activation.RELU),
                    LayerSpec.layer(5, Activation.RELU), LayerSpec.layer(1, Activation.LINEAR));
            double[] gradient = new double[network.parameterCount()];
            double loss = new BatchedMlpGradient(3, 6, 5, 1)
                    .lossAndGradient(network.parameters(), data, all, L2, gradient);
            assertAgree(network, data, all, loss, gradient, "3-6-5-1, seed " + seed);
        }
    }

    @Test
    void reusesItsScratchAcrossBatchesOfDifferentSizes() {
        BatchedMlpGradient batched = new BatchedMlpGradient(2, 16, 16, 1);
        CompiledMlp network = network(4);
        int[] small = {3, 14, 15};
        int[] all = IntStream.range(0, moons.size()).toArray();
        for (int[] batch : new int[][] {small, all, small}) {
            double[] gradient = new double[network.parameterCount()];
            double loss = batched.lossAndGradient(network.parameters(), moons, batch, L2, gradient);
            assertAgree(network, moons, batch, loss, gradient, "batch of " + batch.length);
        }
    }

    @Test
    void refusesSizesItCannotBuild() {
        assertMessage("sizes must hold at least 2 widths (inputs and outputs), got [2]",
                () -> new BatchedMlpGradient(2));
        assertMessage("sizes[1] must be at least 1, got 0", () -> new BatchedMlpGradient(2, 0, 1));
        assertMessage("sizes must end with 1 (one output), got 2 outputs", () -> new BatchedMlpGradient(2, 3, 2));
    }

    @Test
    void refusesArgumentsThatDoNotFitTheSizes() {
        BatchedMlpGradient gradient = new BatchedMlpGradient(2, 3, 1);
        double[] params = new double[PARAMETERS];
        int[] batch = {0, 1};
        assertMessage("params must hold 13 parameters for sizes [2, 3, 1], got 12",
                () -> gradient.lossAndGradient(new double[PARAMETERS - 1], twoInputs, batch, 0,
                        new double[PARAMETERS]));
        assertMessage("gradient must hold 13 parameters for sizes [2, 3, 1], got 14",
                () -> gradient.lossAndGradient(params, twoInputs, batch, 0, new double[PARAMETERS + 1]));
        assertMessage("batch must hold at least one sample index, got none",
                () -> gradient.lossAndGradient(params, twoInputs, new int[0], 0, new double[PARAMETERS]));
        Dataset threeInputs = Dataset.of(new double[][] {{0.5, -1, 3}}, new double[] {1});
        assertMessage("data must have inputs 2 wide (sizes[0]), got 3",
                () -> gradient.lossAndGradient(params, threeInputs, new int[] {0}, 0, new double[PARAMETERS]));
    }

    private void assertMatchesCompiled(long seed, int[] batch) {
        CompiledMlp network = network(seed);
        double[] gradient = new double[network.parameterCount()];
        double loss = new BatchedMlpGradient(2, 16, 16, 1)
                .lossAndGradient(network.parameters(), moons, batch, L2, gradient);
        assertAgree(network, moons, batch, loss, gradient, "seed " + seed + ", batch of " + batch.length);
    }

    /** Agreement to 1e-12 of the largest partial: the two sum the same terms in different orders. */
    private static void assertAgree(CompiledMlp network, Dataset data, int[] batch, double loss, double[] gradient,
            String what) {
        double[] compiled = new double[network.parameterCount()];
        double compiledLoss = new CompiledMlpModel(network, CompiledLoss.HINGE, L2)
                .lossAndGradient(data, batch, compiled);
        assertEquals(compiledLoss, loss, 1e-12 * Math.abs(compiledLoss), "loss, " + what);
        double largest = 0;
        for (double partial : compiled) {
            largest = Math.max(largest, Math.abs(partial));
        }
        for (int i = 0; i < compiled.length; i++) {
            assertEquals(compiled[i], gradient[i], 1e-12 * largest, "d/dp" + i + ", " + what);
        }
    }

    private static CompiledMlp network(long seed) {
        return CompiledMlp.of(2, seed, LayerSpec.layer(16, Activation.RELU), LayerSpec.layer(16, Activation.RELU),
                LayerSpec.layer(1, Activation.LINEAR));
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
