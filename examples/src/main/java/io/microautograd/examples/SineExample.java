package io.microautograd.examples;

import static io.microautograd.nn.LayerSpec.layer;

import io.microautograd.compiled.CompiledMlp;
import io.microautograd.compiled.CompiledMlpModel;
import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.examples.plot.FitPlot;
import io.microautograd.examples.plot.LossCurvePlot;
import io.microautograd.examples.plot.PngFile;
import io.microautograd.losses.Loss;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Adam;
import io.microautograd.optim.LearningRateSchedule;
import io.microautograd.train.Metric;
import io.microautograd.train.Predictor;
import io.microautograd.train.TrainableModel;
import io.microautograd.train.Trainer;
import io.microautograd.train.TrainingHistory;
import io.microautograd.train.ValueMlpModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nonlinear function approximation: a 1-12-12-1 tanh network learns sin(x) on [-pi, pi] from
 * noisy samples, with Adam on mini-batches, on the {@code Value} engine and on the gradient the
 * build compiled for the runtime's {@link CompiledMlpModel}, from the same weights. Reports the error
 * against the true curve, not only against the noisy targets, since that is what "learned the
 * function" means.
 */
final class SineExample implements Example {

    static final int SAMPLES = 60;
    static final double NOISE = 0.05;
    static final int EPOCHS = 800;
    static final int BATCH = 10;
    /** Points of the true curve the fit is scored on. */
    static final int CHECK_POINTS = 200;

    @Override
    public String name() {
        return "sine";
    }

    @Override
    public String description() {
        return "a 1-12-12-1 tanh network learns sin(x) from noisy samples, on both paths; fit, loss curves";
    }

    @Override
    public ExampleResult run(ExampleContext context) {
        Dataset data = Datasets.sine(SAMPLES, NOISE, 5);
        MLP mlp = MLP.of(1, 2, layer(12, "tanh"), layer(12, "tanh"), layer(1, "linear"));
        CompiledMlpModel compiled = new CompiledMlpModel(CompiledMlp.from(mlp), Loss.MSE, 0);
        TrainingHistory dynamic = train(new ValueMlpModel(mlp, Loss.MSE), data);
        TrainingHistory generated = train(compiled, data);

        double curveError = maxErrorAgainstSine(mlp::predict);
        double apart = Vectors.largestDifference(compiled.network().parameters(), mlp.parameterValues());
        context.printf("training MSE %.5f (noise variance %.5f); largest error against sin(x) on [-pi, pi]: %.3f%n",
                dynamic.finalMetric("mse"), NOISE * NOISE, curveError);
        context.printf("compiled and Value-engine training end %.1e apart%n", apart);

        Map<String, List<Double>> curves = new LinkedHashMap<>();
        curves.put("Value engine", dynamic.losses());
        curves.put("compiled gradient (CompiledMlpModel)", generated.losses());
        return new ExampleResult()
                .file(PngFile.write(FitPlot.of("sin(x) learned by a 1-12-12-1 tanh MLP", data, Math::sin,
                        x -> mlp.predict(new double[] {x})[0], -Math.PI, Math.PI), context.picture("sine-fit.png")))
                .file(PngFile.write(LossCurvePlot.of("sin(x): training loss (MSE)", "epoch", curves),
                        context.picture("sine-loss.png")))
                .measure("mse", dynamic.finalMetric("mse"))
                .measure("max curve error", curveError)
                .measure("compiled max curve error", maxErrorAgainstSine(compiled))
                .measure("distance between paths", apart);
    }

    /**
     * Adam on mini-batches of 10, reshuffled every epoch from the trainer's default seed, its
     * rate easing from 0.02 to 0.0005 along a cosine so that the last epochs settle.
     */
    private static TrainingHistory train(TrainableModel model, Dataset data) {
        int steps = EPOCHS * (SAMPLES / BATCH);
        return Trainer.builder()
                .optimizer(new Adam(LearningRateSchedule.cosineDecay(0.02, 0.0005, steps)))
                .epochs(EPOCHS)
                .batchSize(BATCH)
                .metrics(Metric.mse())
                .quiet(true)
                .build()
                .fit(model, data);
    }

    private static double maxErrorAgainstSine(Predictor model) {
        double worst = 0;
        for (int i = 0; i < CHECK_POINTS; i++) {
            double x = -Math.PI + 2 * Math.PI * i / (CHECK_POINTS - 1);
            worst = Math.max(worst, Math.abs(model.predict(new double[] {x})[0] - Math.sin(x)));
        }
        return worst;
    }
}
