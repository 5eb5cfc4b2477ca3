package io.microautograd.benchmarks;

import io.microautograd.engine.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The {@code Value} engine's throughput: nodes per second for building a chain plus backward. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ValueEngineBenchmark {

    static final int CHAIN = 1_000_000;

    /** Builds a chain of one million tanh/add nodes and backpropagates; the score is per node. */
    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public double nodesPerSecond() {
        Value x = Value.of(0.3);
        Value y = x;
        for (int i = 0; i < CHAIN / 2; i++) {
            y = y.tanh().add(x);
        }
        y.backward();
        return x.grad();
    }
}
