package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.EvalModule;
import io.microautograd.gradbench.protocol.Inputs;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code ode} module: {@code primal} is y(2) from {@link Ode#solve}, {@code gradient} the
 * gradient of its last element.
 */
final class OdeEval {

    /** The eval's input: the coefficients and the number of steps. */
    record Input(double[] x, int s) {
    }

    private OdeEval() {
    }

    static EvalModule module() {
        return new EvalModule("ode", Map.of(
                "primal", input -> {
                    Input in = read(input);
                    double[] y = new double[in.x().length];
                    return () -> {
                        Ode.solve(in.x(), in.s(), y);
                        return y;
                    };
                },
                "gradient", input -> {
                    Input in = read(input);
                    double[] y = new double[in.x().length];
                    double[] gradient = new double[in.x().length];
                    return () -> {
                        Arrays.fill(gradient, 0);
                        OdeGrad.solve(in.x(), in.s(), y, gradient);
                        return gradient;
                    };
                }));
    }

    private static Input read(JsonNode input) {
        Input in = new Input(Inputs.vector(input, "x"), Inputs.integer(input, "s"));
        if (in.x().length == 0 || in.s() < 1) {
            throw new IllegalArgumentException("x must not be empty and s must be at least 1, but x has "
                    + in.x().length + " elements and s is " + in.s());
        }
        return in;
    }
}
