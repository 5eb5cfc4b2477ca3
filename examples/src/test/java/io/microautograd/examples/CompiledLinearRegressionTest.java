package io.microautograd.examples;

import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.losses.Loss;
import io.microautograd.nn.MLP;
import io.microautograd.train.ValueMlpModel;
import org.junit.jupiter.api.Test;

/** The compiled linear model against the Value engine's one-neuron network, and its bad input. */
class CompiledLinearRegressionTest {

    private static final Dataset DATA = Datasets.linear(12, 0.3, 8);

    @Test
    void lossAndGradientOfABatchAgreeWithTheValueEngine() {
        MLP neuron = MLP.of(2, 6, layer(1, "linear"));
        CompiledLinearRegression compiled = new CompiledLinearRegression(neuron.parameterValues());
        ValueMlpModel dynamic = new ValueMlpModel(neuron, Loss.mse());
        int[] batch = {0, 3, 4, 7, 11};

        double[] compiledGradient = {0.5, 0.5, 0.5};
        double[] dynamicGradient = {0.5, 0.5, 0.5};
        double compiledLoss = compiled.lossAndGradient(DATA, batch, compiledGradient);
        double dynamicLoss = dynamic.lossAndGradient(DATA, batch, dynamicGradient);

        assertEquals(dynamicLoss, compiledLoss, 1e-12);
        assertArrayEquals(dynamicGradient, compiledGradient, 1e-12, "both add into the caller's array");
        double[] input = DATA.input(5);
        assertEquals(dynamic.predict(input)[0], compiled.predict(input)[0], 1e-12);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        double[] start = {0.3, -1.1, 0.7};
        double[] gradient = new double[3];
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        new CompiledLinearRegression(start).lossAndGradient(DATA, all, gradient);
        double h = 1e-6;
        for (int k = 0; k < 3; k++) {
            double[] up = start.clone();
            double[] down = start.clone();
            up[k] += h;
            down[k] -= h;
            double numeric = (new CompiledLinearRegression(up).lossAndGradient(DATA, all, new double[3])
                    - new CompiledLinearRegression(down).lossAndGradient(DATA, all, new double[3])) / (2 * h);
            assertEquals(numeric, gradient[k], 1e-6 * Math.max(1, Math.abs(numeric)), "parameter " + k);
        }
    }

    @Test
    void wrongSizesAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> new CompiledLinearRegression(new double[2]));
        CompiledLinearRegression model = new CompiledLinearRegression(new double[3]);
        assertThrows(IllegalArgumentException.class, () -> model.setParameters(new double[4]));
        assertThrows(IllegalArgumentException.class, () -> model.lossAndGradient(DATA, new int[0], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> model.lossAndGradient(DATA, new int[] {0}, new double[2]));
    }
}
