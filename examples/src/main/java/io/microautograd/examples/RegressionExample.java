package io.microautograd.examples;

import static io.microautograd.nn.LayerSpec.layer;

import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.examples.plot.LossCurvePlot;
import io.microautograd.examples.plot.PngFile;
import io.microautograd.losses.Loss;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Sgd;
import io.microautograd.train.Metric;
import io.microautograd.train.TrainableModel;
import io.microautograd.train.Trainer;
import io.microautograd.train.TrainingHistory;
import io.microautograd.train.ValueMlpModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Linear regression on the seed's function y = 2 x1 + x2 - 3: one linear neuron learns the
 * weights 2 and 1 and the bias -3 from noisy samples, by full-batch gradient descent on the
 * mean squared error. Trained twice from the same start by the same trainer: on the
 * {@code Value} engine, and on the gradient the build compiled from {@link LinearModel}; the two
 * runs end with the same parameters to the last bit.
 */
final class RegressionExample implements Example {

    static final int SAMPLES = 50;
    static final double NOISE = 0.1;
    static final int EPOCHS = 60;
    static final double LEARNING_RATE = 0.1;

    @Override
    public String name() {
        return "regression";
    }

    @Override
    public String description() {
        return "linear regression of y = 2*x1 + x2 - 3, on both paths; loss curves";
    }

    @Override
    public ExampleResult run(ExampleContext context) {
        Dataset data = Datasets.linear(SAMPLES, NOISE, 3);
        MLP model = MLP.of(2, 0, layer(1, "linear"));
        CompiledLinearRegression compiled = new CompiledLinearRegression(model.parameterValues());
        TrainingHistory dynamic = train(new ValueMlpModel(model, Loss.MSE), data);
        TrainingHistory generated = train(compiled, data);

        double[] learned = compiled.parameters();
        double apart = Vectors.largestDifference(learned, model.parameterValues());
        context.printf("learned w1 = %.3f, w2 = %.3f, b = %.3f (truth: y = 2*x1 + 1*x2 - 3)%n",
                learned[0], learned[1], learned[2]);
        context.printf("training MSE after %d epochs: %.5f (noise variance %.5f)%n",
                EPOCHS, generated.finalMetric("mse"), NOISE * NOISE);
        context.printf("compiled and Value-engine training end %.1e apart%n", apart);

        Map<String, List<Double>> curves = new LinkedHashMap<>();
        curves.put("compiled gradient (LinearModelGrad)", generated.losses());
        curves.put("Value engine", dynamic.losses());
        return new ExampleResult()
                .file(PngFile.write(LossCurvePlot.of("Linear regression: training loss", "epoch", curves),
                        context.picture("regression-loss.png")))
                .measure("w1", learned[0])
                .measure("w2", learned[1])
                .measure("b", learned[2])
                .measure("mse", generated.finalMetric("mse"))
                .measure("distance between paths", apart);
    }

    private static TrainingHistory train(TrainableModel model, Dataset data) {
        return Trainer.builder()
                .optimizer(new Sgd(LEARNING_RATE))
                .epochs(EPOCHS)
                .metrics(Metric.mse())
                .quiet(true)
                .build()
                .fit(model, data);
    }
}
