package io.microautograd.examples;

import static io.microautograd.nn.LayerSpec.layer;

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
import io.microautograd.train.Trainer;
import io.microautograd.train.TrainingHistory;
import io.microautograd.train.ValueMlpModel;
import java.util.Map;

/**
 * micrograd's demo: a 2-16-16-1 relu network separates two moons (100 points, noise 0.1),
 * trained on the hinge loss with L2 1e-4 by full-batch SGD whose rate falls linearly from 1.0
 * over 100 steps. Draws the decision regions with the points, and the loss curve.
 */
final class MoonsExample implements Example {

    static final int STEPS = 100;

    @Override
    public String name() {
        return "moons";
    }

    @Override
    public String description() {
        return "micrograd's demo: a 2-16-16-1 network classifies two moons; decision boundary and loss curve";
    }

    @Override
    public ExampleResult run(ExampleContext context) {
        Dataset moons = Datasets.moons(100, 0.1, 1);
        MLP mlp = MLP.of(2, 5, layer(16, "relu"), layer(16, "relu"), layer(1, "linear"));
        context.println(mlp.toString());
        TrainingHistory history = Trainer.builder()
                .optimizer(new Sgd(LearningRateSchedule.linearDecay(1.0, 0.1, STEPS), 0))
                .epochs(STEPS)
                .metrics(Metric.accuracy(0))
                .quiet(true)
                .build()
                .fit(new ValueMlpModel(mlp, Loss.hinge(), 1e-4), moons);
        double accuracy = history.finalMetric("accuracy");
        context.printf("after %d steps: loss %.4f, training accuracy %.0f%%%n", STEPS, history.finalLoss(),
                100 * accuracy);

        Region region = Region.around(moons.inputs(), 0.5);
        return new ExampleResult()
                .file(PngFile.write(DecisionBoundaryPlot.of("Two moons: decision regions of a 2-16-16-1 MLP",
                        mlp::predict, 0, moons, region), context.picture("moons-decision-boundary.png")))
                .file(PngFile.write(LossCurvePlot.of("Two moons: hinge loss + L2", "step",
                        Map.of("Value engine", history.losses())), context.picture("moons-loss.png")))
                .measure("accuracy", accuracy)
                .measure("loss", history.finalLoss())
                .measure("first loss", history.losses().get(0));
    }
}
