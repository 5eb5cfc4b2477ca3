package io.microautograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.engine.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {

    private static final double[] POINTS = {-800, -3.5, -0.2, 0, 0.2, 1.7, 800};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void plainAndGraphFormsAgree(Activation activation) {
        for (double x : POINTS) {
            assertEquals(activation.apply(Value.of(x)).data(), activation.apply(x), 0.0, activation + " at " + x);
        }
    }

    @Test
    void plainFormsAreTheTextbookFunctions() {
        assertEquals(0.0, Activation.RELU.apply(-2.0));
        assertEquals(1.5, Activation.RELU.apply(1.5));
        assertEquals(Math.tanh(0.3), Activation.TANH.apply(0.3));
        assertEquals(1 / (1 + Math.exp(-0.3)), Activation.SIGMOID.apply(0.3), 1e-16);
        assertEquals(-4.0, Activation.LINEAR.apply(-4.0));
    }

    @Test
    void seedNamesParse() {
        assertSame(Activation.RELU, Activation.fromSeedName("relu"));
        assertSame(Activation.SIGMOID, Activation.fromSeedName("Sigmoid"));
        assertEquals("linear", Activation.LINEAR.seedName());
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Activation.fromSeedName("gelu"));
        assertEquals("activation must be one of relu, tanh, sigmoid, linear, got \"gelu\"", error.getMessage());
    }

    @Test
    void loneNeuronComputesItsFormula() {
        Neuron neuron = new Neuron(2, Activation.TANH, 1);
        neuron.setParameterValues(new double[] {0.5, -1.0, 0.25});
        assertEquals(Math.tanh(0.5 * 2 - 1.0 * 0.5 + 0.25), neuron.forward(Value.of(2.0, 0.5)).data(), 1e-15);
        assertEquals("tanh Neuron(2)", neuron.toString());
    }
}
