package io.microautograd.compiled;

import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.engine.Value;
import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.losses.Losses;
import io.microautograd.nn.Activation;
import io.microautograd.nn.MLP;
import io.microautograd.train.TrainableModel;
import io.microautograd.train.ValueMlpModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled MLP and the {@code Value} MLP, given the same weights and batch, compute the same
 * loss and gradient to 1e-12 relative: every hidden activation with every loss, with and
 * without L2. A partial is compared relative to the larger of itself and the gradient's largest
 * partial: a partial whose terms cancel (for example 2.8e-17 on one path, 0 on the other)
 * holds only rounding noise of the size of its terms, and no path can do better there.
 */
class CrossPathTest {

    private static final Dataset MOONS = Datasets.moons(40, 0.15, 9);
    private static final int[] BATCH = {0, 3, 4, 9, 15, 16, 22, 27, 31, 38};
    private static final double RELATIVE = 1e-12;

    /** Every hidden activation with every loss, each loss with the output layer it is meant for. */
    static Stream<Arguments> activationsAndLosses() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation hidden : Activation.values()) {
            for (CompiledLoss loss : CompiledLoss.values()) {
                Activation output = loss == CompiledLoss.BINARY_CROSS_ENTROPY ? Activation.SIGMOID : Activation.LINEAR;
                for (double l2 : new double[] {0, 1e-3}) {
                    cases.add(Arguments.of(hidden, output, loss, l2));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2}, L2 {3}")
    @MethodSource("activationsAndLosses")
    void valueAndCompiledMlpAgreeOnLossAndGradient(Activation hidden, Activation output, CompiledLoss loss,
            double l2) {
        MLP valueNet = MLP.of(2, 13, layer(6, hidden), layer(5, hidden), layer(1, output));
        CompiledMlp compiledNet = CompiledMlp.from(valueNet);

        assertSameLossAndGradient(new ValueMlpModel(valueNet, loss.valueLoss(), l2),
                new CompiledMlpModel(compiledNet, loss, l2), MOONS, BATCH);
    }

    @ParameterizedTest
    @MethodSource("activationsAndLosses")
    void compiledGradientPassesTheGradientCheck(Activation hidden, Activation output, CompiledLoss loss, double l2) {
        CompiledMlpModel model = new CompiledMlpModel(CompiledMlp.of(2, 21, layer(4, hidden), layer(1, output)), loss,
                l2);
        GradientCheck.standard().assertGradient(model.batchObjective(MOONS, BATCH), model.parameters());
    }

    @ParameterizedTest
    @MethodSource("activationsAndLosses")
    void mseOverSeveralOutputsAgrees(Activation hidden, Activation ignoredOutput, CompiledLoss ignoredLoss,
            double l2) {
        Dataset curves = new Dataset(new double[][] {{0.1, -0.4, 1.2}, {0.7, 0.2, -0.3}, {-1.1, 0.5, 0.4}},
                new double[][] {{0.3, -1}, {1.5, 0.2}, {-0.4, 0.9}});
        MLP valueNet = MLP.of(3, 4, layer(7, hidden), layer(2, hidden));
        assertSameLossAndGradient(new ValueMlpModel(valueNet, CompiledLoss.MSE.valueLoss(), l2),
                new CompiledMlpModel(CompiledMlp.from(valueNet), CompiledLoss.MSE, l2), curves, new int[] {0, 1, 2});
    }

    /**
     * One compiled model fed batches of changing sizes, so each thread's input matrices are
     * replaced and reused, on one thread, on several, and on more threads than samples.
     */
    @Test
    void slicesOfChangingSizesOnSeveralThreadsAgreeWithTheValuePath() {
        MLP valueNet = MLP.of(2, 13, layer(6, Activation.RELU), layer(5, Activation.TANH), layer(1, Activation.LINEAR));
        ValueMlpModel valuePath = new ValueMlpModel(valueNet, CompiledLoss.HINGE.valueLoss(), 1e-3);
        for (int threads : new int[] {1, 3, 16}) {
            CompiledMlpModel compiledPath = new CompiledMlpModel(CompiledMlp.from(valueNet), CompiledLoss.HINGE, 1e-3,
                    threads);
            for (int[] batch : new int[][] {BATCH, {5}, {7, 7, 2}, BATCH}) {
                assertSameLossAndGradient(valuePath, compiledPath, MOONS, batch);
            }
        }
    }

    /** Both paths compute the logit cross-entropy with log1p, so a confident right answer costs e^-|z|, not 0. */
    @ParameterizedTest
    @CsvSource({"40, 1", "-40, 0"})
    void logitCrossEntropyOfAConfidentRightAnswerIsNotZeroOnEitherPath(double logit, double label) {
        double expected = Math.exp(-40);
        Value z = Value.of(logit);
        Value valueLoss = Losses.binaryCrossEntropyWithLogits(z, label);
        valueLoss.backward();
        double[] gradient = new double[1];
        double compiledLoss = MlpKernelsGrad.binaryLoss(logit, label, MlpKernels.BINARY_CROSS_ENTROPY_WITH_LOGITS,
                gradient);

        assertEquals(expected, compiledLoss, 1e-15 * expected);
        assertEquals(valueLoss.data(), compiledLoss);
        assertEquals(-Math.signum(logit) * expected, gradient[0], 1e-15 * expected);
        assertEquals(z.grad(), gradient[0], 1e-15 * expected);
    }

    static void assertSameLossAndGradient(TrainableModel valuePath, TrainableModel compiledPath, Dataset data,
            int[] batch) {
        double[] valueGradient = new double[valuePath.parameterCount()];
        double valueLoss = valuePath.lossAndGradient(data, batch, valueGradient);
        double[] compiledGradient = new double[compiledPath.parameterCount()];
        double compiledLoss = compiledPath.lossAndGradient(data, batch, compiledGradient);

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
