package io.microautograd.nn;

import static io.microautograd.nn.Activation.LINEAR;
import static io.microautograd.nn.Activation.RELU;
import static io.microautograd.nn.Activation.SIGMOID;
import static io.microautograd.nn.Activation.TANH;
import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import io.microautograd.losses.NumericalGradient;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MLPTest {

    private static MLP seedNetwork(long seed) {
        return MLP.of(2, seed, layer(4, "relu"), layer(4, "relu"), layer(1, "linear"));
    }

    @Test
    void seedArchitectureHasTheExpectedShapeAndSummary() {
        MLP mlp = seedNetwork(1);
        assertEquals(2 * 4 + 4 + 4 * 4 + 4 + 4 + 1, mlp.parameterCount());
        assertEquals(3, mlp.layers().size());
        assertEquals(2, mlp.inputSize());
        assertEquals(1, mlp.outputSize());
        assertEquals("MLP(2 -> 4 relu -> 4 relu -> 1 linear, 37 parameters)", mlp.toString());
        assertEquals("Layer(2 -> 4, relu, 12 parameters)", mlp.layers().get(0).toString());
    }

    @Test
    void flatParameterOrderIsLayerNeuronWeightsThenBias() {
        MLP mlp = MLP.of(3, 5, layer(2, TANH), layer(2, LINEAR));
        double[] flat = new double[mlp.parameterCount()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = i;
        }
        mlp.setParameterValues(flat);
        int nin = 3;
        for (int j = 0; j < 2; j++) {
            Neuron neuron = mlp.layers().get(0).neurons().get(j);
            for (int i = 0; i < nin; i++) {
                assertEquals(j * (nin + 1) + i, neuron.parameters().get(i).data(), "layer 0 neuron " + j + " weight " + i);
            }
            assertEquals(j * (nin + 1) + nin, neuron.parameters().get(nin).data(), "layer 0 neuron " + j + " bias");
        }
        int offset = 2 * (nin + 1);
        Neuron secondNeuronOfLastLayer = mlp.layers().get(1).neurons().get(1);
        assertEquals(offset + 3, secondNeuronOfLastLayer.parameters().get(0).data());
        assertEquals(offset + 5, secondNeuronOfLastLayer.parameters().get(2).data(), "its bias");
        assertArrayEquals(flat, mlp.parameterValues());
    }

    @Test
    void forwardOnDoublesOnValuesAndPredictAgree() {
        MLP mlp = MLP.of(2, 3, layer(5, RELU), layer(3, TANH), layer(2, SIGMOID));
        double[] x = {0.7, -1.2};
        double[] predicted = mlp.predict(x);
        Value[] fromDoubles = mlp.forward(x);
        Value[] fromValues = mlp.forward(Value.of(x));
        assertEquals(2, predicted.length);
        for (int k = 0; k < predicted.length; k++) {
            assertEquals(predicted[k], fromDoubles[k].data(), 1e-15);
            assertEquals(predicted[k], fromValues[k].data(), 1e-15);
        }
    }

    @Test
    void forwardMatchesTheFormulaByHand() {
        MLP mlp = MLP.of(2, 9, layer(1, TANH), layer(1, LINEAR));
        mlp.setParameterValues(new double[] {0.5, -0.25, 0.1, 2.0, -0.3});
        double hidden = Math.tanh(0.5 * 1.0 - 0.25 * 4.0 + 0.1);
        assertEquals(2.0 * hidden - 0.3, mlp.predict(new double[] {1.0, 4.0})[0], 1e-15);
    }

    @Test
    void parameterGradientsMatchFiniteDifferences() {
        MLP mlp = MLP.of(2, 11, layer(3, TANH), layer(2, SIGMOID), layer(1, LINEAR));
        double[] x = {0.4, -0.9};
        double[] p = mlp.parameterValues();
        mlp.zeroGrad();
        mlp.forward(x)[0].backward();
        double[] backprop = new double[p.length];
        mlp.addGradientsTo(backprop);
        double[] numeric = NumericalGradient.of(point -> {
            mlp.setParameterValues(point);
            return mlp.predict(x)[0];
        }, p);
        NumericalGradient.assertGradientsClose(numeric, backprop, 1e-7);
    }

    @Test
    void inputGradientsMatchFiniteDifferences() {
        MLP mlp = MLP.of(3, 4, layer(4, TANH), layer(1, SIGMOID));
        NumericalGradient.assertBackwardMatches(v -> mlp.forward(v)[0], new double[] {0.2, -0.5, 1.1}, 1e-7);
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        assertArrayEquals(seedNetwork(42).parameterValues(), seedNetwork(42).parameterValues());
        assertFalse(Arrays.equals(seedNetwork(42).parameterValues(), seedNetwork(43).parameterValues()));
    }

    @Test
    void biasesStartAtZeroAndWeightsAreNot() {
        for (Neuron neuron : seedNetwork(7).layers().get(1).neurons()) {
            List<Value> parameters = neuron.parameters();
            assertEquals(0.0, parameters.get(parameters.size() - 1).data());
            assertNotEquals(0.0, parameters.get(0).data());
        }
    }

    @Test
    void zeroGradClearsEveryParameter() {
        MLP mlp = seedNetwork(2);
        mlp.forward(new double[] {1.0, 2.0})[0].mul(3).backward();
        assertTrue(mlp.parameters().stream().anyMatch(p -> p.grad() != 0));
        mlp.zeroGrad();
        assertTrue(mlp.parameters().stream().allMatch(p -> p.grad() == 0));
    }

    @Test
    void parametersAreTheSameNodesOnEveryCall() {
        MLP mlp = seedNetwork(2);
        assertSame(mlp.parameters().get(5), mlp.parameters().get(5));
        assertThrows(UnsupportedOperationException.class, () -> mlp.parameters().clear());
    }

    @Test
    void wrongSizesGetClearErrors() {
        MLP mlp = seedNetwork(1);
        IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
                () -> mlp.predict(new double[] {1, 2, 3}));
        assertEquals("input must have length 2, got 3", input.getMessage());
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
                () -> mlp.setParameterValues(new double[5]));
        assertEquals("values must hold one number per parameter (37), got 5", flat.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MLP.of(2, 1));
        assertThrows(IllegalArgumentException.class, () -> MLP.of(2, 1, layer(3, RELU), null));
        assertThrows(IllegalArgumentException.class, () -> MLP.of(0, 1, layer(1, RELU)));
        assertThrows(IllegalArgumentException.class, () -> layer(0, RELU));
    }
}
