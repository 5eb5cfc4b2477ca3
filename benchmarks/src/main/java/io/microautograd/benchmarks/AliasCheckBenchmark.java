package io.microautograd.benchmarks;

import io.microautograd.benchmarks.workloads.TwoArrays;
import io.microautograd.benchmarks.workloads.TwoArraysUnchecked;
import io.microautograd.benchmarks.workloads.TwoArraysGrad;
import java.util.Arrays;
import java.util.Random;
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
 * What the generated methods' checks of their array arguments cost on {@link TwoArrays#products},
 * which only reads its two arrays: the allocation-free gradient on two arrays, on one array passed
 * for both, and, without the checks ({@link TwoArraysUnchecked}), on two arrays. Short arrays show
 * a fixed cost per call best.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AliasCheckBenchmark {

    @Param({"8", "1000"})
    public int n;

    private double[] a;
    private double[] b;
    private double[] dA;
    private double[] dB;

    @Setup
    public void setUp() {
        Random random = new Random(4);
        a = new double[n];
        b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextDouble() * 2 - 1;
            b[i] = random.nextDouble() * 2 - 1;
        }
        dA = new double[n];
        dB = new double[n];
    }

    /** Two arrays, checked. */
    @Benchmark
    public double separateArrays() {
        Arrays.fill(dA, 0);
        Arrays.fill(dB, 0);
        return TwoArraysGrad.products(a, b, dA, dB);
    }

    /** One array for both parameters, which the method only reads, so the checks let it pass. */
    @Benchmark
    public double oneArrayTwice() {
        Arrays.fill(dA, 0);
        Arrays.fill(dB, 0);
        return TwoArraysGrad.products(a, a, dA, dB);
    }

    /** Two arrays, through the generated code without the checks. */
    @Benchmark
    public double withoutChecks() {
        Arrays.fill(dA, 0);
        Arrays.fill(dB, 0);
        return TwoArraysUnchecked.products(a, b, dA, dB);
    }
}
