package io.microautograd.losses;

import static io.microautograd.losses.NumericalGradient.assertBackwardMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.engine.Value;
import org.junit.jupiter.api.Test;

class LossTest {

    @Test
    void mseAveragesOverOutputs() {
        Value[] out = Value.of(1.0, 4.0);
        assertEquals(((1 - 2) * (1 - 2) + (4 - 1) * (4 - 1)) / 2.0, Loss.mse().apply(out, new double[] {2, 1}).data());
        assertBackwardMatches(v -> Loss.mse().apply(v, new double[] {0.5, -1}), new double[] {1.2, 0.3}, 1e-7);
    }

    @Test
    void binaryLossesAdaptTheirFormula() {
        Value[] out = {Value.of(0.4)};
        double[] target = {1};
        assertEquals(Losses.hinge(out[0], 1).data(), Loss.hinge().apply(out, target).data());
        assertEquals(Losses.binaryCrossEntropy(out[0], 1).data(), Loss.binaryCrossEntropy().apply(out, target).data());
        assertEquals(Losses.binaryCrossEntropyWithLogits(out[0], 1).data(),
                Loss.binaryCrossEntropyWithLogits().apply(out, target).data());
    }

    @Test
    void sizeMismatchesAreNamed() {
        IllegalArgumentException twoOutputs = assertThrows(IllegalArgumentException.class,
                () -> Loss.hinge().apply(Value.of(1.0, 2.0), new double[] {1}));
        assertEquals("a binary loss needs one output and one target, got outputs of length 2 and a target of length 1",
                twoOutputs.getMessage());
        IllegalArgumentException mse = assertThrows(IllegalArgumentException.class,
                () -> Loss.mse().apply(Value.of(1.0, 2.0), new double[] {1}));
        assertEquals("outputs and target must have the same length, got lengths 2 and 1", mse.getMessage());
    }
}
