package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.EvalModule;
import io.microautograd.gradbench.protocol.Inputs;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The {@code det} module: {@code primal} and {@code gradient} of {@link Det#determinant}. */
final class DetEval {

    /** The eval's input: the matrix in row-major order and its edge. */
    record Input(double[] a, int ell) {
    }

    private DetEval() {
    }

    static EvalModule module() {
        return new EvalModule("det", Map.of(
                "primal", input -> {
                    Input in = read(input);
                    return () -> Det.determinant(in.a(), in.ell());
                },
                "gradient", input -> {
                    Input in = read(input);
                    double[] gradient = new double[in.a().length];
                    return () -> {
                        Arrays.fill(gradient, 0);
                        DetGrad.determinant(in.a(), in.ell(), gradient);
                        return gradient;
                    };
                }));
    }

    private static Input read(JsonNode input) {
        Input in = new Input(Inputs.vector(input, "A"), Inputs.integer(input, "ell"));
        if (in.ell() < 1 || in.ell() > Permutations.MAX_ELL) {
            throw new IllegalArgumentException("ell must be from 1 to " + Permutations.MAX_ELL + " but is " + in.ell());
        }
        if (in.a().length != in.ell() * in.ell()) {
            throw new IllegalArgumentException("A must have ell * ell = " + in.ell() * in.ell()
                    + " elements but has " + in.a().length);
        }
        return in;
    }
}
