package io.microautograd.compiled;

import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.microautograd.data.Dataset;
import io.microautograd.data.Digits;
import io.microautograd.losses.Loss;
import io.microautograd.nn.Activation;
import io.microautograd.nn.LayerSpec;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Adam;
import io.microautograd.train.Evaluation;
import io.microautograd.train.Trainer;
import io.microautograd.train.ValueMlpModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled MLP's path through the Vector API ({@link DenseProducts#VECTORIZED},
 * {@link LayerwiseBatch}). The runtime's build runs this class twice: in the default test run,
 * whose JVM has no {@code jdk.incubator.vector}, and in the {@code vector-api} run, whose JVM is
 * started with {@code --add-modules jdk.incubator.vector} and sets
 * {@code microautograd.test.vectorApi}; the tests of the path itself need the module.
 * {@link CrossPathTest} and {@link CompiledTrainingTest} also run in both.
 */
class VectorApiPathTest {

    private static final boolean EXPECTED = Boolean.getBoolean("microautograd.test.vectorApi");

    @Test
    void theVectorApiPathIsLoadedExactlyWhenTheJvmHasTheModule() {
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(EXPECTED, present, "the vector-api test run starts its JVM with the module, the default one"
                + " without");
        assertEquals(present, DenseProducts.VECTORIZED != null);
        int[] layout = CompiledMlp.of(784, 1, layer(128, Activation.RELU), layer(10, Activation.LINEAR)).layout()
                .encoded();
        assertEquals(present ? SampleLayout.LAYERWISE : SampleLayout.ROWS, SampleLayout.of(layout, 64));
        assertEquals(present ? SampleLayout.LAYERWISE : SampleLayout.COLUMNS, SampleLayout.of(layout, 200));
    }

    /**
     * Each product, on shapes that take the blocks of four vectors, single vectors, leftover
     * units and a block of samples or inputs past the end, is its definition's sum of fused
     * multiply-adds in ascending order, to the bit; the weight gradient adds to what is there.
     */
    @Test
    void everyProductIsItsSumOfFusedMultiplyAddsInOrderToTheBit() {
        assumeTrue(DenseProducts.VECTORIZED != null, "needs --add-modules jdk.incubator.vector");
        DenseProducts products = DenseProducts.VECTORIZED;
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(11);
            int fanIn = 1 + random.nextInt(41);
            int size = 1 + random.nextInt(75);
            int w = random.nextInt(5);
            double[] params = random.doubles(w + fanIn * size + random.nextInt(3), -1, 1).toArray();
            double[][] a = matrix(random, n, fanIn);
            double[][] dz = matrix(random, n, size);
            double[][] z = new double[n][size];
            double[][] da = new double[n][fanIn];
            double[] gradient = random.doubles(params.length, -1, 1).toArray();
            double[] before = gradient.clone();
            String shape = n + " samples, " + fanIn + " inputs, " + size + " units, weights from " + w;

            products.multiply(a, n, params, w, fanIn, size, z);
            products.addWeightGradient(a, dz, n, fanIn, size, gradient, w);
            products.multiplyTransposed(dz, n, params, w, fanIn, size, da);

            for (int s = 0; s < n; s++) {
                for (int j = 0; j < size; j++) {
                    double sum = 0;
                    for (int i = 0; i < fanIn; i++) {
                        sum = Math.fma(a[s][i], params[w + i * size + j], sum);
                    }
                    assertEquals(sum, z[s][j], 0, "z[" + s + "][" + j + "], " + shape);
                }
                for (int i = 0; i < fanIn; i++) {
                    double sum = 0;
                    for (int j = 0; j < size; j++) {
                        sum = Math.fma(dz[s][j], params[w + i * size + j], sum);
                    }
                    assertEquals(sum, da[s][i], 0, "da[" + s + "][" + i + "], " + shape);
                }
            }
            for (int p = 0; p < params.length; p++) {
                int i = (p - w) / size;
                int j = (p - w) % size;
                double sum = 0;
                if (p >= w && i < fanIn) {
                    for (int s = 0; s < n; s++) {
                        sum = Math.fma(a[s][i], dz[s][j], sum);
                    }
                }
                assertEquals(p >= w && i < fanIn ? before[p] + sum : before[p], gradient[p], 0,
                        "gradient[" + p + "], " + shape);
            }
        }
    }

    /**
     * Random networks wide enough for the register blocks (inputs and units up to 80), every
     * activation and every loss, random weights and batches: the path agrees with the
     * {@code Value} engine to 1e-12.
     */
    @Test
    void randomWideNetworksAgreeWithTheValuePathOnEveryLoss() {
        assumeTrue(DenseProducts.VECTORIZED != null, "needs --add-modules jdk.incubator.vector");
        Random random = new Random(26);
        Activation[] activations = Activation.values();
        for (int trial = 0; trial < 3 * Loss.values().length; trial++) {
            Loss loss = Loss.values()[trial % Loss.values().length];
            int inputs = 1 + random.nextInt(80);
            LayerSpec[] layers = new LayerSpec[1 + random.nextInt(3)];
            for (int l = 0; l < layers.length - 1; l++) {
                layers[l] = layer(1 + random.nextInt(80), activations[random.nextInt(activations.length)]);
            }
            int outputs = loss == Loss.SOFTMAX_CROSS_ENTROPY ? 2 + random.nextInt(12)
                    : loss == Loss.MSE ? 1 + random.nextInt(12) : 1;
            layers[layers.length - 1] = layer(outputs,
                    loss == Loss.BINARY_CROSS_ENTROPY ? Activation.SIGMOID : Activation.LINEAR);
            MLP valueNet = MLP.of(inputs, random.nextLong(), layers);
            valueNet.setParameterValues(random.doubles(valueNet.parameterCount(), -0.5, 0.5).toArray());
            int samples = 1 + random.nextInt(13);
            double[][] x = matrix(random, samples, inputs);
            double[][] targets = new double[samples][];
            for (int s = 0; s < samples; s++) {
                targets[s] = loss == Loss.MSE ? random.doubles(outputs, -1, 1).toArray()
                        : new double[] {random.nextInt(loss == Loss.SOFTMAX_CROSS_ENTROPY ? outputs : 2)};
            }
            Dataset data = new Dataset(x, targets);
            int[] batch = random.ints(1 + random.nextInt(2 * samples), 0, samples).toArray();
            double l2 = random.nextBoolean() ? 0 : 1e-3;

            CrossPathTest.assertSameLossAndGradient(new ValueMlpModel(valueNet, loss, l2),
                    new CompiledMlpModel(CompiledMlp.from(valueNet), loss, l2, 1 + random.nextInt(3),
                            SampleLayout.LAYERWISE), data, batch);
        }
    }

    /**
     * A prediction runs the path's forward pass on one sample: the batch's summed MSE of one
     * output is the predictions' squared errors added in order, to the bit, for every pair of
     * activations, on a network wide enough for the register blocks.
     */
    @Test
    void aPredictionIsThePathsForwardPassBitForBit() {
        assumeTrue(DenseProducts.VECTORIZED != null, "needs --add-modules jdk.incubator.vector");
        Random random = new Random(9);
        double[][] inputs = matrix(random, 6, 37);
        double[][] targets = new double[inputs.length][];
        for (Activation hidden : Activation.values()) {
            for (Activation output : Activation.values()) {
                CompiledMlp net = CompiledMlp.of(37, 4, layer(70, hidden), layer(33, hidden), layer(1, output));
                net.setParameters(random.doubles(net.parameterCount(), -0.3, 0.3).toArray());
                double summed = 0;
                for (int s = 0; s < inputs.length; s++) {
                    targets[s] = new double[] {random.nextDouble()};
                    double error = net.predict(inputs[s])[0] - targets[s][0];
                    summed += error * error;
                }
                double batchLoss = new LayerwiseBatch(net.layout().encoded(), DenseProducts.VECTORIZED)
                        .lossAndGradient(net.parameterArray(), inputs, targets, MlpKernels.MSE,
                                new double[net.parameterCount()]);
                assertEquals(summed, batchLoss, 0, hidden + " hidden, " + output + " output");
            }
        }
    }

    /** The README's digits network (64-32-10, Adam 0.01, batches of 32, 10 epochs) reaches 95% on held-out images. */
    @Test
    void digitsReachNinetyFivePercentHeldOutOnThePath() {
        assumeTrue(DenseProducts.VECTORIZED != null, "needs --add-modules jdk.incubator.vector");
        Dataset.Split split = Digits.load().split(0.2, 1);
        CompiledMlp net = CompiledMlp.from(MLP.of(Digits.PIXELS, 3, layer(32, Activation.RELU),
                layer(Digits.CLASSES, Activation.LINEAR)));

        Trainer.builder().optimizer(new Adam(0.01)).epochs(10).batchSize(32).quiet(true).build()
                .fit(new CompiledMlpModel(net, Loss.SOFTMAX_CROSS_ENTROPY, 0), split.train());

        double accuracy = Evaluation.argmaxAccuracy(net::predict, split.test());
        assertTrue(accuracy >= 0.95, "held-out accuracy " + accuracy);
    }

    private static double[][] matrix(Random random, int rows, int columns) {
        double[][] matrix = new double[rows][];
        for (int r = 0; r < rows; r++) {
            matrix[r] = random.doubles(columns, -1, 1).toArray();
        }
        return matrix;
    }
}
