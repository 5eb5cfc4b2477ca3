package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.EvalModule;
import io.microautograd.gradbench.protocol.Inputs;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The {@code lse} module: {@code primal} and {@code gradient} of {@link Lse#logSumExp}. */
final class LseEval {

    private LseEval() {
    }

    static EvalModule module() {
        return new EvalModule("lse", Map.of(
                "primal", input -> {
                    double[] x = read(input);
                    return () -> Lse.logSumExp(x);
                },
                "gradient", input -> {
                    double[] x = read(input);
                    double[] gradient = new double[x.length];
                    return () -> {
                        Arrays.fill(gradient, 0);
                        LseGrad.logSumExp(x, gradient);
                        return gradient;
                    };
                }));
    }

    private static double[] read(JsonNode input) {
        double[] x = Inputs.vector(input, "x");
        if (x.length == 0) {
            throw new IllegalArgumentException("x must not be empty: the log-sum-exp of nothing is -infinity");
        }
        return x;
    }
}
