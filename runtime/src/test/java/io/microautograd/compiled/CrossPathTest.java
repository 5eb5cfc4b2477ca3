package io.microautograd.compiled;

import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.engine.Value;
import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.losses.Loss;
import io.microautograd.nn.Activation;
import io.microautograd.nn.LayerSpec;
import io.microautograd.nn.MLP;
import io.microautograd.train.TrainableModel;
import io.microautograd.train.ValueMlpModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled MLP and the {@code Value} MLP, given the same weights and batch, compute the same
 * loss and gradient to 1e-12 relative: every hidden activation with every loss, with and
 * without L2, and softmax cross-entropy on random networks, logits and labels. A partial is compared relative to the larger of itself and the gradient's largest
 * partial: a partial whose terms cancel (for example 2.8e-17 on one path, 0 on the other)
 * holds only rounding noise of the size of its terms, and no path can do better there.
 */
class CrossPathTest {

    private static final Dataset MOONS = Datasets.moons(40, 0.15, 9);
    private static final int[] BATCH = {0, 3, 4, 9, 15, 16, 22, 27, 31, 38};
    private static final double RELATIVE = 1e-12;
    /** The layouts this JVM runs: {@link SampleLayout#LAYERWISE} only where it has the Vector API. */
    static final List<SampleLayout> LAYOUTS = Stream.of(SampleLayout.values())
            .filter(layout -> layout != SampleLayout.LAYERWISE || DenseProducts.VECTORIZED != null).toList();

    /**
     * Every hidden activation with every loss, each loss with the output layer it is meant for
     * (softmax cross-entropy with three logits, of which the moons' labels 0 and 1 name two), on
     * each of the kernels.
     */
    static Stream<Arguments> activationsAndLosses() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation hidden : Activation.values()) {
            for (Loss loss : Loss.values()) {
                LayerSpec output = loss == Loss.BINARY_CROSS_ENTROPY ? layer(1, Activation.SIGMOID)
                        : layer(loss == Loss.SOFTMAX_CROSS_ENTROPY ? 3 : 1, Activation.LINEAR);
                for (double l2 : new double[] {0, 1e-3}) {
                    for (SampleLayout layout : LAYOUTS) {
                        cases.add(Arguments.of(hidden, output, loss, l2, layout));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2}, L2 {3}, samples in {4}")
    @MethodSource("activationsAndLosses")
    void valueAndCompiledMlpAgreeOnLossAndGradient(Activation hidden, LayerSpec output, Loss loss, double l2,
            SampleLayout layout) {
        MLP valueNet = MLP.of(2, 13, layer(6, hidden), layer(5, hidden), output);
        CompiledMlp compiledNet = CompiledMlp.from(valueNet);

        assertSameLossAndGradient(new ValueMlpModel(valueNet, loss, l2),
                new CompiledMlpModel(compiledNet, loss, l2, 1, layout), MOONS, BATCH);
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2}, L2 {3}, samples in {4}")
    @MethodSource("activationsAndLosses")
    void compiledGradientPassesTheGradientCheck(Activation hidden, LayerSpec output, Loss loss, double l2,
            SampleLayout layout) {
        CompiledMlpModel model = new CompiledMlpModel(CompiledMlp.of(2, 21, layer(4, hidden), output), loss, l2, 1,
                layout);
        GradientCheck.standard().assertGradient(model.batchObjective(MOONS, BATCH), model.parameters());
    }

    /**
     * Softmax cross-entropy on random networks (depth, widths, activations and weights), inputs,
     * labels, batches and thread counts, the last layer's weights scaled by a random power of ten
     * from 1e-2 to 1e2 so that the logits range from nearly equal to far apart, on each kernel in
     * turn: both paths agree to 1e-12, and the compiled gradient matches central differences.
     */
    @Test
    void softmaxCrossEntropyAgreesOnRandomNetworksLogitsAndLabels() {
        Random random = new Random(21);
        for (int trial = 0; trial < 30; trial++) {
            int inputs = 1 + random.nextInt(9);
            int classes = 2 + random.nextInt(9);
            LayerSpec[] layers = new LayerSpec[1 + random.nextInt(3)];
            for (int l = 0; l < layers.length - 1; l++) {
                layers[l] = layer(1 + random.nextInt(12), Activation.values()[random.nextInt(Activation.values().length)]);
            }
            layers[layers.length - 1] = layer(classes, Activation.LINEAR);
            MLP valueNet = MLP.of(inputs, random.nextLong(), layers);
            double[] weights = random.doubles(valueNet.parameterCount(), -1, 1).toArray();
            int fanIn = layers.length == 1 ? inputs : layers[layers.length - 2].size();
            double scale = Math.pow(10, random.nextInt(5) - 2);
            for (int p = weights.length - classes * (fanIn + 1); p < weights.length; p++) {
                weights[p] *= scale;
            }
            valueNet.setParameterValues(weights);
            int samples = 1 + random.nextInt(20);
            double[][] x = new double[samples][];
            double[][] labels = new double[samples][];
            for (int s = 0; s < samples; s++) {
                x[s] = random.doubles(inputs, -2, 2).toArray();
                labels[s] = new double[] {random.nextInt(classes)};
            }
            Dataset data = new Dataset(x, labels);
            int[] batch = random.ints(1 + random.nextInt(2 * samples), 0, samples).toArray();
            double l2 = random.nextBoolean() ? 0 : 1e-3;
            CompiledMlpModel compiled = new CompiledMlpModel(CompiledMlp.from(valueNet), Loss.SOFTMAX_CROSS_ENTROPY,
                    l2, 1 + random.nextInt(3), LAYOUTS.get(trial % LAYOUTS.size()));

            assertSameLossAndGradient(new ValueMlpModel(valueNet, Loss.SOFTMAX_CROSS_ENTROPY, l2), compiled, data,
                    batch);
            GradientCheck.standard().assertGradient(compiled.batchObjective(data, batch), compiled.parameters());
        }
    }

    @ParameterizedTest
    @MethodSource("activationsAndLosses")
    void mseOverSeveralOutputsAgrees(Activation hidden, LayerSpec ignoredOutput, Loss ignoredLoss, double l2,
            SampleLayout layout) {
        Dataset curves = new Dataset(new double[][] {{0.1, -0.4, 1.2}, {0.7, 0.2, -0.3}, {-1.1, 0.5, 0.4}},
                new double[][] {{0.3, -1}, {1.5, 0.2}, {-0.4, 0.9}});
        MLP valueNet = MLP.of(3, 4, layer(7, hidden), layer(2, hidden));
        assertSameLossAndGradient(new ValueMlpModel(valueNet, Loss.MSE, l2),
                new CompiledMlpModel(CompiledMlp.from(valueNet), Loss.MSE, l2, 1, layout), curves, new int[] {0, 1, 2});
    }

    /**
     * One compiled model fed batches of changing sizes, so each thread's input matrices are
     * replaced and reused, and its slices change kernel (the widest layer has 6 neurons: a slice
     * of more samples takes columns, one of fewer rows; with the Vector API, each is layerwise),
     * on one thread, on several, and on more threads than samples.
     */
    @Test
    void slicesOfChangingSizesOnSeveralThreadsAgreeWithTheValuePath() {
        MLP valueNet = MLP.of(2, 13, layer(6, Activation.RELU), layer(5, Activation.TANH), layer(1, Activation.LINEAR));
        ValueMlpModel valuePath = new ValueMlpModel(valueNet, Loss.HINGE, 1e-3);
        for (int threads : new int[] {1, 3, 16}) {
            CompiledMlpModel compiledPath = new CompiledMlpModel(CompiledMlp.from(valueNet), Loss.HINGE, 1e-3,
                    threads);
            for (int[] batch : new int[][] {BATCH, {5}, {7, 7, 2}, BATCH}) {
                assertSameLossAndGradient(valuePath, compiledPath, MOONS, batch);
            }
        }
        int[] layout = CompiledMlp.from(valueNet).layout().encoded();
        boolean vectorApi = DenseProducts.VECTORIZED != null;
        assertEquals(vectorApi ? SampleLayout.LAYERWISE : SampleLayout.COLUMNS, SampleLayout.of(layout, 6),
                "6 samples, 6 neurons in the widest layer");
        assertEquals(vectorApi ? SampleLayout.LAYERWISE : SampleLayout.ROWS, SampleLayout.of(layout, 5));
    }

    /** Both paths compute the logit cross-entropy with log1p, so a confident right answer costs e^-|z|, not 0. */
    @ParameterizedTest
    @CsvSource({"40, 1", "-40, 0"})
    void logitCrossEntropyOfAConfidentRightAnswerIsNotZeroOnEitherPath(double logit, double label) {
        double expected = Math.exp(-40);
        Value z = Value.of(logit);
        Value valueLoss = Loss.BINARY_CROSS_ENTROPY_WITH_LOGITS.apply(new Value[] {z}, new double[] {label});
        valueLoss.backward();
        double[] gradient = new double[1];
        double compiledLoss = MlpKernelsGrad.sampleLoss(new double[] {logit}, 0, 1, new double[] {label},
                MlpKernels.BINARY_CROSS_ENTROPY_WITH_LOGITS, gradient);

        assertEquals(expected, compiledLoss, 1e-15 * expected);
        assertEquals(valueLoss.data(), compiledLoss);
        assertEquals(-Math.signum(logit) * expected, gradient[0], 1e-15 * expected);
        assertEquals(z.grad(), gradient[0], 1e-15 * expected);
    }

    /** The compiled model's gradient is compared in the {@code Value} path's order, {@link MLP}'s. */
    static void assertSameLossAndGradient(TrainableModel valuePath, CompiledMlpModel compiledPath, Dataset data,
            int[] batch) {
        double[] valueGradient = new double[valuePath.parameterCount()];
        double valueLoss = valuePath.lossAndGradient(data, batch, valueGradient);
        double[] compiledGradient = new double[compiledPath.parameterCount()];
        double compiledLoss = compiledPath.lossAndGradient(data, batch, compiledGradient);
        compiledGradient = compiledPath.toNetworkOrder(compiledGradient);

        assertEquals(valueLoss, compiledLoss, RELATIVE * Math.abs(valueLoss), "loss");
        double largest = 0;
        for (double partial : valueGradient) {
            largest = Math.max(largest, Math.abs(partial));
        }
        int nonZero = 0;
        for (int i = 0; i < valueGradient.length; i++) {
            double scale = Math.max(largest, Math.max(Math.abs(valueGradient[i]), Math.abs(compiledGradient[i])));
            assertEquals(valueGradient[i], compiledGradient[i], RELATIVE * scale, "partial " + i);
            nonZero += valueGradient[i] != 0 ? 1 : 0;
        }
        assertTrue(nonZero > valueGradient.length / 4, "the comparison is not over zeros: " + nonZero + " of "
                + valueGradient.length + " partials are non-zero");
    }
}
