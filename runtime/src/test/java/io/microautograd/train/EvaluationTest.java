package io.microautograd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.data.Dataset;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    /** Inputs are the outputs: predict(x) = x. */
    private static final Predictor IDENTITY = x -> x.clone();

    @Test
    void accuracyThresholdsTheOutputAndReadsZeroOrMinusOneAsNegative() {
        Dataset data = Dataset.of(new double[][] {{0.7}, {0.2}, {-0.1}, {0.3}, {0.4}}, new double[] {1, 0, -1, 0, 1});
        // Right at 0.5: 0.7 (1), 0.2 (0), -0.1 (-1), 0.3 (0); wrong: 0.4 (1).
        assertEquals(4.0 / 5, Evaluation.accuracy(IDENTITY, data, 0.5));
        // Right at 0: 0.7 (1), -0.1 (-1), 0.4 (1); wrong: 0.2 (0), 0.3 (0).
        assertEquals(3.0 / 5, Evaluation.accuracy(IDENTITY, data, 0.0));
        assertEquals(4.0 / 5, Metric.accuracy(0.5).evaluate(IDENTITY, data));
    }

    @Test
    void mseAveragesOverSamplesAndOutputs() {
        Dataset data = new Dataset(new double[][] {{1, 2}, {3, 5}}, new double[][] {{0, 2}, {3, 3}});
        assertEquals((1 + 0 + 0 + 4) / 4.0, Evaluation.mse(IDENTITY, data));
        assertEquals((1 + 0 + 0 + 4) / 4.0, Metric.mse().evaluate(IDENTITY, data));
    }

    @Test
    void predictKeepsSampleOrder() {
        Dataset data = Dataset.of(new double[][] {{1}, {2}}, new double[] {0, 0});
        assertArrayEquals(new double[][] {{2}, {4}}, Evaluation.predict(x -> new double[] {2 * x[0]}, data));
    }

    @Test
    void shapeMismatchesAreRejected() {
        Dataset twoOutputs = new Dataset(new double[][] {{1, 2}}, new double[][] {{1}});
        IllegalArgumentException accuracy = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.accuracy(IDENTITY, twoOutputs, 0));
        assertEquals("accuracy needs one output and one target per sample, got outputs of width 2 and targets of"
                + " width 1", accuracy.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Evaluation.mse(IDENTITY, twoOutputs));
        assertThrows(IllegalArgumentException.class, () -> new Metric(" ", Evaluation::mse));
    }
}
