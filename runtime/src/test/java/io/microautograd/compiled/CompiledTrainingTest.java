package io.microautograd.compiled;

import static io.microautograd.nn.Activation.LINEAR;
import static io.microautograd.nn.Activation.RELU;
import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.data.Digits;
import io.microautograd.losses.Loss;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Adam;
import io.microautograd.optim.LearningRateSchedule;
import io.microautograd.optim.Sgd;
import io.microautograd.train.Evaluation;
import io.microautograd.train.Metric;
import io.microautograd.train.Trainer;
import io.microautograd.train.TrainingHistory;
import io.microautograd.train.ValueMlpModel;
import org.junit.jupiter.api.Test;

/** The trainer and optimizers of the Value path train the compiled MLP unchanged. */
class CompiledTrainingTest {

    private static final Dataset MOONS = Datasets.moons(100, 0.1, 1);

    private static Trainer microgradDemo() {
        return Trainer.builder().optimizer(new Sgd(LearningRateSchedule.linearDecay(1.0, 0.1, 100), 0)).epochs(100)
                .metrics(Metric.accuracy(0)).quiet(true).build();
    }

    /** micrograd's demo (2-16-16-1, hinge + L2 1e-4, SGD from 1.0 decaying linearly), as MoonsTrainingTest has it. */
    @Test
    void moonsDemoReachesFullTrainingAccuracyOnTheCompiledPath() {
        CompiledMlp net = CompiledMlp.of(2, 5, layer(16, RELU), layer(16, RELU), layer(1, LINEAR));
        double before = Evaluation.accuracy(net::predict, MOONS, 0);

        TrainingHistory history = microgradDemo().fit(new CompiledMlpModel(net, Loss.HINGE, 1e-4), MOONS);

        assertTrue(before < 0.9, "untrained accuracy " + before);
        assertEquals(1.0, history.finalMetric("accuracy"), history.metric("accuracy").toString());
        assertEquals(1.0, Evaluation.accuracy(net::predict, MOONS, 0), "the network itself was trained");
    }

    @Test
    void bothPathsFollowTheSameTrajectoryFromTheSameWeights() {
        MLP valueNet = MLP.of(2, 5, layer(16, RELU), layer(16, RELU), layer(1, LINEAR));
        CompiledMlp compiledNet = CompiledMlp.from(valueNet);

        TrainingHistory onValue = microgradDemo().fit(new ValueMlpModel(valueNet, Loss.HINGE, 1e-4), MOONS);
        TrainingHistory compiled = microgradDemo().fit(new CompiledMlpModel(compiledNet, Loss.HINGE, 1e-4),
                MOONS);

        for (int epoch = 0; epoch < 100; epoch++) {
            double expected = onValue.losses().get(epoch);
            assertEquals(expected, compiled.losses().get(epoch), 1e-9 * expected, "loss of epoch " + (epoch + 1));
        }
        assertArrayEquals(valueNet.parameterValues(), compiledNet.parameters(), 1e-8);
        assertEquals(onValue.metric("accuracy"), compiled.metric("accuracy"));
    }

    /**
     * Ten classes: a 64-16-10 softmax classifier of 180 digits, trained by the same trainer (Adam,
     * shuffled mini-batches, the argmax accuracy metric) from the same weights on both paths,
     * follows the same trajectory and learns.
     */
    @Test
    void aSoftmaxClassifierOfTheDigitsFollowsTheSameTrajectoryOnBothPaths() {
        Dataset digits = Digits.load().split(0.9, 3).train();
        MLP valueNet = MLP.of(Digits.PIXELS, 8, layer(16, RELU), layer(Digits.CLASSES, LINEAR));
        CompiledMlp compiledNet = CompiledMlp.from(valueNet);
        double before = Evaluation.argmaxAccuracy(valueNet::predict, digits);

        TrainingHistory onValue = digitsTrainer().fit(new ValueMlpModel(valueNet, Loss.SOFTMAX_CROSS_ENTROPY), digits);
        TrainingHistory compiled = digitsTrainer().fit(new CompiledMlpModel(compiledNet, Loss.SOFTMAX_CROSS_ENTROPY, 0),
                digits);

        for (int epoch = 0; epoch < onValue.losses().size(); epoch++) {
            double expected = onValue.losses().get(epoch);
            assertEquals(expected, compiled.losses().get(epoch), 1e-12 * expected, "loss of epoch " + (epoch + 1));
        }
        assertArrayEquals(valueNet.parameterValues(), compiledNet.parameters(), 1e-12);
        assertEquals(onValue.metric("accuracy"), compiled.metric("accuracy"));
        assertTrue(before < 0.3 && compiled.finalMetric("accuracy") >= 0.85, before + " -> " + compiled);
    }

    private static Trainer digitsTrainer() {
        return Trainer.builder().optimizer(new Adam(0.01)).epochs(8).batchSize(30).shuffleSeed(4)
                .metrics(Metric.argmaxAccuracy()).quiet(true).build();
    }

    @Test
    void threadedMiniBatchRunsAreReproducibleAndMatchOneThread() {
        double[] first = trainOnThreads(3);
        double[] second = trainOnThreads(3);
        double[] single = trainOnThreads(1);

        assertArrayEquals(first, second, 0.0, "same seeds and thread count, same bits");
        assertArrayEquals(single, first, 1e-9, "threads change only the rounding");
    }

    private static double[] trainOnThreads(int threads) {
        CompiledMlp net = CompiledMlp.of(2, 3, layer(8, RELU), layer(1, LINEAR));
        TrainingHistory history = Trainer.builder().optimizer(new Adam(0.02))
                .epochs(5).batchSize(20).shuffleSeed(7).quiet(true).build()
                .fit(new CompiledMlpModel(net, Loss.BINARY_CROSS_ENTROPY_WITH_LOGITS, 1e-4, threads), MOONS);
        assertTrue(history.finalLoss() < history.losses().get(0), history.toString());
        return net.parameters();
    }
}
