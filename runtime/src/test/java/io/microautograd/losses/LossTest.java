package io.microautograd.losses;

import static io.microautograd.losses.NumericalGradient.assertBackwardMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.engine.Value;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each loss's value against its formula, its gradient against central differences, and its checks. */
class LossTest {

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double loss(Loss loss, double output, double target) {
        return loss.apply(new Value[] {Value.of(output)}, new double[] {target}).data();
    }

    @Test
    void mseAveragesOverOutputs() {
        Value[] out = Value.of(1.0, 4.0);
        assertEquals(((1 - 2) * (1 - 2) + (4 - 1) * (4 - 1)) / 2.0, Loss.MSE.apply(out, new double[] {2, 1}).data());
        assertBackwardMatches(v -> Loss.MSE.apply(v, new double[] {0.5, -1}), new double[] {1.2, 0.3}, 1e-7);
    }

    @ParameterizedTest
    @CsvSource({"0.3, 1", "0.3, 0", "0.9, 0.25", "0.02, 1", "0.98, 0"})
    void binaryCrossEntropyValueAndGradient(double probability, double target) {
        double expected = -(target * Math.log(probability) + (1 - target) * Math.log(1 - probability));
        assertEquals(expected, loss(Loss.BINARY_CROSS_ENTROPY, probability, target), 1e-12);
        assertBackwardMatches(v -> Loss.BINARY_CROSS_ENTROPY.apply(v, new double[] {target}),
                new double[] {probability}, 1e-6);
    }

    @Test
    void binaryCrossEntropyClampsCertainWrongAnswers() {
        double cap = -Math.log(Loss.PROBABILITY_EPSILON);
        Value zero = Value.of(0.0);
        Value lossAtZero = Loss.BINARY_CROSS_ENTROPY.apply(new Value[] {zero}, new double[] {1});
        lossAtZero.backward();
        assertEquals(cap, lossAtZero.data(), 1e-6);
        assertEquals(0.0, zero.grad(), "no gradient beyond the clamp");
        assertEquals(cap, loss(Loss.BINARY_CROSS_ENTROPY, 1.0, 0), 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"0.7, 1", "-1.3, 1", "2.5, 0", "-0.4, 0", "0.0, 0.5", "3.0, 0.8"})
    void withLogitsEqualsCrossEntropyOfSigmoid(double logit, double target) {
        double p = sigmoid(logit);
        double expected = -(target * Math.log(p) + (1 - target) * Math.log(1 - p));
        Value z = Value.of(logit);
        Value loss = Loss.BINARY_CROSS_ENTROPY_WITH_LOGITS.apply(new Value[] {z}, new double[] {target});
        loss.backward();
        assertEquals(expected, loss.data(), 1e-12);
        assertEquals(p - target, z.grad(), 1e-12, "d/dz is sigmoid(z) - t");
        assertBackwardMatches(v -> Loss.BINARY_CROSS_ENTROPY_WITH_LOGITS.apply(v, new double[] {target}),
                new double[] {logit}, 1e-7);
    }

    @Test
    void withLogitsStaysFiniteAndKeepsGradientForHugeLogits() {
        Value z = Value.of(-1000);
        Value loss = Loss.BINARY_CROSS_ENTROPY_WITH_LOGITS.apply(new Value[] {z}, new double[] {1});
        loss.backward();
        assertEquals(1000, loss.data(), 1e-9);
        assertEquals(-1, z.grad(), 1e-12);
        assertEquals(0, loss(Loss.BINARY_CROSS_ENTROPY_WITH_LOGITS, 1000, 1), 1e-12);
    }

    /** log(1 + e^-|z|) rounds to 0 from |z| = 37 on; log1p keeps the e^-|z| a right answer still costs. */
    @ParameterizedTest
    @CsvSource({"40, 1", "-40, 0", "700, 1"})
    void withLogitsKeepsTheCostOfAConfidentRightAnswer(double logit, double target) {
        double expected = Math.exp(-Math.abs(logit));
        Value z = Value.of(logit);
        Value loss = Loss.BINARY_CROSS_ENTROPY_WITH_LOGITS.apply(new Value[] {z}, new double[] {target});
        loss.backward();
        assertEquals(expected, loss.data(), 1e-15 * expected);
        assertEquals(Math.signum(-logit) * expected, z.grad(), 1e-15 * expected, "d/dz is sigmoid(z) - t");
    }

    @ParameterizedTest
    @CsvSource({"0.3, 1", "-0.5, 1", "2.0, 1", "0.3, -1", "-2.0, -1", "0.4, 0", "-0.2, 0"})
    void hingeValueAndGradient(double score, double label) {
        double sign = label == 1 ? 1 : -1;
        assertEquals(Math.max(0, 1 - sign * score), loss(Loss.HINGE, score, label), 1e-12);
        assertBackwardMatches(v -> Loss.HINGE.apply(v, new double[] {label}), new double[] {score}, 1e-7);
    }

    /** -log softmax(z)_y, computed here the textbook way in doubles, at logits small enough for it. */
    @Test
    void softmaxCrossEntropyIsMinusTheLogOfTheLabelsProbability() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            int classes = 2 + random.nextInt(9);
            double[] logits = random.doubles(classes, -4, 4).toArray();
            int label = random.nextInt(classes);
            double sum = 0;
            for (double z : logits) {
                sum += Math.exp(z);
            }
            double expected = -Math.log(Math.exp(logits[label]) / sum);
            Value[] outputs = Value.of(logits);
            Value loss = Loss.SOFTMAX_CROSS_ENTROPY.apply(outputs, new double[] {label});
            loss.backward();
            assertEquals(expected, loss.data(), 1e-12 * Math.max(1, expected));
            for (int k = 0; k < classes; k++) {
                double softmax = Math.exp(logits[k]) / sum;
                assertEquals(softmax - (k == label ? 1 : 0), outputs[k].grad(), 1e-12, "d/dz_k is softmax_k - [k = y]");
            }
            assertBackwardMatches(v -> Loss.SOFTMAX_CROSS_ENTROPY.apply(v, new double[] {label}), logits, 1e-7);
        }
    }

    /** Shifted by the largest logit, no exp overflows: e^1000 is infinite, the loss of these logits is not. */
    @Test
    void softmaxCrossEntropyStaysFiniteForHugeLogits() {
        Value[] outputs = Value.of(1000, 990, -1000);
        Value loss = Loss.SOFTMAX_CROSS_ENTROPY.apply(outputs, new double[] {1});
        loss.backward();
        assertEquals(10 + Math.log1p(Math.exp(-10)), loss.data(), 1e-12);
        assertEquals(1 / (1 + Math.exp(-10)), outputs[0].grad(), 1e-12);
        assertEquals(Math.exp(-10) / (1 + Math.exp(-10)) - 1, outputs[1].grad(), 1e-12);
        assertEquals(0, outputs[2].grad(), 1e-300);
    }

    @Test
    void labelsOutsideALossesRangeAreRejectedWithTheLabel() {
        assertEquals("hinge label must be 1 for the positive class and 0 or -1 for the negative class, got 0.5",
                assertThrows(IllegalArgumentException.class, () -> loss(Loss.HINGE, 0, 0.5)).getMessage());
        assertEquals("cross-entropy target must be in [0, 1], got 2.0",
                assertThrows(IllegalArgumentException.class, () -> loss(Loss.BINARY_CROSS_ENTROPY, 0.5, 2))
                        .getMessage());
        assertEquals("cross-entropy target must be in [0, 1], got -1.0", assertThrows(IllegalArgumentException.class,
                () -> loss(Loss.BINARY_CROSS_ENTROPY_WITH_LOGITS, 0.5, -1)).getMessage());
        for (double label : new double[] {-1, 3, 1.5, Double.NaN}) {
            assertEquals("softmax cross-entropy label must be a class index, an integer from 0 to 2, got " + label,
                    assertThrows(IllegalArgumentException.class, () -> Loss.SOFTMAX_CROSS_ENTROPY.apply(
                            Value.of(1, 2, 3), new double[] {label})).getMessage());
        }
    }

    @Test
    void outputAndTargetWidthsAreNamed() {
        assertEquals("HINGE needs a network with one output, got 2", assertThrows(IllegalArgumentException.class,
                () -> Loss.HINGE.apply(Value.of(1.0, 2.0), new double[] {1})).getMessage());
        assertEquals("MSE needs target rows of width 2 for a network of output width 2, got width 1",
                assertThrows(IllegalArgumentException.class,
                        () -> Loss.MSE.apply(Value.of(1.0, 2.0), new double[] {1})).getMessage());
        assertEquals("SOFTMAX_CROSS_ENTROPY needs a network with one output per class, at least two, got 1",
                assertThrows(IllegalArgumentException.class, () -> Loss.SOFTMAX_CROSS_ENTROPY.apply(new Value[] {Value.of(1.0)},
                        new double[] {0})).getMessage());
        assertEquals("SOFTMAX_CROSS_ENTROPY needs target rows of width 1 for a network of output width 3, got width 3",
                assertThrows(IllegalArgumentException.class, () -> Loss.SOFTMAX_CROSS_ENTROPY.apply(
                        Value.of(1, 2, 3), new double[] {0, 1, 0})).getMessage());
    }
}
