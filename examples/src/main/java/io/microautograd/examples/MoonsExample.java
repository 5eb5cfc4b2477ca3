package io.microautograd.examples;

import static io.microautograd.nn.LayerSpec.layer;

import io.microautograd.compiled.CompiledMlp;
import io.microautograd.compiled.CompiledMlpModel;
import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.examples.plot.DecisionBoundaryPlot;
import io.microautograd.examples.plot.LossCurvePlot;
import io.microautograd.examples.plot.PngFile;
import io.microautograd.examples.plot.Region;
import io.microautograd.losses.Loss;
import io.microautograd.nn.MLP;
import io.microautograd.optim.LearningRateSchedule;
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
 * micrograd's demo: a 2-16-16-1 relu network separates two moons (100 points, noise 0.1),
 * trained on the hinge loss with L2 1e-4 by full-batch SGD whose rate falls linearly from 1.0
 * over 100 steps. Trained twice from the same weights by the same trainer: on the
 * {@code Value} engine, and on the runtime's compiled MLP ({@link CompiledMlpModel}, whose
 * gradient the build generated); both runs end with the same parameters, and the example prints
 * each path's time per epoch. Draws the decision regions with the points, and the loss curves.
 */
final class MoonsExample implements Example {

    static final int STEPS = 100;
    static final double L2 = 1e-4;

    @Override
    public String name() {
        return "moons";
    }

    @Override
    public String description() {
        return "micrograd's demo: a 2-16-16-1 network learns two moons, on both paths; decision regions, loss curves";
    }

    @Override
    public ExampleResult run(ExampleContext context) {
        Dataset moons = Datasets.moons(100, 0.1, 1);
        MLP mlp = MLP.of(2, 5, layer(16, "relu"), layer(16, "relu"), layer(1, "linear"));
        context.println(mlp.toString());
        CompiledMlpModel compiled = new CompiledMlpModel(CompiledMlp.from(mlp), Loss.HINGE, L2);
        long start = System.nanoTime();
        TrainingHistory dynamic = train(new ValueMlpModel(mlp, Loss.HINGE, L2), moons);
        double valueMillis = (System.nanoTime() - start) / 1e6 / STEPS;
        start = System.nanoTime();
        TrainingHistory generated = train(compiled, moons);
        double compiledMillis = (System.nanoTime() - start) / 1e6 / STEPS;

        double accuracy = dynamic.finalMetric("accuracy");
        double apart = Vectors.largestDifference(compiled.network().parameters(), mlp.parameterValues());
        context.printf("after %d steps: loss %.4f, training accuracy %.0f%% (Value engine), %.0f%% (compiled)%n",
                STEPS, dynamic.finalLoss(), 100 * accuracy, 100 * generated.finalMetric("accuracy"));
        context.printf("compiled and Value-engine training end %.1e apart%n", apart);
        context.printf("time per epoch: Value engine %.2f ms, compiled %.3f ms (%.0fx; one run, the JIT still"
                + " warming up: the benchmarks module measures properly)%n",
                valueMillis, compiledMillis, valueMillis / compiledMillis);

        Map<String, List<Double>> curves = new LinkedHashMap<>();
        curves.put("Value engine", dynamic.losses());
        curves.put("compiled gradient (CompiledMlpModel)", generated.losses());
        Region region = Region.around(moons.inputs(), 0.5);
        return new ExampleResult()
                .file(PngFile.write(DecisionBoundaryPlot.of("Two moons: decision regions of a 2-16-16-1 MLP",
                        mlp::predict, 0, moons, region), context.picture("moons-decision-boundary.png")))
                .file(PngFile.write(LossCurvePlot.of("Two moons: hinge loss + L2", "step", curves),
                        context.picture("moons-loss.png")))
                .measure("accuracy", accuracy)
                .measure("compiled accuracy", generated.finalMetric("accuracy"))
                .measure("loss", dynamic.finalLoss())
                .measure("first loss", dynamic.losses().get(0))
                .measure("distance between paths", apart)
                .measure("Value ms per epoch", valueMillis)
                .measure("compiled ms per epoch", compiledMillis);
    }

    /** micrograd's schedule: full batch, the rate falling linearly from 1.0 to 0.1 over the run. */
    private static TrainingHistory train(TrainableModel model, Dataset moons) {
        return Trainer.builder()
                .optimizer(new Sgd(LearningRateSchedule.linearDecay(1.0, 0.1, STEPS), 0))
                .epochs(STEPS)
                .metrics(Metric.accuracy(0))
                .quiet(true)
                .build()
                .fit(model, moons);
    }
}
