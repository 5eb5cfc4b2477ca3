package io.microautograd.train;

import static io.microautograd.nn.Activation.LINEAR;
import static io.microautograd.nn.Activation.TANH;
import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.losses.Loss;
import io.microautograd.losses.NumericalGradient;
import io.microautograd.nn.MLP;
import org.junit.jupiter.api.Test;

class ValueMlpModelTest {

    private static final Dataset MOONS = Datasets.moons(12, 0.1, 2);
    private static final int[] BATCH = {0, 3, 4, 7, 11};

    private static ValueMlpModel model(double l2) {
        return new ValueMlpModel(MLP.of(2, 6, layer(5, TANH), layer(1, LINEAR)), Loss.BINARY_CROSS_ENTROPY_WITH_LOGITS, l2);
    }

    @Test
    void batchGradientMatchesFiniteDifferencesOfTheBatchLoss() {
        ValueMlpModel model = model(0.01);
        double[] p = model.parameters();
        double[] gradient = new double[p.length];
        double loss = model.lossAndGradient(MOONS, BATCH, gradient);

        double[] numeric = NumericalGradient.of(point -> batchLossOnDoubles(model, point), p);

        NumericalGradient.assertGradientsClose(numeric, gradient, 1e-7);
        assertEquals(batchLossOnDoubles(model, p), loss, 1e-12);
    }

    /** The batch loss recomputed from predictions: mean BCE-with-logits plus 0.01 sum p^2. */
    private static double batchLossOnDoubles(ValueMlpModel model, double[] point) {
        model.setParameters(point);
        double sum = 0;
        for (int i : BATCH) {
            double z = model.predict(MOONS.input(i))[0];
            double t = MOONS.target(i)[0];
            double p = 1 / (1 + Math.exp(-z));
            sum += -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
        }
        double squares = 0;
        for (double w : point) {
            squares += w * w;
        }
        return sum / BATCH.length + 0.01 * squares;
    }

    @Test
    void gradientIsAddedIntoTheCallersArray() {
        ValueMlpModel model = model(0);
        double[] once = new double[model.parameterCount()];
        model.lossAndGradient(MOONS, BATCH, once);
        double[] twice = new double[model.parameterCount()];
        model.lossAndGradient(MOONS, BATCH, twice);
        model.lossAndGradient(MOONS, BATCH, twice);
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-12 * Math.max(1, Math.abs(once[i])));
        }
    }

    @Test
    void flatParametersAreTheNetworksInItsOrder() {
        ValueMlpModel model = model(0);
        assertArrayEquals(model.network().parameterValues(), model.parameters());
        double[] shifted = model.parameters();
        shifted[3] += 1;
        model.setParameters(shifted);
        assertArrayEquals(shifted, model.network().parameterValues());
        assertEquals(21, model.parameterCount());
    }

    @Test
    void badCallsAreRejected() {
        ValueMlpModel model = model(0);
        IllegalArgumentException slots = assertThrows(IllegalArgumentException.class,
                () -> model.lossAndGradient(MOONS, BATCH, new double[3]));
        assertEquals("gradient must have one slot per parameter (21), got 3", slots.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.lossAndGradient(MOONS, new int[0], new double[21]));
        assertThrows(IllegalArgumentException.class, () -> model(-1));
        assertThrows(IllegalArgumentException.class, () -> new ValueMlpModel(null, Loss.MSE));
    }
}
