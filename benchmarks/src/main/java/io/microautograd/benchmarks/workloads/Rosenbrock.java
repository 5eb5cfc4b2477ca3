package io.microautograd.benchmarks.workloads;

import io.microautograd.Differentiable;
import io.microautograd.engine.Value;

/** The N-dimensional Rosenbrock function, in plain Java and on the {@code Value} engine. */
public final class Rosenbrock {

    private Rosenbrock() {
    }

    /** sum over i of 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2. */
    @Differentiable(order = 2)
    public static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            sum += a * a + 100 * b * b;
        }
        return sum;
    }

    /** The same function on the {@code Value} engine. */
    public static Value rosenbrock(Value[] x) {
        Value[] terms = new Value[x.length - 1];
        for (int i = 0; i + 1 < x.length; i++) {
            Value a = Value.of(1).sub(x[i]);
            Value b = x[i + 1].sub(x[i].mul(x[i]));
            terms[i] = a.mul(a).add(b.mul(b).mul(100));
        }
        return Value.sum(terms);
    }
}
