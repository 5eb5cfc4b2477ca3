package io.microautograd.train;

import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.losses.Loss;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Adam;
import org.junit.jupiter.api.Test;

/** The seed's regression example: learn y = 2 x1 + x2 - 3 from four points. */
class RegressionTrainingTest {

    private static final double[][] X = {{2.0, 3.0}, {1.0, -1.0}, {0.5, 2.0}, {-1.0, -2.0}};
    private static final double[] Y = {4.0, -2.0, 0.0, -7.0};

    /**
     * The seed's call at its learning rate 0.01. Its 200 epochs leave the MSE near 0.3 to 3
     * depending on the weights; 2000 reach it. Some weight seeds (1 and 2) let every relu of a
     * layer die and stall at the mean (MSE 3.125): a property of a 4-unit relu network, not of
     * the trainer.
     */
    @Test
    void seedsTrainCallDrivesMseBelow1e3() {
        MLP model = MLP.of(2, 0, layer(4, "relu"), layer(4, "relu"), layer(1, "linear"));
        double before = Evaluation.mse(model::predict, Dataset.of(X, Y));

        TrainingHistory history = Trainer.train(model, X, Y, Loss.MSE, 2000, 0.01);

        assertTrue(before > 1, "untrained MSE " + before);
        assertTrue(history.finalMetric("mse") < 1e-3, history.toString());
        assertTrue(Evaluation.mse(model::predict, Datasets.seedLinearExample()) < 1e-3);
        assertEquals(2000, history.losses().size());
    }

    @Test
    void adamWithMiniBatchesFitsTheSameData() {
        MLP model = MLP.of(2, 4, layer(4, "relu"), layer(4, "relu"), layer(1, "linear"));
        TrainingHistory history = Trainer.builder()
                .optimizer(new Adam(0.02))
                .epochs(600)
                .batchSize(2)
                .shuffleSeed(3)
                .metrics(Metric.mse())
                .quiet(true)
                .build()
                .fit(new ValueMlpModel(model, Loss.MSE), Datasets.seedLinearExample());
        assertTrue(history.finalMetric("mse") < 1e-3, history.toString());
    }

    @Test
    void tanhNetworkFitsTheSineCurve() {
        Dataset sine = Datasets.sine(40, 0, 5);
        MLP model = MLP.of(1, 2, layer(12, "tanh"), layer(12, "tanh"), layer(1, "linear"));
        double before = Evaluation.mse(model::predict, sine);
        TrainingHistory history = Trainer.builder()
                .optimizer(new Adam(0.02))
                .epochs(300)
                .batchSize(10)
                .metrics(Metric.mse())
                .quiet(true)
                .build()
                .fit(new ValueMlpModel(model, Loss.MSE), sine);
        assertTrue(before > 0.1, "untrained MSE " + before);
        assertTrue(history.finalMetric("mse") < 1e-3, history.toString());
    }
}
