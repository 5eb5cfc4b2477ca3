package io.microautograd.train;

import static io.microautograd.nn.Activation.LINEAR;
import static io.microautograd.nn.Activation.RELU;
import static io.microautograd.nn.LayerSpec.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.compiled.CompiledMlp;
import io.microautograd.compiled.CompiledMlpModel;
import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.losses.Loss;
import io.microautograd.nn.LayerSpec;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Adam;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameters saved as text read back to the same bits, and a network trained on one path loads on the other. */
class ParameterFileTest {

    private static final Dataset MOONS = Datasets.moons(60, 0.1, 4);
    private static final LayerSpec[] LAYERS = {layer(8, RELU), layer(1, LINEAR)};

    @TempDir
    Path folder;

    @Test
    void numbersReadBackToTheSameBits() {
        double[] values = {0.1, -0.0, 1e-300, -Double.MIN_VALUE, 123456789.123456789, Math.PI, Double.MAX_VALUE};
        double[] loaded = ParameterFile.load(ParameterFile.save(folder.resolve("nested/p.txt"), values));
        assertEquals(values.length, loaded.length);
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(loaded[i]), "value " + i);
        }
    }

    @Test
    void aNetworkTrainedOnTheValueEngineLoadsIntoTheCompiledMlp() {
        MLP trained = MLP.of(2, 3, LAYERS);
        fit(new ValueMlpModel(trained, Loss.HINGE));

        CompiledMlp loaded = CompiledMlp.of(2, 99, LAYERS);
        loaded.setParameters(saveAndLoad("value.txt", trained.parameterValues()));

        assertSameNetwork(trained.parameterValues(), trained::predict, loaded.parameters(), loaded::predict);
    }

    @Test
    void aNetworkTrainedOnTheCompiledPathLoadsIntoTheValueMlp() {
        CompiledMlp trained = CompiledMlp.of(2, 3, LAYERS);
        fit(new CompiledMlpModel(trained, Loss.HINGE, 0));

        MLP loaded = MLP.of(2, 99, LAYERS);
        loaded.setParameterValues(saveAndLoad("compiled.txt", trained.parameters()));

        assertSameNetwork(trained.parameters(), trained::predict, loaded.parameterValues(), loaded::predict);
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndABadLineIsNamed() throws Exception {
        Path file = Files.writeString(folder.resolve("hand.txt"), "# by hand\n1.5\n\n  -2 \n# end\n");
        assertArrayEquals(new double[] {1.5, -2}, ParameterFile.load(file), 0.0);

        Files.writeString(file, "1.5\nweights\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(file));
        assertEquals(file + ":2: expected one number per line, got \"weights\"", bad.getMessage());
        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> ParameterFile.load(folder.resolve("missing.txt")));
        assertTrue(missing.getMessage().contains("missing.txt"), missing.getMessage());
    }

    @Test
    void aFileForAnotherArchitectureIsRejectedOnLoad() {
        Path file = ParameterFile.save(folder.resolve("small.txt"), MLP.of(2, 1, layer(1, LINEAR)).parameterValues());
        MLP larger = MLP.of(2, 1, layer(8, RELU), layer(1, LINEAR));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> larger.setParameterValues(ParameterFile.load(file)));
        assertTrue(wrong.getMessage().contains("(33), got 3"), wrong.getMessage());
    }

    private static void fit(TrainableModel model) {
        TrainingHistory history = Trainer.builder().optimizer(new Adam(0.05)).epochs(30).quiet(true).build()
                .fit(model, MOONS);
        assertTrue(history.finalLoss() < history.losses().get(0), history.toString());
    }

    private double[] saveAndLoad(String name, double[] parameters) {
        return ParameterFile.load(ParameterFile.save(folder.resolve(name), parameters));
    }

    /** The same parameters to the bit, the same outputs over the data, and a trained one: better than chance. */
    private static void assertSameNetwork(double[] trainedParameters, Predictor trained, double[] loadedParameters,
            Predictor loaded) {
        assertArrayEquals(trainedParameters, loadedParameters, 0.0);
        for (int i = 0; i < MOONS.size(); i++) {
            assertArrayEquals(trained.predict(MOONS.input(i)), loaded.predict(MOONS.input(i)), 1e-12, "sample " + i);
        }
        assertTrue(Evaluation.accuracy(loaded, MOONS, 0) > 0.75, "accuracy " + Evaluation.accuracy(loaded, MOONS, 0));
    }
}
