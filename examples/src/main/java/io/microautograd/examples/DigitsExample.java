package io.microautograd.examples;

import static io.microautograd.nn.LayerSpec.layer;

import io.microautograd.compiled.CompiledMlp;
import io.microautograd.compiled.CompiledMlpModel;
import io.microautograd.data.Dataset;
import io.microautograd.data.Digits;
import io.microautograd.examples.plot.ConfusionMatrixPlot;
import io.microautograd.examples.plot.DigitGridPlot;
import io.microautograd.examples.plot.LossCurvePlot;
import io.microautograd.examples.plot.PngFile;
import io.microautograd.losses.Loss;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Adam;
import io.microautograd.train.Evaluation;
import io.microautograd.train.Metric;
import io.microautograd.train.TrainableModel;
import io.microautograd.train.Trainer;
import io.microautograd.train.TrainingHistory;
import io.microautograd.train.ValueMlpModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ten classes: a 64-32-10 relu network learns scikit-learn's handwritten digits ({@link Digits},
 * 8x8 images) with softmax cross-entropy from its ten logits, trained by Adam on mini-batches of
 * 32 from the same weights on both paths, the {@code Value} engine and the compiled MLP, and
 * scored on a fifth of the images it never saw. Draws the loss and accuracy curves, the confusion
 * matrix of the held-out images and the held-out digits it gets wrong.
 */
final class DigitsExample implements Example {

    static final int EPOCHS = 10;
    static final int BATCH = 32;
    static final double TEST_FRACTION = 0.2;

    @Override
    public String name() {
        return "digits";
    }

    @Override
    public String description() {
        return "a 64-32-10 network learns handwritten digits with softmax cross-entropy, on both paths;"
                + " curves, confusion matrix, misclassified digits";
    }

    @Override
    public ExampleResult run(ExampleContext context) {
        Dataset.Split split = Digits.load().split(TEST_FRACTION, 1);
        Dataset train = split.train();
        Dataset test = split.test();
        MLP mlp = MLP.of(Digits.PIXELS, 3, layer(32, "relu"), layer(Digits.CLASSES, "linear"));
        context.println(mlp + "; " + train.size() + " images to train on, " + test.size() + " held out");
        CompiledMlpModel compiled = new CompiledMlpModel(CompiledMlp.from(mlp), Loss.SOFTMAX_CROSS_ENTROPY, 0);
        TrainingHistory dynamic = train(new ValueMlpModel(mlp, Loss.SOFTMAX_CROSS_ENTROPY), train, test);
        TrainingHistory generated = train(compiled, train, test);

        double accuracy = Evaluation.argmaxAccuracy(mlp::predict, test);
        double compiledAccuracy = Evaluation.argmaxAccuracy(compiled, test);
        double apart = Vectors.largestDifference(compiled.network().parameters(), mlp.parameterValues());
        context.printf("after %d epochs: loss %.4f, training accuracy %.1f%%, held-out accuracy %.1f%% (Value"
                + " engine), %.1f%% (compiled)%n", EPOCHS, dynamic.finalLoss(), 100 * dynamic.finalMetric("accuracy"),
                100 * accuracy, 100 * compiledAccuracy);
        context.printf("compiled and Value-engine training end %.1e apart%n", apart);

        Map<String, List<Double>> losses = new LinkedHashMap<>();
        losses.put("Value engine", dynamic.losses());
        losses.put("compiled gradient (CompiledMlpModel)", generated.losses());
        Map<String, List<Double>> accuracies = new LinkedHashMap<>();
        accuracies.put("training images, Value engine", dynamic.metric("accuracy"));
        accuracies.put("held-out images, Value engine", dynamic.metric("held-out accuracy"));
        accuracies.put("held-out images, compiled", generated.metric("held-out accuracy"));
        List<DigitGridPlot.Tile> wrong = misclassified(mlp, test);
        return new ExampleResult()
                .file(PngFile.write(LossCurvePlot.of("Digits: softmax cross-entropy", "epoch", losses),
                        context.picture("digits-loss.png")))
                .file(PngFile.write(LossCurvePlot.accuracy("Digits: accuracy (largest of ten outputs)", "epoch",
                        accuracies), context.picture("digits-accuracy.png")))
                .file(PngFile.write(ConfusionMatrixPlot.of("Digits: held-out images, true against predicted",
                        Evaluation.confusionMatrix(mlp::predict, test)), context.picture("digits-confusion.png")))
                .file(PngFile.write(DigitGridPlot.of("Digits: held-out images it gets wrong (true -> predicted)",
                        wrong), context.picture("digits-misclassified.png")))
                .measure("held-out accuracy", accuracy)
                .measure("compiled held-out accuracy", compiledAccuracy)
                .measure("misclassified", wrong.size())
                .measure("held-out images", test.size())
                .measure("loss", dynamic.finalLoss())
                .measure("first loss", dynamic.losses().get(0))
                .measure("distance between paths", apart);
    }

    /** Adam at 0.01 on shuffled mini-batches, scoring the training and the held-out images after every epoch. */
    private static TrainingHistory train(TrainableModel model, Dataset train, Dataset test) {
        return Trainer.builder()
                .optimizer(new Adam(0.01))
                .epochs(EPOCHS)
                .batchSize(BATCH)
                .metrics(Metric.argmaxAccuracy(),
                        new Metric("held-out accuracy", (predictor, data) -> Evaluation.argmaxAccuracy(predictor, test)))
                .quiet(true)
                .build()
                .fit(model, train);
    }

    /** The held-out images the network gets wrong, captioned "true -> predicted". */
    private static List<DigitGridPlot.Tile> misclassified(MLP mlp, Dataset test) {
        List<DigitGridPlot.Tile> tiles = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            int label = (int) test.target(i, 0);
            int predicted = Evaluation.predictedClass(mlp.predict(test.input(i)));
            if (predicted != label) {
                tiles.add(new DigitGridPlot.Tile(test.input(i), label + " -> " + predicted));
            }
        }
        return tiles;
    }
}
