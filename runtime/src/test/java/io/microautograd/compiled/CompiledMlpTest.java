package io.microautograd.compiled;

import static io.microautograd.nn.Activation.LINEAR;
import static io.microautograd.nn.Activation.RELU;
import static io.microautograd.nn.Activation.SIGMOID;
import static io.microautograd.nn.Activation.TANH;
import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.data.Dataset;
import io.microautograd.losses.Loss;
import io.microautograd.nn.Activation;
import io.microautograd.nn.LayerSpec;
import io.microautograd.nn.MLP;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compiled MLP's architecture, initialisation, predictions and conversion to and from the Value MLP. */
class CompiledMlpTest {

    private static final LayerSpec[] SPECS = {layer(5, RELU), layer(4, TANH), layer(3, SIGMOID), layer(2, LINEAR)};

    @Test
    void sameSeedGivesTheValueMlpsWeightsAndArchitecture() {
        CompiledMlp compiled = CompiledMlp.of(3, 17, SPECS);
        MLP value = MLP.of(3, 17, SPECS);

        assertArrayEquals(value.parameterValues(), compiled.parameters());
        assertEquals(value.parameterCount(), compiled.parameterCount());
        assertEquals(List.of(SPECS), compiled.layers());
        assertEquals(3, compiled.inputSize());
        assertEquals(2, compiled.outputSize());
        assertEquals(value.toString().replace("MLP(", "CompiledMlp("), compiled.toString());
    }

    @Test
    void predictionsMatchTheValueMlpForEveryActivation() {
        MLP value = MLP.of(3, 8, SPECS);
        CompiledMlp compiled = CompiledMlp.from(value);
        double[][] inputs = {{0.3, -1.2, 2.0}, {0, 0, 0}, {-3, 0.5, 1e-3}};
        for (double[] x : inputs) {
            double[] expected = value.predict(x);
            double[] actual = compiled.predict(x);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], actual[k], 1e-15 * Math.max(1, Math.abs(expected[k])), "output " + k);
            }
        }
    }

    /**
     * predict runs a forward pass of its own, beside the training kernels': the three must agree
     * to the bit, or a prediction would not be the number training saw. The kernel's MSE of one
     * sample and one output is exactly (out - t)^2, so it pins both the value and its sign.
     * Fan-ins of 3, 6 and 4 take both the four-input passes and the leftover inputs; the weights
     * and biases are drawn at random (a new network's biases are 0, which would hide the order
     * in which a bias is added). The row kernel is also given all three inputs as one batch: its
     * summed loss is the predictions' squared errors added in order.
     */
    @Test
    void aPredictionIsTheTrainingKernelsForwardPassBitForBit() {
        double[][] inputs = {{0.7, -1.3, 0.25}, {-2.5, 0.4, 3.0}, {0.01, 0.02, -0.03}};
        double target = 0.5;
        Random random = new Random(9);
        for (Activation hidden : Activation.values()) {
            for (Activation output : Activation.values()) {
                CompiledMlp net = CompiledMlp.of(3, 4, layer(6, hidden), layer(4, hidden), layer(1, output));
                net.setParameters(random.doubles(net.parameterCount(), -1, 1).toArray());
                KernelParameters kernel = new KernelParameters(net.layout().encoded());
                kernel.load(net.parameterArray());
                double summed = 0;
                for (double[] x : inputs) {
                    double error = net.predict(x)[0] - target;
                    summed += error * error;
                }
                assertEquals(summed, MlpKernels.rowBatch(kernel.weights, kernel.biases, net.layout().encoded(),
                        inputs, new double[][] {{target}, {target}, {target}}, MlpKernels.MSE), 0,
                        "rows, three samples, " + hidden + " hidden, " + output + " output");
                for (double[] x : inputs) {
                    double prediction = net.predict(x)[0];
                    double squared = (prediction - target) * (prediction - target);
                    double[][] targets = {{target}};
                    assertEquals(squared, MlpKernels.rowBatch(kernel.weights, kernel.biases, net.layout().encoded(),
                            new double[][] {x}, targets, MlpKernels.MSE), 0,
                            "rows, " + hidden + " hidden, " + output + " output, input " + Arrays.toString(x));
                    assertEquals(squared, MlpKernels.columnBatch(net.parameterArray(), net.layout().encoded(),
                            new double[][] {{x[0]}, {x[1]}, {x[2]}}, targets, MlpKernels.MSE), 0,
                            "columns, " + hidden + " hidden, " + output + " output, input " + Arrays.toString(x));
                }
            }
        }
    }

    @Test
    void conversionCarriesTheSameWeightsBothWays() {
        MLP original = MLP.of(3, 8, SPECS);
        CompiledMlp compiled = CompiledMlp.from(original);
        double[] changed = compiled.parameters();
        changed[0] = 0.25;
        changed[changed.length - 1] = -4;
        compiled.setParameters(changed);

        MLP back = compiled.toValueMlp();
        assertNotSame(original, back);
        assertArrayEquals(changed, back.parameterValues());
        assertEquals(original.toString(), back.toString());
        assertArrayEquals(changed, CompiledMlp.from(back).parameters());
        double[] x = {0.1, 0.2, 0.3};
        assertArrayEquals(back.predict(x), compiled.predict(x), 1e-15);
    }

    @Test
    void networksAreIndependentAfterConversion() {
        MLP value = MLP.of(3, 8, SPECS);
        CompiledMlp compiled = CompiledMlp.from(value);
        double[] before = compiled.parameters();
        value.setParameterValues(new double[value.parameterCount()]);
        assertArrayEquals(before, compiled.parameters(), "from() copies the weights");
        compiled.parameters()[0] = 99;
        assertArrayEquals(before, compiled.parameters(), "parameters() is a copy");
    }

    @Test
    void layoutRecordsEachLayersWiringInParameterOrder() {
        int[] layout = new MlpLayout(2, List.of(layer(3, TANH), layer(1, LINEAR))).encoded();
        // 4 computed units (3 hidden, 1 output), 2 + 3 rows of transposed weights, 3 units in the widest
        // layer; the hidden layer reads the 2 inputs (weights 0-8 with their biases), units 0-2, rows 0-1;
        // the output reads the 3 hidden units (weights 9-12), unit 3, rows 2-4
        assertArrayEquals(new int[] {2, 1, 2, 4, 5, 3,
            2, 3, 0, 0, 0, MlpKernels.TANH,
            3, 1, 9, 3, 2, MlpKernels.LINEAR}, layout);
    }

    /** The kernel's rows are a permutation of the parameters: a load and a gradient move each number once. */
    @Test
    void kernelParametersAreAPermutationOfTheParameters() {
        CompiledMlp net = CompiledMlp.of(3, 4, SPECS);
        double[] params = new Random(5).doubles(net.parameterCount(), -1, 1).toArray();
        KernelParameters kernel = new KernelParameters(net.layout().encoded());
        kernel.load(params);
        for (int row = 0; row < kernel.weights.length; row++) {
            System.arraycopy(kernel.weights[row], 0, kernel.weightAdjoints[row], 0, kernel.weights[row].length);
        }
        System.arraycopy(kernel.biases, 0, kernel.biasAdjoints, 0, kernel.biases.length);
        double[] back = new double[params.length];
        kernel.addGradientTo(back);
        assertArrayEquals(params, back);
    }

    /**
     * The model's flat order is the kernels': within a layer, the weight of input i of unit j at
     * i * size + j and the biases last, where the network's own parameters() keep MLP's order.
     */
    @Test
    void theModelSpeaksTheCompiledOrderAndConvertsToTheNetworksOrder() {
        CompiledMlp net = CompiledMlp.of(2, 1, layer(3, RELU), layer(1, LINEAR));
        // MLP's order: unit by unit, each unit's weights then its bias
        double[] networkOrder = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
        net.setParameters(networkOrder);
        CompiledMlpModel model = new CompiledMlpModel(net, Loss.MSE, 0);

        // the hidden layer's input 0 to units 0-2, input 1 to units 0-2, the biases; then the output
        // layer, whose one unit's weights and bias are in the same order either way
        assertArrayEquals(new double[] {1, 4, 7, 2, 5, 8, 3, 6, 9, 10, 11, 12, 13}, model.parameters());
        assertArrayEquals(networkOrder, model.toNetworkOrder(model.parameters()));
        assertArrayEquals(networkOrder, net.parameters());
        double[] changed = model.parameters();
        changed[1] = -4;
        model.setParameters(changed);
        assertEquals(-4, net.parameters()[3], "the model's setParameters writes the network's weights");
        assertEquals("values must hold one number per parameter (13), got 2", assertThrows(
                IllegalArgumentException.class, () -> model.toNetworkOrder(new double[2])).getMessage());
        assertEquals("values must hold one number per parameter (13), got 2", assertThrows(
                IllegalArgumentException.class, () -> model.setParameters(new double[2])).getMessage());
    }

    @Test
    void kernelsUseTheValueEnginesProbabilityClamp() {
        CompiledMlp net = CompiledMlp.of(1, 0, layer(1, SIGMOID));
        net.setParameters(new double[] {0, 40});
        double loss = new CompiledMlpModel(net, Loss.BINARY_CROSS_ENTROPY, 0).lossAndGradient(
                Dataset.of(new double[][] {{1}}, new double[] {0}), new int[] {0}, new double[2]);
        assertEquals(-Math.log(Loss.PROBABILITY_EPSILON), loss, 1e-6, "a confident wrong answer costs about 16");
    }

    @Test
    void badArgumentsAreNamed() {
        CompiledMlp compiled = CompiledMlp.of(2, 1, layer(3, RELU), layer(1, LINEAR));
        assertEquals("input must have length 2, got 3", assertThrows(IllegalArgumentException.class,
                () -> compiled.predict(new double[3])).getMessage());
        assertEquals("values must hold one number per parameter (13), got 1", assertThrows(
                IllegalArgumentException.class, () -> compiled.setParameters(new double[1])).getMessage());
        assertEquals("an MLP needs at least one layer, got none", assertThrows(IllegalArgumentException.class,
                () -> CompiledMlp.of(2, 1)).getMessage());
        assertEquals("the number of inputs must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> CompiledMlp.of(0, 1, layer(1, LINEAR))).getMessage());
        CompiledMlp twoOutputs = CompiledMlp.of(2, 1, layer(2, LINEAR));
        assertEquals("HINGE needs a network with one output, got 2", assertThrows(
                IllegalArgumentException.class, () -> new CompiledMlpModel(twoOutputs, Loss.HINGE, 0))
                .getMessage());
        CompiledMlpModel model = new CompiledMlpModel(compiled, Loss.HINGE, 0);
        assertEquals("hinge label must be 1 for the positive class and 0 or -1 for the negative class, got 0.5",
                assertThrows(IllegalArgumentException.class, () -> model.lossAndGradient(
                        Dataset.of(new double[][] {{1, 2}}, new double[] {0.5}), new int[] {0},
                        new double[13])).getMessage());
        assertEquals("the network reads inputs of width 2, the data's are of width 3", assertThrows(
                IllegalArgumentException.class, () -> model.lossAndGradient(
                        Dataset.of(new double[][] {{1, 2, 3}}, new double[] {1}), new int[] {0},
                        new double[13])).getMessage());
        assertEquals("l2Strength must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> new CompiledMlpModel(compiled, Loss.MSE, -1)).getMessage());
        assertEquals("SOFTMAX_CROSS_ENTROPY needs a network with one output per class, at least two, got 1",
                assertThrows(IllegalArgumentException.class,
                        () -> new CompiledMlpModel(compiled, Loss.SOFTMAX_CROSS_ENTROPY, 0)).getMessage());
        CompiledMlpModel classifier = new CompiledMlpModel(CompiledMlp.of(2, 1, layer(3, LINEAR)),
                Loss.SOFTMAX_CROSS_ENTROPY, 0);
        assertEquals("softmax cross-entropy label must be a class index, an integer from 0 to 2, got 3.0",
                assertThrows(IllegalArgumentException.class, () -> classifier.lossAndGradient(
                        Dataset.of(new double[][] {{1, 2}}, new double[] {3}), new int[] {0}, new double[9]))
                        .getMessage());
        assertEquals("SOFTMAX_CROSS_ENTROPY needs target rows of width 1 for a network of output width 3, got "
                + "width 3", assertThrows(IllegalArgumentException.class, () -> classifier.lossAndGradient(
                        new Dataset(new double[][] {{1, 2}}, new double[][] {{0, 1, 0}}), new int[] {0},
                        new double[9])).getMessage());
    }
}
