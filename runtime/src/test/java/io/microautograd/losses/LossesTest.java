package io.microautograd.losses;

import static io.microautograd.losses.NumericalGradient.assertBackwardMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LossesTest {

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @ParameterizedTest
    @CsvSource({"1.5, 0.25", "-2.0, 3.0", "0.0, 0.0"})
    void squaredErrorValueAndGradient(double prediction, double target) {
        Value p = Value.of(prediction);
        Value loss = Losses.squaredError(p, target);
        loss.backward();
        assertEquals((prediction - target) * (prediction - target), loss.data(), 1e-12);
        assertBackwardMatches(v -> Losses.squaredError(v[0], target), new double[] {prediction}, 1e-7);
    }

    @ParameterizedTest
    @CsvSource({"0.3, 1", "0.3, 0", "0.9, 0.25", "0.02, 1", "0.98, 0"})
    void binaryCrossEntropyValueAndGradient(double probability, double target) {
        double expected = -(target * Math.log(probability) + (1 - target) * Math.log(1 - probability));
        assertEquals(expected, Losses.binaryCrossEntropy(Value.of(probability), target).data(), 1e-12);
        assertBackwardMatches(v -> Losses.binaryCrossEntropy(v[0], target), new double[] {probability}, 1e-6);
    }

    @Test
    void binaryCrossEntropyClampsCertainWrongAnswers() {
        double cap = -Math.log(Losses.PROBABILITY_EPSILON);
        Value zero = Value.of(0.0);
        Value lossAtZero = Losses.binaryCrossEntropy(zero, 1);
        lossAtZero.backward();
        assertEquals(cap, lossAtZero.data(), 1e-6);
        assertEquals(0.0, zero.grad(), "no gradient beyond the clamp");
        assertEquals(cap, Losses.binaryCrossEntropy(Value.of(1.0), 0).data(), 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"0.7, 1", "-1.3, 1", "2.5, 0", "-0.4, 0", "0.0, 0.5", "3.0, 0.8"})
    void withLogitsEqualsCrossEntropyOfSigmoid(double logit, double target) {
        double p = sigmoid(logit);
        double expected = -(target * Math.log(p) + (1 - target) * Math.log(1 - p));
        Value z = Value.of(logit);
        Value loss = Losses.binaryCrossEntropyWithLogits(z, target);
        loss.backward();
        assertEquals(expected, loss.data(), 1e-12);
        assertEquals(p - target, z.grad(), 1e-12, "d/dz is sigmoid(z) - t");
        assertBackwardMatches(v -> Losses.binaryCrossEntropyWithLogits(v[0], target), new double[] {logit}, 1e-7);
    }

    @Test
    void withLogitsStaysFiniteAndKeepsGradientForHugeLogits() {
        Value z = Value.of(-1000);
        Value loss = Losses.binaryCrossEntropyWithLogits(z, 1);
        loss.backward();
        assertEquals(1000, loss.data(), 1e-9);
        assertEquals(-1, z.grad(), 1e-12);
        assertEquals(0, Losses.binaryCrossEntropyWithLogits(Value.of(1000), 1).data(), 1e-12);
    }

    /** log(1 + e^-|z|) rounds to 0 from |z| = 37 on; log1p keeps the e^-|z| a right answer still costs. */
    @ParameterizedTest
    @CsvSource({"40, 1", "-40, 0", "700, 1"})
    void withLogitsKeepsTheCostOfAConfidentRightAnswer(double logit, double target) {
        double expected = Math.exp(-Math.abs(logit));
        Value z = Value.of(logit);
        Value loss = Losses.binaryCrossEntropyWithLogits(z, target);
        loss.backward();
        assertEquals(expected, loss.data(), 1e-15 * expected);
        assertEquals(Math.signum(-logit) * expected, z.grad(), 1e-15 * expected, "d/dz is sigmoid(z) - t");
    }

    @ParameterizedTest
    @CsvSource({"0.3, 1", "-0.5, 1", "2.0, 1", "0.3, -1", "-2.0, -1", "0.4, 0", "-0.2, 0"})
    void hingeValueAndGradient(double score, double label) {
        double sign = label == 1 ? 1 : -1;
        assertEquals(Math.max(0, 1 - sign * score), Losses.hinge(Value.of(score), label).data(), 1e-12);
        assertBackwardMatches(v -> Losses.hinge(v[0], label), new double[] {score}, 1e-7);
    }

    @Test
    void hingeRejectsOtherLabels() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Losses.hinge(Value.of(0), 0.5));
        assertTrue(error.getMessage().contains("got 0.5"), error.getMessage());
    }

    @Test
    void crossEntropyRejectsTargetsOutsideZeroOne() {
        assertThrows(IllegalArgumentException.class, () -> Losses.binaryCrossEntropy(Value.of(0.5), 2));
        assertThrows(IllegalArgumentException.class, () -> Losses.binaryCrossEntropyWithLogits(Value.of(0.5), -1));
    }

    @Test
    void meanValueAndGradient() {
        double[] x = {1.0, -2.0, 4.5};
        assertEquals(3.5 / 3, Losses.mean(List.of(Value.of(x))).data(), 1e-12);
        assertBackwardMatches(v -> Losses.mean(List.of(v[0].mul(v[1]), v[2].tanh(), v[0])), x, 1e-7);
        assertThrows(IllegalArgumentException.class, () -> Losses.mean(List.of()));
    }

    @Test
    void l2ValueAndGradient() {
        double[] p = {0.5, -1.5, 2.0};
        assertEquals(1e-2 * (0.25 + 2.25 + 4.0), Losses.l2(List.of(Value.of(p)), 1e-2).data(), 1e-15);
        assertBackwardMatches(v -> Losses.l2(List.of(v), 0.3), p, 1e-7);
        assertThrows(IllegalArgumentException.class, () -> Losses.l2(List.of(), -1));
    }
}
