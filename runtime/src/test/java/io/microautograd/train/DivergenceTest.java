package io.microautograd.train;

import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.engine.Op;
import io.microautograd.losses.Loss;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Sgd;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Training stops on NaN or infinity with a message that says where and what to try. */
class DivergenceTest {

    private static final Dataset FOUR_SAMPLES = Datasets.seedLinearExample();

    private static Trainer sgd(double rate, int epochs, int batchSize) {
        return Trainer.builder().optimizer(new Sgd(rate)).epochs(epochs).batchSize(batchSize)
                .quiet(true).build();
    }

    @Test
    void nanGradientNamesEpochStepAndParameter() {
        // Two steps per epoch; call 6 is epoch 3, step 2.
        ScriptedModel model = new ScriptedModel(1, 2, 3, 4).failingFrom(6, 0.5, 2, Double.NaN);

        TrainingDivergedException error =
                assertThrows(TrainingDivergedException.class, () -> sgd(0.1, 10, 2).fit(model, FOUR_SAMPLES));

        assertEquals("Training diverged in epoch 3, step 2: the first non-finite gradient is that of parameter 2"
                + " (NaN). The model keeps its parameters from before this step. Try a lower learning rate,"
                + " or clip the gradients with optimizer.withClipping(GradientClipping.byGlobalNorm(1.0)).",
                error.getMessage());
        assertEquals(3, error.epoch());
        assertEquals(2, error.step());
        assertEquals(2, error.parameterIndex());
        assertEquals(6, model.batches.size(), "no step after the bad one");
        double[] afterFiveSteps = {1, 2, 3, 4};
        for (int i = 0; i < afterFiveSteps.length; i++) {
            afterFiveSteps[i] *= Math.pow(0.9, 5);
        }
        assertArrayEquals(afterFiveSteps, model.parameters(), 1e-12, "five good steps p -= 0.1 p, none after");
    }

    @Test
    void infiniteLossIsReportedWithTheFirstBadGradient() {
        ScriptedModel model = new ScriptedModel(1, 2, 3).failingFrom(1, Double.POSITIVE_INFINITY, 1,
                Double.NEGATIVE_INFINITY);
        TrainingDivergedException error =
                assertThrows(TrainingDivergedException.class, () -> sgd(0.1, 5, 4).fit(model, FOUR_SAMPLES));
        assertTrue(error.getMessage().startsWith("Training diverged in epoch 1, step 1: the loss is Infinity and"
                + " the first non-finite gradient is that of parameter 1 (-Infinity)."), error.getMessage());
        assertArrayEquals(new double[] {1, 2, 3}, model.parameters(), "no update was made");
    }

    @Test
    void nanLossWithFiniteGradientsHasNoParameter() {
        ScriptedModel model = new ScriptedModel(1, 2).failingFrom(2, Double.NaN, -1, 0);
        TrainingDivergedException error =
                assertThrows(TrainingDivergedException.class, () -> sgd(0.1, 5, 4).fit(model, FOUR_SAMPLES));
        assertTrue(error.getMessage().startsWith(
                "Training diverged in epoch 2, step 1: the loss is NaN and every gradient is finite."), error.getMessage());
        assertEquals(-1, error.parameterIndex());
    }

    @Test
    void overflowingUpdateIsCaughtBeforeTheModelSeesIt() {
        ScriptedModel model = new ScriptedModel(1, 2, 3).failingFrom(1, 0.5, 1, 1e300);
        TrainingDivergedException error =
                assertThrows(TrainingDivergedException.class, () -> sgd(1e10, 3, 4).fit(model, FOUR_SAMPLES));
        assertEquals(1, error.parameterIndex());
        assertTrue(error.getMessage().startsWith("Training diverged in epoch 1, step 1: the update made parameter 1"
                + " -Infinity (the gradient was finite)."), error.getMessage());
        assertArrayEquals(new double[] {1, 2, 3}, model.parameters(), "the model never saw the update");
    }

    /** x log x with the derivative log x + 1 of x &gt; 0 only: at a negative output the rule makes NaN. */
    @Test
    void aRuleThatMakesNanIsNamedWithTheParameter() {
        Op.Unary xLogX = Op.unary("xlogx", x -> x > 0 ? x * Math.log(x) : 0, (x, y) -> Math.log(x) + 1);
        MLP mlp = MLP.of(1, 0, layer(1, "linear"));
        mlp.setParameterValues(new double[] {1, -5});
        ValueMlpModel model = new ValueMlpModel(mlp, (out, target) -> xLogX.apply(out[0]).sub(target[0]));
        Dataset one = Dataset.of(new double[][] {{1}}, new double[] {0});

        TrainingDivergedException error =
                assertThrows(TrainingDivergedException.class, () -> sgd(0.1, 3, 1).fit(model, one));

        assertEquals("Training diverged in epoch 1, step 1: the first non-finite gradient is that of parameter 0"
                + " (NaN); the first non-finite number of the graph: the backward rule of operation \"xlogx\" made NaN"
                + " for input 0 out of finite numbers (inputs [-4.0], output 0.0, gradient 1.0). The model keeps its"
                + " parameters from before this step. Try a lower learning rate, or clip the gradients with"
                + " optimizer.withClipping(GradientClipping.byGlobalNorm(1.0)).", error.getMessage());
        assertArrayEquals(new double[] {1, -5}, mlp.parameterValues());
    }

    /** A network driven off a cliff: at learning rate 10 each step multiplies the seed regression's error. */
    @Test
    void explodingNetworkStopsWithTheMessage() {
        MLP mlp = MLP.of(2, 0, layer(4, "relu"), layer(4, "relu"), layer(1, "linear"));
        ValueMlpModel model = new ValueMlpModel(mlp, Loss.MSE);

        TrainingDivergedException error =
                assertThrows(TrainingDivergedException.class, () -> sgd(10, 1000, 4).fit(model, FOUR_SAMPLES));

        assertTrue(error.getMessage().matches("Training diverged in epoch \\d+, step 1: the loss is (Infinity|NaN).*"
                + " Try a lower learning rate, or clip the gradients with .*"), error.getMessage());
        assertTrue(error.epoch() < 1000, "stopped early, in epoch " + error.epoch());
        assertTrue(Arrays.stream(mlp.parameterValues()).allMatch(Double::isFinite), "the network keeps finite parameters");
    }
}
