package io.microautograd.benchmarks;

import io.microautograd.benchmarks.workloads.BatchedMlpGradient;
import io.microautograd.benchmarks.workloads.CentralDifferences;
import io.microautograd.benchmarks.workloads.HandWrittenMlpGradient;
import io.microautograd.compiled.CompiledMlp;
import io.microautograd.compiled.CompiledMlpModel;
import io.microautograd.data.Dataset;
import io.microautograd.data.Datasets;
import io.microautograd.losses.Loss;
import io.microautograd.nn.Activation;
import io.microautograd.nn.LayerSpec;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Sgd;
import io.microautograd.train.TrainableModel;
import io.microautograd.train.ValueMlpModel;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One full-batch SGD step of micrograd's moons demo: a 2-16-16-1 relu network, hinge loss plus
 * L2 1e-4, on 100 points, through the same {@link TrainableModel} interface on both paths. The
 * primal is the batch loss alone, from the compiled network's plain forward pass; finite
 * differences differentiate that primal. Every step starts from the network's initial weights
 * (seed 5), where 76 of the 100 samples have an active hinge.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MoonsTrainingStepBenchmark {

    private static final double L2 = 1e-4;

    private Dataset moons;
    private int[] batch;
    private CompiledMlp network;
    private TrainableModel compiledModel;
    private TrainableModel valueModel;
    private double[] gradient;
    /**
     * The weights every step starts from. A hand-written gradient skips samples whose hinge is
     * off, so its cost falls as the network learns; starting each step from the same weights
     * keeps every path's work the work of one and the same step.
     */
    private double[] initialParameters;
    private double[] compiledInitialParameters;
    private final double[] input = new double[2];
    private final Sgd compiledSgd = new Sgd(1e-3);
    private final Sgd valueSgd = new Sgd(1e-3);
    private final Sgd handWrittenSgd = new Sgd(1e-3);
    private final HandWrittenMlpGradient handWrittenGradient = new HandWrittenMlpGradient(2, 16, 16, 1);
    private final Sgd batchedSgd = new Sgd(1e-3);
    private final BatchedMlpGradient batchedGradient = new BatchedMlpGradient(2, 16, 16, 1);

    @Setup
    public void setUp() {
        moons = Datasets.moons(100, 0.1, 1);
        batch = IntStream.range(0, moons.size()).toArray();
        MLP mlp = MLP.of(2, 5, LayerSpec.layer(16, Activation.RELU), LayerSpec.layer(16, Activation.RELU),
                LayerSpec.layer(1, Activation.LINEAR));
        network = CompiledMlp.from(mlp);
        compiledModel = new CompiledMlpModel(network, Loss.HINGE, L2);
        valueModel = new ValueMlpModel(mlp, Loss.HINGE, L2);
        gradient = new double[mlp.parameterCount()];
        initialParameters = network.parameters();
        // The compiled model's flat order is its kernels', not the MLP's.
        compiledInitialParameters = compiledModel.parameters();
    }

    @Benchmark
    public double primal() {
        double sum = 0;
        for (int i : batch) {
            // Read through one reused row, as the training step does, not through a copy per sample.
            for (int c = 0; c < input.length; c++) {
                input[c] = moons.input(i, c);
            }
            double label = moons.target(i, 0) == 1 ? 1 : -1;
            sum += Math.max(0, 1 - label * network.predict(input)[0]);
        }
        double squares = 0;
        for (double p : network.parameters()) {
            squares += p * p;
        }
        return sum / batch.length + L2 * squares;
    }

    @Benchmark
    public double compiled() {
        return step(compiledModel, compiledInitialParameters, compiledSgd);
    }

    /** The batch loss's gradient by central differences over the 337 parameters: 674 batch losses. */
    @Benchmark
    public double[] finiteDifferences() {
        double[] parameters = network.parameters();
        CentralDifferences.gradient(p -> {
            network.setParameters(p);
            return primal();
        }, parameters, gradient);
        network.setParameters(parameters);
        return gradient;
    }

    @Benchmark
    public double valueEngine() {
        return step(valueModel, initialParameters, valueSgd);
    }

    /**
     * The same step with the gradient written by hand ({@link HandWrittenMlpGradient}): not a
     * product path, a yardstick for how fast plain Java gets on this workload.
     */
    @Benchmark
    public double handWritten() {
        return stepByHand(handWrittenGradient::lossAndGradient, handWrittenSgd);
    }

    /**
     * The same step with the gradient written by hand for the whole batch at once
     * ({@link BatchedMlpGradient}): a yardstick for how fast plain Java gets when its loops are
     * laid out for the CPU.
     */
    @Benchmark
    public double handWrittenBatched() {
        return stepByHand(batchedGradient::lossAndGradient, batchedSgd);
    }

    private double step(TrainableModel model, double[] start, Sgd sgd) {
        model.setParameters(start);
        Arrays.fill(gradient, 0);
        double loss = model.lossAndGradient(moons, batch, gradient);
        double[] parameters = model.parameters();
        sgd.step(parameters, gradient);
        model.setParameters(parameters);
        return loss;
    }

    /** One step with a gradient written by hand, from the initial weights. */
    private double stepByHand(GradientByHand byHand, Sgd sgd) {
        Arrays.fill(gradient, 0);
        double[] parameters = initialParameters.clone();
        double loss = byHand.lossAndGradient(parameters, moons, batch, L2, gradient);
        sgd.step(parameters, gradient);
        network.setParameters(parameters);
        return loss;
    }

    /** The shape both hand-written gradients share. */
    @FunctionalInterface
    private interface GradientByHand {
        double lossAndGradient(double[] params, Dataset data, int[] batch, double l2, double[] gradient);
    }
}
