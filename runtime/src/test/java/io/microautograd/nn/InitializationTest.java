package io.microautograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Weight scales per activation: He for relu, Glorot for tanh, sigmoid and linear. */
class InitializationTest {

    @ParameterizedTest
    @CsvSource({
        "RELU, 400, 50, 0.005",      // He: 2 / fanIn
        "TANH, 400, 100, 0.004",     // Glorot: 2 / (fanIn + fanOut)
        "SIGMOID, 300, 200, 0.004",
        "LINEAR, 150, 50, 0.01",
    })
    void weightsHaveTheSchemesVarianceAndBound(Activation activation, int fanIn, int fanOut, double variance) {
        Layer layer = new Layer(fanIn, fanOut, activation, 3);
        double limit = Math.sqrt(3 * variance);
        double sumOfSquares = 0;
        int count = 0;
        for (Neuron neuron : layer.neurons()) {
            for (Value weight : neuron.parameters().subList(0, fanIn)) {
                assertTrue(Math.abs(weight.data()) <= limit, "weight " + weight.data() + " within " + limit);
                sumOfSquares += weight.data() * weight.data();
                count++;
            }
        }
        assertEquals(variance, sumOfSquares / count, 0.03 * variance, "variance over " + count + " weights");
    }

    @Test
    void activationsChooseTheirScheme() {
        assertEquals(Initialization.HE, Activation.RELU.initialization());
        assertEquals(Initialization.GLOROT, Activation.TANH.initialization());
        assertEquals(Initialization.GLOROT, Activation.SIGMOID.initialization());
        assertEquals(Initialization.GLOROT, Activation.LINEAR.initialization());
    }
}
