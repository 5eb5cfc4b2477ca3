package io.microautograd.train;

import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.gradcheck.GradientCheckReport;
import io.microautograd.gradcheck.GradientMismatchError;
import io.microautograd.losses.Loss;
import io.microautograd.nn.Activation;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Objective;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The user-facing gradient check on the {@code Value}-engine model, for every hidden activation and loss. */
class ValueMlpGradientCheckTest {

    private static final Dataset MOONS = Datasets.moons(20, 0.1, 4);
    private static final int[] BATCH = {1, 2, 5, 8, 13, 19};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void batchLossGradientPassesForEveryLossAndHiddenActivation(Activation hidden) {
        Loss[] losses = {Loss.MSE, Loss.HINGE, Loss.BINARY_CROSS_ENTROPY_WITH_LOGITS};
        for (Loss loss : losses) {
            ValueMlpModel model = new ValueMlpModel(MLP.of(2, 11, layer(5, hidden), layer(3, hidden),
                    layer(1, Activation.LINEAR)), loss, 1e-3);
            GradientCheck.standard().assertGradient(model.batchObjective(MOONS, BATCH), model.parameters());
        }
        ValueMlpModel probabilities = new ValueMlpModel(MLP.of(2, 11, layer(5, hidden),
                layer(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 1e-3);
        GradientCheck.standard().assertGradientNear(probabilities.batchObjective(MOONS, BATCH),
                probabilities.parameters(), 0.1, 3, 5);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "SIGMOID"})
    void gradientWithAMissingL2TermIsCaught(Activation hidden) {
        ValueMlpModel model = new ValueMlpModel(MLP.of(2, 3, layer(4, hidden), layer(1, Activation.LINEAR)),
                Loss.MSE, 0.05);
        Objective right = model.batchObjective(MOONS, BATCH);
        // The gradient forgets the penalty's 2 * 0.05 * p, while the value keeps it.
        Objective forgetsPenalty = (p, g) -> {
            double value = right.valueAndGradient(p, g);
            for (int i = 0; i < p.length; i++) {
                g[i] -= 0.1 * p[i];
            }
            return value;
        };
        GradientMismatchError error = assertThrows(GradientMismatchError.class,
                () -> GradientCheck.standard().assertGradient(forgetsPenalty, model.parameters()));
        GradientCheckReport report = error.report();
        assertFalse(report.passed(), report.toString());
    }
}
