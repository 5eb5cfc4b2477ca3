package io.microautograd.benchmarks.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.compiled.CompiledMlp;
import io.microautograd.compiled.CompiledMlpModel;
import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.losses.Loss;
import io.microautograd.nn.Activation;
import io.microautograd.nn.LayerSpec;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The batched gradient computes the compiled model's hinge loss and gradient, on the whole data,
 * on part of it, and on widths its blocks do not divide ({@link HandWrittenMlpGradientTest}
 * checks its refusals).
 */
class BatchedMlpGradientTest {

    private static final double L2 = 1e-4;

    private final Dataset moons = Datasets.moons(100, 0.1, 1);

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
        CompiledMlpModel model = new CompiledMlpModel(network, Loss.HINGE, L2);
        double[] compiled = new double[network.parameterCount()];
        double compiledLoss = model.lossAndGradient(data, batch, compiled);
        compiled = model.toNetworkOrder(compiled);
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
}
