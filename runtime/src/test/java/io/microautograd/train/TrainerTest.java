package io.microautograd.train;

import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.losses.Loss;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Optimizer;
import io.microautograd.optim.Sgd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final Dataset TEN = Datasets.sine(10, 0, 1);

    private static Trainer.Builder builder(Optimizer optimizer, int epochs) {
        return Trainer.builder().optimizer(optimizer).epochs(epochs).quiet(true);
    }

    @Test
    void miniBatchesCoverEverySampleOncePerEpoch() {
        ScriptedModel model = new ScriptedModel(1.0);
        Optimizer optimizer = new Sgd(0.1);
        builder(optimizer, 3).batchSize(4).shuffleSeed(9).build().fit(model, TEN);

        assertEquals(9, model.batches.size(), "ceil(10 / 4) = 3 steps per epoch");
        assertEquals(9, optimizer.stepCount());
        List<Integer> sizes = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] seen = new int[0];
            for (int step = 0; step < 3; step++) {
                int[] batch = model.batches.get(epoch * 3 + step);
                sizes.add(batch.length);
                seen = concat(seen, batch);
            }
            Arrays.sort(seen);
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, seen, "epoch " + epoch);
        }
        assertEquals(List.of(4, 4, 2, 4, 4, 2, 4, 4, 2), sizes);
        assertFalse(Arrays.equals(model.batches.get(0), model.batches.get(3)), "reshuffled each epoch");
    }

    @Test
    void shuffleIsReproducibleFromItsSeed() {
        ScriptedModel first = new ScriptedModel(1.0);
        ScriptedModel again = new ScriptedModel(1.0);
        ScriptedModel other = new ScriptedModel(1.0);
        builder(new Sgd(0.1), 2).batchSize(3).shuffleSeed(4).build().fit(first, TEN);
        builder(new Sgd(0.1), 2).batchSize(3).shuffleSeed(4).build().fit(again, TEN);
        builder(new Sgd(0.1), 2).batchSize(3).shuffleSeed(5).build().fit(other, TEN);
        for (int i = 0; i < first.batches.size(); i++) {
            assertArrayEquals(first.batches.get(i), again.batches.get(i));
        }
        assertNotEquals(Arrays.deepToString(first.batches.toArray()), Arrays.deepToString(other.batches.toArray()));
    }

    @Test
    void fullBatchIsTheDefaultAndKeepsSampleOrder() {
        ScriptedModel model = new ScriptedModel(1.0);
        builder(new Sgd(0.1), 2).build().fit(model, TEN);
        assertEquals(2, model.batches.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, model.batches.get(1));
    }

    @Test
    void historyRecordsSampleWeightedLossAndMetricsPerEpoch() {
        ScriptedModel model = new ScriptedModel(2.0);
        Metric parameter = new Metric("parameter", (m, data) -> m.predict(new double[0])[0]);
        TrainingHistory history = builder(new Sgd(0.5), 3).batchSize(5)
                .metrics(parameter, Metric.mse()).build().fit(model, TEN);

        // p halves every step, two steps per epoch; the loss of a step is p^2 / 2 before the update.
        assertEquals(List.of(0.5 * (2.0 + 0.5), 0.5 * (0.125 + 0.5 / 16), 0.5 * (0.5 / 64 + 0.5 / 256)),
                history.losses());
        assertEquals(List.of(0.5, 0.125, 0.03125), history.metric("parameter"));
        assertEquals(List.of("parameter", "mse"), history.metricNames());
        assertEquals(3, history.metric("mse").size());
        assertEquals(0.03125, history.finalMetric("parameter"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> history.metric("f1"));
        assertEquals("no metric named \"f1\" was recorded; recorded: [parameter, mse]", unknown.getMessage());
    }

    @Test
    void aMetricThatCannotScoreTheModelFailsBeforeTheFirstStep() {
        ValueMlpModel twoOutputs = new ValueMlpModel(MLP.of(1, 3, layer(2, "linear")), Loss.MSE);
        Dataset data = new Dataset(new double[][] {{0.5}, {-1}}, new double[][] {{1, 0}, {0, 1}});
        double[] before = twoOutputs.parameters();
        Optimizer optimizer = new Sgd(0.1);
        Trainer trainer = builder(optimizer, 5).metrics(Metric.mse(), Metric.accuracy(0)).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(twoOutputs, data));
        assertEquals("metric \"accuracy\" cannot score this model on this data: accuracy needs one output and one"
                + " target per sample, got outputs of width 2 and targets of width 2", e.getMessage());
        assertArrayEquals(before, twoOutputs.parameters(), "no step was taken");
        assertEquals(0, optimizer.stepCount());
    }

    @Test
    void aMetricThatNeedsBothClassesScoresTheWholeDataBeforeTheFirstStep() {
        Dataset moons = Datasets.moons(20, 0.1, 3);
        List<Integer> sizesScored = new ArrayList<>();
        Metric positiveShare = new Metric("positive share", (m, data) -> {
            sizesScored.add(data.size());
            long positives = IntStream.range(0, data.size()).filter(i -> data.target(i, 0) > 0).count();
            if (positives == 0 || positives == data.size()) {
                throw new IllegalArgumentException("needs both classes");
            }
            return (double) positives / data.size();
        });
        ValueMlpModel model = new ValueMlpModel(MLP.of(2, 1, layer(4, "relu"), layer(1, "linear")), Loss.HINGE);

        TrainingHistory history = builder(new Sgd(0.1), 2).metrics(positiveShare).build().fit(model, moons);

        assertEquals(List.of(20, 20, 20), sizesScored, "before the first step and after each epoch, on all 20 samples");
        assertEquals(List.of(0.5, 0.5), history.metric("positive share"), "one score per epoch, none for epoch 0");
    }

    @Test
    void aMetricsOtherExceptionsPropagateAsThrownBeforeTheFirstStep() {
        ScriptedModel model = new ScriptedModel(1.0);
        Optimizer optimizer = new Sgd(0.1);
        Metric broken = new Metric("broken", (m, data) -> {
            throw new IllegalStateException("the metric's own failure");
        });

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder(optimizer, 3).metrics(broken).build().fit(model, TEN));
        assertEquals("the metric's own failure", e.getMessage());
        assertEquals(0, optimizer.stepCount());
        assertEquals(List.of(), model.batches, "no batch was computed");
    }

    @Test
    void builderRejectsMissingAndBadSettings() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> Trainer.builder().build());
        assertEquals("set optimizer and epochs before build()", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().epochs(0));
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().optimizer(null));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().metrics(Metric.mse(), Metric.mse()));
        assertTrue(twice.getMessage().contains("\"mse\" is already configured"), twice.getMessage());
    }

    @Test
    void progressBarOnlyOnATerminalAndWhenNotQuiet() {
        assertTrue(ProgressDisplay.shows(false, true));
        assertFalse(ProgressDisplay.shows(true, true));
        assertFalse(ProgressDisplay.shows(false, false));
        assertFalse(ProgressDisplay.shows(true, false));
    }

    @Test
    void quietTrainingPrintsNothing() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true);
        System.setOut(capture);
        System.setErr(capture);
        try {
            builder(new Sgd(0.1), 50).build().fit(new ScriptedModel(1.0), TEN);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", captured.toString());
    }

    private static int[] concat(int[] a, int[] b) {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
