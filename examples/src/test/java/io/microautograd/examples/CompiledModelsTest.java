package io.microautograd.examples;

import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.losses.Loss;
import io.microautograd.nn.MLP;
import io.microautograd.train.TrainableModel;
import io.microautograd.train.ValueMlpModel;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples' own compiled model (a user-written {@code @Differentiable} linear model) against
 * the {@code Value} engine's network with the same layer and loss (the runtime's compiled MLP
 * has its own cross-path tests): the same loss, gradient and predictions, to the last bit (both add the same
 * terms in the same order; gradients compared from a zeroed array, as the trainer hands them),
 * and gradients against central finite differences.
 */
class CompiledModelsTest {

    private static final Dataset LINE = Datasets.linear(12, 0.3, 8);
    private static final int[] BATCH = {0, 3, 4, 7, 11};

    /** A compiled model and the Value-engine model it must match, built from one MLP. */
    record Pair(TrainableModel compiled, ValueMlpModel dynamic, Dataset data) {
        static Pair of(MLP mlp, Function<MLP, TrainableModel> compiled, Loss loss, double l2, Dataset data) {
            return new Pair(compiled.apply(mlp), new ValueMlpModel(mlp, loss, l2), data);
        }
    }

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(Named.of("linear regression", Pair.of(MLP.of(2, 6, layer(1, "linear")),
                        mlp -> new CompiledLinearRegression(mlp.parameterValues()), Loss.MSE, 0, LINE))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void lossGradientAndPredictionsEqualTheValueEngines(Pair pair) {
        double[] compiledGradient = new double[pair.compiled().parameterCount()];
        double[] dynamicGradient = new double[pair.dynamic().parameterCount()];
        double compiledLoss = pair.compiled().lossAndGradient(pair.data(), BATCH, compiledGradient);
        double dynamicLoss = pair.dynamic().lossAndGradient(pair.data(), BATCH, dynamicGradient);

        assertEquals(dynamicLoss, compiledLoss);
        assertArrayEquals(dynamicGradient, compiledGradient);
        assertTrue(Arrays.stream(compiledGradient).anyMatch(g -> g != 0), "the gradient is not all zero");

        double[] accumulated = filled(compiledGradient.length, 0.5);
        pair.compiled().lossAndGradient(pair.data(), BATCH, accumulated);
        for (int k = 0; k < accumulated.length; k++) {
            assertEquals(0.5 + compiledGradient[k], accumulated[k], 1e-12, "adds into the caller's array at " + k);
        }
        for (int i = 0; i < pair.data().size(); i++) {
            double[] input = pair.data().input(i);
            assertArrayEquals(pair.dynamic().predict(input), pair.compiled().predict(input), "sample " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void gradientMatchesCentralDifferences(Pair pair) {
        TrainableModel model = pair.compiled();
        double[] start = model.parameters();
        double[] gradient = new double[start.length];
        model.lossAndGradient(pair.data(), BATCH, gradient);
        double h = 1e-6;
        for (int k = 0; k < start.length; k += Math.max(1, start.length / 25)) {
            double[] up = start.clone();
            double[] down = start.clone();
            up[k] += h;
            down[k] -= h;
            model.setParameters(up);
            double above = model.lossAndGradient(pair.data(), BATCH, new double[start.length]);
            model.setParameters(down);
            double below = model.lossAndGradient(pair.data(), BATCH, new double[start.length]);
            double numeric = (above - below) / (2 * h);
            assertEquals(numeric, gradient[k], 1e-5 * Math.max(1, Math.abs(numeric)), "parameter " + k);
        }
        model.setParameters(start);
    }

    @Test
    void wrongSizesAreErrorsThatSayWhatTheParametersAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CompiledLinearRegression(new double[2]));
        assertEquals("initial must hold 3 parameters (w1, w2, b), got 2", e.getMessage());
        CompiledModel model = new CompiledLinearRegression(new double[3]);
        assertThrows(IllegalArgumentException.class, () -> model.setParameters(new double[4]));
        assertThrows(IllegalArgumentException.class, () -> model.lossAndGradient(LINE, new int[0], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> model.lossAndGradient(LINE, new int[] {0}, new double[2]));
    }

    private static double[] filled(int length, double value) {
        double[] array = new double[length];
        Arrays.fill(array, value);
        return array;
    }
}
