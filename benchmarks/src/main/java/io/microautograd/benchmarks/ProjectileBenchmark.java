package io.microautograd.benchmarks;

import io.microautograd.benchmarks.workloads.Projectile;
import io.microautograd.benchmarks.workloads.ProjectileGrad;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The projectile of issue 25: its primal, its taped gradient (compiled) and its checkpointed one,
 * 64 snapshots. The fork keeps tapes of any size per thread, so that the taped gradient runs on a
 * warm tape of its own, as it did before the kept-memory bound, and the ratio is the strictest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(jvmArgsAppend = "-Dmicroautograd.keptBytes=" + Long.MAX_VALUE)
public class ProjectileBenchmark {

    @Param({"1000000", "10000000"})
    public int steps;

    private final double[] gradient = new double[3];

    @Benchmark
    public double primal() {
        return Projectile.range(40.0, 0.9, 0.01, steps);
    }

    @Benchmark
    public double compiled() {
        java.util.Arrays.fill(gradient, 0);
        return ProjectileGrad.rangeTaped(40.0, 0.9, 0.01, steps, gradient);
    }

    @Benchmark
    public double checkpointed() {
        java.util.Arrays.fill(gradient, 0);
        return ProjectileGrad.range(40.0, 0.9, 0.01, steps, gradient);
    }
}
