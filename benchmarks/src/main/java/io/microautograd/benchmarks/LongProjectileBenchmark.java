package io.microautograd.benchmarks;

import io.microautograd.benchmarks.workloads.Projectile;
import io.microautograd.benchmarks.workloads.ProjectileGrad;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The projectile of issue 25 over 100,000,000 steps, whose taped gradient would need a 3.2 GB tape:
 * the primal and the checkpointed gradient only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LongProjectileBenchmark {

    @Param("100000000")
    public int steps;

    private final double[] gradient = new double[3];

    @Benchmark
    public double primal() {
        return Projectile.range(40.0, 0.9, 0.01, steps);
    }

    @Benchmark
    public double checkpointed() {
        java.util.Arrays.fill(gradient, 0);
        return ProjectileGrad.range(40.0, 0.9, 0.01, steps, gradient);
    }
}
