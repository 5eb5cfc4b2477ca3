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
    void predictedClassIsTheLargestOutputAndTheFirstOfATie() {
        assertEquals(2, Evaluation.predictedClass(new double[] {0.1, -3, 4, 0.5}));
        assertEquals(1, Evaluation.predictedClass(new double[] {-1, 7, 2, 7}));
        assertEquals(0, Evaluation.predictedClass(new double[] {5}));
    }

    /** Three classes; the outputs are the inputs, so the predicted class is the input's largest coordinate. */
    @Test
    void argmaxAccuracyAndConfusionMatrixCountLabelAgainstPrediction() {
        Dataset data = Dataset.of(new double[][] {{3, 1, 0}, {0, 2, 1}, {0, 1, 5}, {4, 0, 0}, {0, 0, 1}, {1, 2, 0}},
                new double[] {0, 1, 2, 1, 2, 2});
        // label 0: predicted 0; label 1: predicted 1 and 0; label 2: predicted 2, 2 and 1.
        assertArrayEquals(new int[][] {{1, 0, 0}, {1, 1, 0}, {0, 1, 2}}, Evaluation.confusionMatrix(IDENTITY, data));
        assertEquals(4.0 / 6, Evaluation.argmaxAccuracy(IDENTITY, data));
        assertEquals(4.0 / 6, Metric.argmaxAccuracy().evaluate(IDENTITY, data));
        assertEquals("accuracy", Metric.argmaxAccuracy().name());
    }

    @Test
    void argmaxAccuracyNamesTheSampleWhoseLabelIsNoClass() {
        Dataset data = Dataset.of(new double[][] {{1, 0}, {0, 1}}, new double[] {1, 2});
        assertEquals("sample 1's target must be one class index, an integer from 0 to 1, got [2.0]",
                assertThrows(IllegalArgumentException.class, () -> Evaluation.argmaxAccuracy(IDENTITY, data))
                        .getMessage());
        Dataset oneOutput = Dataset.of(new double[][] {{1}}, new double[] {0});
        assertEquals("a classifier needs one output per class, at least two, got 1",
                assertThrows(IllegalArgumentException.class, () -> Evaluation.confusionMatrix(IDENTITY, oneOutput))
                        .getMessage());
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
