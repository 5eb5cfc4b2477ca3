package io.microautograd.benchmarks;

import io.microautograd.benchmarks.workloads.SoftmaxClassifier;
import io.microautograd.benchmarks.workloads.SoftmaxClassifierGrad;
import io.microautograd.compiled.CompiledMlp;
import io.microautograd.compiled.CompiledMlpModel;
import io.microautograd.data.Dataset;
import io.microautograd.engine.Value;
import io.microautograd.losses.Loss;
import io.microautograd.nn.Activation;
import io.microautograd.nn.LayerSpec;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Sgd;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One SGD training step of a 784-128-10 relu classifier with softmax cross-entropy on a batch of
 * 64 random images: by the library's compiled MLP ({@link CompiledMlpModel}, the step the trainer
 * takes), by a hand-written dot-product kernel compiled by the processor, and on the
 * {@code Value} engine. PyTorch's step of the same network is timed beside it by
 * {@code benchmarks/mlp-vs-pytorch}. Finite differences are left out: 101,770 parameters would
 * take 203,540 batch evaluations per step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MlpTrainingStepBenchmark {

    private static final int BATCH = 64;
    private static final int HIDDEN = 128;
    private static final int CLASSES = 10;

    private double[][] images;
    private double[] labels;
    private MLP network;
    private double[] params;
    private double[] gradient;
    private Sgd compiledSgd;
    private Sgd valueSgd;
    private Dataset batchData;
    private int[] batch;
    private CompiledMlpModel library;
    private double[] libraryParams;
    private Sgd librarySgd;

    @Setup
    public void setUp() {
        Random random = new Random(4);
        images = new double[BATCH][784];
        labels = new double[BATCH];
        for (int s = 0; s < BATCH; s++) {
            for (int i = 0; i < 784; i++) {
                images[s][i] = random.nextDouble();
            }
            labels[s] = random.nextInt(CLASSES);
        }
        network = MLP.of(784, 5, LayerSpec.layer(HIDDEN, Activation.RELU), LayerSpec.layer(CLASSES, Activation.LINEAR));
        params = network.parameterValues();
        gradient = new double[params.length];
        // A small rate keeps the parameters near their start over millions of benchmark steps.
        compiledSgd = new Sgd(1e-4);
        valueSgd = new Sgd(1e-4);
        batchData = Dataset.of(images, labels);
        batch = new int[BATCH];
        Arrays.setAll(batch, s -> s);
        library = new CompiledMlpModel(CompiledMlp.from(network), Loss.SOFTMAX_CROSS_ENTROPY, 0);
        libraryParams = library.parameters();
        librarySgd = new Sgd(1e-4);
    }

    /**
     * The trainer's step: the mean loss and its gradient, an SGD update, the parameters set; in a
     * JVM with the Vector API, as the README's fast setting runs it.
     */
    @Benchmark
    @Fork(jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
    public double library() {
        return libraryStep();
    }

    /** The same step in a JVM without the Vector API: the generated kernel's plain loops. */
    @Benchmark
    public double libraryPlainLoops() {
        return libraryStep();
    }

    private double libraryStep() {
        Arrays.fill(gradient, 0);
        double loss = library.lossAndGradient(batchData, batch, gradient);
        librarySgd.step(libraryParams, gradient);
        library.setParameters(libraryParams);
        return loss;
    }

    @Benchmark
    public double primal() {
        return SoftmaxClassifier.loss(params, images, labels, HIDDEN, CLASSES);
    }

    @Benchmark
    public double compiled() {
        Arrays.fill(gradient, 0);
        double loss = SoftmaxClassifierGrad.loss(params, images, labels, HIDDEN, CLASSES, gradient);
        compiledSgd.step(params, gradient);
        return loss;
    }

    @Benchmark
    public double valueEngine() {
        network.zeroGrad();
        Value loss = SoftmaxClassifier.loss(network, images, labels);
        loss.backward();
        double[] grads = new double[network.parameterCount()];
        network.addGradientsTo(grads);
        double[] values = network.parameterValues();
        valueSgd.step(values, grads);
        network.setParameterValues(values);
        return loss.data();
    }
}
