package io.microautograd.benchmarks;

import io.microautograd.benchmarks.workloads.CentralDifferences;
import io.microautograd.benchmarks.workloads.Gmm;
import io.microautograd.benchmarks.workloads.GmmGrad;
import io.microautograd.benchmarks.workloads.GmmInstance;
import io.microautograd.engine.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ADBench's GMM objective (d=2, K=5) on 1k and 10k points: the primal, three ways to its gradient,
 * its tangent along a direction, and the gradient with the Hessian-vector product.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GmmBenchmark {

    @Param({"gmm_1k_d2_K5.txt", "gmm_10k_d2_K5.txt"})
    public String instance;

    private GmmInstance gmm;
    private double[] flat;
    private double[] gradient;
    private double[] dAlphas;
    private double[] dMeans;
    private double[] dIcf;
    private double[] alphasDirection;
    private double[] meansDirection;
    private double[] icfDirection;
    private double[] hvAlphas;
    private double[] hvMeans;
    private double[] hvIcf;

    @Setup
    public void setUp() {
        gmm = GmmInstance.read(instance);
        flat = concat(gmm.alphas(), gmm.means(), gmm.icf());
        gradient = new double[flat.length];
        dAlphas = new double[gmm.alphas().length];
        dMeans = new double[gmm.means().length];
        dIcf = new double[gmm.icf().length];
        hvAlphas = new double[dAlphas.length];
        hvMeans = new double[dMeans.length];
        hvIcf = new double[dIcf.length];
        java.util.Random random = new java.util.Random(1);
        alphasDirection = random.doubles(dAlphas.length, -1, 1).toArray();
        meansDirection = random.doubles(dMeans.length, -1, 1).toArray();
        icfDirection = random.doubles(dIcf.length, -1, 1).toArray();
    }

    @Benchmark
    public double primal() {
        return gmm.objective();
    }

    @Benchmark
    public double compiled() {
        java.util.Arrays.fill(dAlphas, 0);
        java.util.Arrays.fill(dMeans, 0);
        java.util.Arrays.fill(dIcf, 0);
        return GmmGrad.objective(gmm.alphas(), gmm.means(), gmm.icf(), gmm.x(), gmm.d(), gmm.k(), gmm.n(),
                gmm.gamma(), gmm.m(), dAlphas, dMeans, dIcf);
    }

    @Benchmark
    public double tangent() {
        return GmmGrad.objectiveTangent(gmm.alphas(), gmm.means(), gmm.icf(), gmm.x(), gmm.d(), gmm.k(), gmm.n(),
                gmm.gamma(), gmm.m(), alphasDirection, meansDirection, icfDirection);
    }

    @Benchmark
    public double hvp() {
        for (double[] storage : new double[][] {dAlphas, dMeans, dIcf, hvAlphas, hvMeans, hvIcf}) {
            java.util.Arrays.fill(storage, 0);
        }
        return GmmGrad.objectiveHvp(gmm.alphas(), gmm.means(), gmm.icf(), gmm.x(), gmm.d(), gmm.k(), gmm.n(),
                gmm.gamma(), gmm.m(), alphasDirection, meansDirection, icfDirection, dAlphas, dMeans, dIcf, hvAlphas,
                hvMeans, hvIcf);
    }

    @Benchmark
    public double valueEngine() {
        Value[] alphas = Value.of(gmm.alphas());
        Value[] means = Value.of(gmm.means());
        Value[] icf = Value.of(gmm.icf());
        Value out = Gmm.objective(alphas, means, icf, gmm.x(), gmm.d(), gmm.k(), gmm.n(), gmm.gamma(), gmm.m());
        out.backward();
        return alphas[0].grad() + out.data();
    }

    @Benchmark
    public double[] finiteDifferences() {
        CentralDifferences.gradient(this::objectiveOfFlat, flat, gradient);
        return gradient;
    }

    private double objectiveOfFlat(double[] parameters) {
        int k = gmm.k();
        int meanCount = gmm.means().length;
        double[] alphas = java.util.Arrays.copyOfRange(parameters, 0, k);
        double[] means = java.util.Arrays.copyOfRange(parameters, k, k + meanCount);
        double[] icf = java.util.Arrays.copyOfRange(parameters, k + meanCount, parameters.length);
        return Gmm.objective(alphas, means, icf, gmm.x(), gmm.d(), k, gmm.n(), gmm.gamma(), gmm.m());
    }

    private static double[] concat(double[]... parts) {
        int length = 0;
        for (double[] part : parts) {
            length += part.length;
        }
        double[] all = new double[length];
        int offset = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
