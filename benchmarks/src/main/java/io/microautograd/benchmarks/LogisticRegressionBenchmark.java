package io.microautograd.benchmarks;

import io.microautograd.benchmarks.workloads.CentralDifferences;
import io.microautograd.benchmarks.workloads.LogisticRegression;
import io.microautograd.benchmarks.workloads.LogisticRegressionGrad;
import io.microautograd.engine.Value;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Mean logistic loss over a 1,000 x 10 data matrix: the primal and three ways to its gradient. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LogisticRegressionBenchmark {

    private static final int ROWS = 1000;
    private static final int FEATURES = 10;

    private double[] w;
    private double[][] data;
    private double[] labels;
    private double[] gradient;

    @Setup
    public void setUp() {
        Random random = new Random(2);
        w = new double[FEATURES];
        data = new double[ROWS][FEATURES];
        labels = new double[ROWS];
        for (int j = 0; j < FEATURES; j++) {
            w[j] = random.nextGaussian() * 0.1;
        }
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < FEATURES; j++) {
                data[i][j] = random.nextGaussian();
            }
            labels[i] = random.nextBoolean() ? 1 : -1;
        }
        gradient = new double[FEATURES];
    }

    @Benchmark
    public double primal() {
        return LogisticRegression.loss(w, data, labels);
    }

    @Benchmark
    public double compiled() {
        java.util.Arrays.fill(gradient, 0);
        return LogisticRegressionGrad.loss(w, data, labels, gradient);
    }

    @Benchmark
    public double valueEngine() {
        Value[] leaves = Value.of(w);
        Value out = LogisticRegression.loss(leaves, data, labels);
        out.backward();
        return leaves[0].grad() + out.data();
    }

    @Benchmark
    public double[] finiteDifferences() {
        CentralDifferences.gradient(weights -> LogisticRegression.loss(weights, data, labels), w, gradient);
        return gradient;
    }
}
