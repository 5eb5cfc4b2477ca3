package io.microautograd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model from a gradient of whole slices of a batch: which runs it is handed, and that it sums as per sample. */
class SliceObjectiveModelTest {

    private static final Dataset MOONS = Datasets.moons(30, 0.1, 4);
    private static final double[] START = {0.3, -0.2, 0.1, 0.05, -0.1, 0.2};
    private static final int[] BATCH = {3, 1, 4, 15, 9, 26, 5, 8, 29, 7};

    /** Sums the per-sample test objective over its run and writes down each run it is given. */
    private static final class RecordingSlices implements SliceObjective {
        final List<String> runs = Collections.synchronizedList(new ArrayList<>());

        @Override
        public double lossAndGradient(int slice, double[] params, Dataset data, int[] batch, int from, int to,
                double[] gradient) {
            runs.add(slice + ":" + from + "-" + to);
            double sum = 0;
            for (int k = from; k < to; k++) {
                sum += QuadraticLogisticRegression.sampleLoss(params, data.input(batch[k]), data.target(batch[k]),
                        gradient);
            }
            return sum;
        }
    }

    private static PerSampleModel sliceModel(SliceObjective slices, int threads) {
        return PerSampleModel.builder(START, slices, QuadraticLogisticRegression::predict)
                .regularizer(QuadraticLogisticRegression::ridge).threads(threads).build();
    }

    private static PerSampleModel sampleModel(int threads) {
        return PerSampleModel.builder(START, QuadraticLogisticRegression::sampleLoss,
                QuadraticLogisticRegression::predict).regularizer(QuadraticLogisticRegression::ridge)
                .threads(threads).build();
    }

    @Test
    void eachSliceGetsItsContiguousRunAndTheSumsMatchThePerSampleModelBitForBit() {
        for (int threads : new int[] {1, 3}) {
            RecordingSlices slices = new RecordingSlices();
            double[] gradient = new double[START.length];
            double loss = sliceModel(slices, threads).lossAndGradient(MOONS, BATCH, gradient);
            double[] expected = new double[START.length];
            double expectedLoss = sampleModel(threads).lossAndGradient(MOONS, BATCH, expected);

            assertEquals(expectedLoss, loss, 0.0, threads + " threads");
            assertArrayEquals(expected, gradient, 0.0, threads + " threads");
            List<String> runs = new ArrayList<>(slices.runs);
            Collections.sort(runs);
            assertEquals(threads == 1 ? List.of("0:0-10") : List.of("0:0-3", "1:3-6", "2:6-10"), runs);
        }
    }

    @Test
    void emptySlicesAreNeverCalled() {
        RecordingSlices slices = new RecordingSlices();
        double[] gradient = new double[START.length];
        double loss = sliceModel(slices, 8).lossAndGradient(MOONS, new int[] {4, 5}, gradient);
        double[] expected = new double[START.length];

        assertEquals(sampleModel(1).lossAndGradient(MOONS, new int[] {4, 5}, expected), loss, 1e-15);
        assertArrayEquals(expected, gradient, 1e-15);
        List<String> runs = new ArrayList<>(slices.runs);
        Collections.sort(runs);
        assertEquals(List.of("3:0-1", "7:1-2"), runs);
    }

    @Test
    void aMissingSliceObjectiveIsNamed() {
        assertEquals("sliceLoss must not be null", assertThrows(IllegalArgumentException.class,
                () -> PerSampleModel.builder(START, (SliceObjective) null, QuadraticLogisticRegression::predict))
                .getMessage());
        assertEquals("sampleLoss must not be null", assertThrows(IllegalArgumentException.class,
                () -> PerSampleModel.builder(START, (PerSampleObjective) null, QuadraticLogisticRegression::predict))
                .getMessage());
    }
}
