package io.microautograd.benchmarks;

import io.microautograd.benchmarks.workloads.CentralDifferences;
import io.microautograd.benchmarks.workloads.Rosenbrock;
import io.microautograd.benchmarks.workloads.RosenbrockGrad;
import io.microautograd.engine.Value;
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
 * Rosenbrock in N dimensions: the primal, three ways to its gradient, its tangent along a direction,
 * and the gradient with the Hessian-vector product.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RosenbrockBenchmark {

    @Param("1000")
    public int n;

    private double[] x;
    private double[] gradient;
    private double[] direction;
    private double[] hessianVector;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        gradient = new double[n];
        hessianVector = new double[n];
        direction = new double[n];
        for (int i = 0; i < n; i++) {
            direction[i] = random.nextDouble() * 2 - 1;
        }
    }

    @Benchmark
    public double primal() {
        return Rosenbrock.rosenbrock(x);
    }

    @Benchmark
    public double compiled() {
        java.util.Arrays.fill(gradient, 0);
        return RosenbrockGrad.rosenbrock(x, gradient);
    }

    @Benchmark
    public double tangent() {
        return RosenbrockGrad.rosenbrockTangent(x, direction);
    }

    @Benchmark
    public double hvp() {
        java.util.Arrays.fill(gradient, 0);
        java.util.Arrays.fill(hessianVector, 0);
        return RosenbrockGrad.rosenbrockHvp(x, direction, gradient, hessianVector);
    }

    @Benchmark
    public double valueEngine() {
        Value[] leaves = Value.of(x);
        Value out = Rosenbrock.rosenbrock(leaves);
        out.backward();
        return leaves[0].grad() + out.data();
    }

    @Benchmark
    public double[] finiteDifferences() {
        CentralDifferences.gradient(Rosenbrock::rosenbrock, x, gradient);
        return gradient;
    }
}
