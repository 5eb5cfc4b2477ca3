package io.microautograd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.optim.Adam;
import io.microautograd.optim.Sgd;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A model from a per-sample gradient: batch means, threads with a fixed reduction order, training. */
class PerSampleModelTest {

    private static final Dataset MOONS = Datasets.moons(200, 0.1, 11);
    private static final double[] START = {0.3, -0.2, 0.1, 0.05, -0.1, 0.2};

    private static PerSampleModel model(int threads, Executor executor) {
        return PerSampleModel.builder(START, QuadraticLogisticRegression::sampleLoss,
                QuadraticLogisticRegression::predict).regularizer(QuadraticLogisticRegression::ridge)
                .threads(threads).executor(executor).build();
    }

    private static PerSampleModel model(int threads) {
        return model(threads, ForkJoinPool.commonPool());
    }

    private static int[] allSamples() {
        int[] batch = new int[MOONS.size()];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = i;
        }
        return batch;
    }

    /** Runs each task on its own thread, later ones first: the opposite of submission order. */
    private static Executor reversedLateThreads() {
        AtomicInteger submitted = new AtomicInteger();
        return task -> {
            int delayMillis = 40 - 10 * submitted.getAndIncrement();
            new Thread(() -> {
                try {
                    Thread.sleep(Math.max(delayMillis, 0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            }).start();
        };
    }

    @Test
    void batchLossIsTheMeanSampleLossPlusTheRegularizerOnce() {
        int[] batch = {3, 17, 42, 99, 150, 151, 7};
        double expectedLoss = 0;
        double[] expectedGradient = new double[START.length];
        double[] sampleGradient = new double[START.length];
        for (int i : batch) {
            Arrays.fill(sampleGradient, 0);
            expectedLoss += QuadraticLogisticRegression.sampleLoss(START, MOONS.input(i), MOONS.target(i),
                    sampleGradient);
            for (int j = 0; j < START.length; j++) {
                expectedGradient[j] += sampleGradient[j] / batch.length;
            }
        }
        expectedLoss = expectedLoss / batch.length + QuadraticLogisticRegression.ridge(START, expectedGradient);

        for (int threads : new int[] {1, 3}) {
            double[] gradient = new double[START.length];
            double loss = model(threads).lossAndGradient(MOONS, batch, gradient);
            assertEquals(expectedLoss, loss, 1e-15, threads + " threads");
            assertArrayEquals(expectedGradient, gradient, 1e-15, threads + " threads");
        }
    }

    @Test
    void batchGradientPassesTheGradientCheckOnOneAndSeveralThreads() {
        int[] batch = {0, 5, 9, 33, 64, 128, 199};
        for (int threads : new int[] {1, 4}) {
            PerSampleModel model = model(threads);
            GradientCheck.standard().assertGradientNear(model.batchObjective(MOONS, batch), START, 1, 5, threads);
        }
    }

    @Test
    void severalThreadsGiveTheSameBitsWhateverTheSchedulingAndMatchOneThreadToRounding() {
        int[] batch = allSamples();
        double[] pooled = new double[START.length];
        double pooledLoss = model(4).lossAndGradient(MOONS, batch, pooled);
        double[] scrambled = new double[START.length];
        double scrambledLoss = model(4, reversedLateThreads()).lossAndGradient(MOONS, batch, scrambled);
        double[] single = new double[START.length];
        double singleLoss = model(1).lossAndGradient(MOONS, batch, single);

        assertEquals(pooledLoss, scrambledLoss, 0.0, "the same bits, whichever slice finishes first");
        assertArrayEquals(pooled, scrambled, 0.0);
        assertEquals(singleLoss, pooledLoss, 1e-13 * Math.abs(singleLoss));
        for (int j = 0; j < single.length; j++) {
            assertEquals(single[j], pooled[j], 1e-12 * Math.abs(single[j]), "partial " + j);
        }
    }

    @Test
    void trainerTrainsItReproduciblyWithMiniBatchesOnThreads() {
        double[] first = trainedParameters(3);
        double[] second = trainedParameters(3);
        double[] single = trainedParameters(1);

        assertArrayEquals(first, second, 0.0, "same seed and thread count, same bits");
        for (int j = 0; j < first.length; j++) {
            assertEquals(single[j], first[j], 1e-9 * Math.max(1, Math.abs(single[j])), "parameter " + j);
        }
    }

    private static double[] trainedParameters(int threads) {
        PerSampleModel model = model(threads);
        double initialLoss = model.lossAndGradient(MOONS, allSamples(), new double[START.length]);
        TrainingHistory history = Trainer.builder().optimizer(new Sgd(0.1, 0.9))
                .epochs(30).batchSize(16).shuffleSeed(5).metrics(Metric.accuracy(0)).quiet(true).build()
                .fit(model, MOONS);
        assertTrue(history.finalLoss() < 0.7 * initialLoss, initialLoss + " then " + history);
        assertTrue(history.finalMetric("accuracy") >= 0.85, history.toString());
        return model.parameters();
    }

    @Test
    void adamFitsTheSeedsLinearDataWithALinearModel() {
        Dataset linear = Datasets.seedLinearExample();
        PerSampleObjective squaredError = (p, x, t, g) -> {
            double error = p[0] * x[0] + p[1] * x[1] + p[2] - t[0];
            g[0] += 2 * error * x[0];
            g[1] += 2 * error * x[1];
            g[2] += 2 * error;
            return error * error;
        };
        PerSampleModel model = PerSampleModel.builder(new double[3], squaredError,
                (p, x) -> new double[] {p[0] * x[0] + p[1] * x[1] + p[2]}).threads(2).build();

        TrainingHistory history = Trainer.builder().optimizer(new Adam(0.05))
                .epochs(2000).metrics(Metric.mse()).quiet(true).build().fit(model, linear);

        assertTrue(history.finalMetric("mse") < 1e-10, history.toString());
        assertArrayEquals(new double[] {2, 1, -3}, model.parameters(), 1e-4, "y = 2 x1 + x2 - 3");
    }

    @Test
    void anObjectiveThatReadsOnlyTheInputsRunsOnTargetsOfWidthZero() {
        Dataset points = new Dataset(new double[][] {{1, 2}, {3, 4}}, new double[2][0]);
        // |x - p|^2 / 2, whose mean over the points is least at their centroid (2, 3)
        PerSampleObjective toPoint = (p, x, t, g) -> {
            double loss = 0;
            for (int k = 0; k < p.length; k++) {
                g[k] += p[k] - x[k];
                loss += (p[k] - x[k]) * (p[k] - x[k]) / 2;
            }
            return loss;
        };
        double[] gradient = new double[2];
        double loss = PerSampleModel.builder(new double[] {0, 0}, toPoint, (p, x) -> p).build()
                .lossAndGradient(points, new int[] {0, 1}, gradient);

        assertEquals((5.0 / 2 + 25.0 / 2) / 2, loss);
        assertArrayEquals(new double[] {-2, -3}, gradient);
    }

    @Test
    void batchSmallerThanTheThreadCountLeavesSlicesEmpty() {
        double[] gradient = new double[START.length];
        double[] expected = new double[START.length];
        double loss = model(8).lossAndGradient(MOONS, new int[] {4, 5}, gradient);
        double expectedLoss = model(1).lossAndGradient(MOONS, new int[] {4, 5}, expected);
        assertEquals(expectedLoss, loss, 1e-15);
        assertArrayEquals(expected, gradient, 1e-15);
    }

    @Test
    void gradientIsAddedAndParametersAreCopied() {
        PerSampleModel model = model(2);
        double[] twice = new double[START.length];
        model.lossAndGradient(MOONS, new int[] {1, 2, 3}, twice);
        double[] once = twice.clone();
        model.lossAndGradient(MOONS, new int[] {1, 2, 3}, twice);
        for (int j = 0; j < once.length; j++) {
            assertEquals(2 * once[j], twice[j], 1e-15 * Math.abs(once[j]));
        }
        double[] copy = model.parameters();
        copy[0] = 99;
        assertEquals(START[0], model.parameters()[0], "parameters() is a copy");
        assertEquals(6, model.parameterCount());
        model.setParameters(copy);
        assertEquals(99, model.predict(new double[] {1, 0})[0] - START[3] - START[5], 1e-12);
    }

    @Test
    void aFailingSampleOnAWorkerThreadReachesTheCaller() {
        IllegalStateException planted = new IllegalStateException("sample 150 is broken");
        PerSampleModel model = PerSampleModel.builder(START, (p, x, t, g) -> {
            if (x[0] == MOONS.input(150)[0]) {
                throw planted;
            }
            return QuadraticLogisticRegression.sampleLoss(p, x, t, g);
        }, QuadraticLogisticRegression::predict).threads(4).build();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> model.lossAndGradient(MOONS, allSamples(), new double[START.length]));
        assertSame(planted, thrown);
    }

    @Test
    void badArgumentsAreNamed() {
        PerSampleModel model = model(2);
        assertEquals("batch must hold at least one sample index, got none", assertThrows(
                IllegalArgumentException.class, () -> model.lossAndGradient(MOONS, new int[0], new double[6]))
                .getMessage());
        assertEquals("gradient must have one slot per parameter (6), got 5", assertThrows(
                IllegalArgumentException.class, () -> model.lossAndGradient(MOONS, new int[] {1}, new double[5]))
                .getMessage());
        assertEquals("values must hold one number per parameter (6), got 2", assertThrows(
                IllegalArgumentException.class, () -> model.setParameters(new double[2])).getMessage());
        assertEquals("threads must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> PerSampleModel.builder(START, QuadraticLogisticRegression::sampleLoss,
                        QuadraticLogisticRegression::predict).threads(0)).getMessage());
        assertEquals("initialParameters must hold at least one parameter, got none", assertThrows(
                IllegalArgumentException.class, () -> PerSampleModel.builder(new double[0],
                        QuadraticLogisticRegression::sampleLoss, QuadraticLogisticRegression::predict)).getMessage());
    }
}
