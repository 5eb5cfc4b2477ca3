package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.EvalModule;
import io.microautograd.gradbench.protocol.Inputs;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The {@code llsq} module: {@code primal} and {@code gradient} of {@link Llsq#objective}. */
final class LlsqEval {

    /** The eval's input: the coefficients and the number of points. */
    record Input(double[] x, int n) {
    }

    private LlsqEval() {
    }

    static EvalModule module() {
        return new EvalModule("llsq", Map.of(
                "primal", input -> {
                    Input in = read(input);
                    return () -> Llsq.objective(in.x(), in.n());
                },
                "gradient", input -> {
                    Input in = read(input);
                    double[] gradient = new double[in.x().length];
                    return () -> {
                        Arrays.fill(gradient, 0);
                        LlsqGrad.objective(in.x(), in.n(), gradient);
                        return gradient;
                    };
                }));
    }

    private static Input read(JsonNode input) {
        Input in = new Input(Inputs.vector(input, "x"), Inputs.integer(input, "n"));
        if (in.n() < 2) {
            throw new IllegalArgumentException("n must be at least 2, for t_i = -1 + 2i/(n-1), but is " + in.n());
        }
        return in;
    }
}
