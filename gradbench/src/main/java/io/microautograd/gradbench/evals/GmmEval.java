package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.EvalModule;
import io.microautograd.gradbench.protocol.Inputs;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code gmm} module: {@code objective} is {@link Gmm#logPosterior}, {@code jacobian} its
 * gradient with respect to alpha, mu, q and l, shaped as they are.
 */
final class GmmEval {

    /** The eval's input, as its README names the fields. */
    record Input(int d, int k, int n, double[][] x, int m, double gamma, double[] alpha,
                 double[][] mu, double[][] q, double[][] l) {
    }

    /** The {@code jacobian} output: one partial per parameter, in the parameters' shapes. */
    record Gradient(double[] alpha, double[][] mu, double[][] q, double[][] l) {
    }

    private GmmEval() {
    }

    static EvalModule module() {
        return new EvalModule("gmm", Map.of(
                "objective", input -> {
                    Input in = read(input);
                    return () -> Gmm.logPosterior(in.alpha(), in.mu(), in.q(), in.l(), in.x(), in.gamma(), in.m());
                },
                "jacobian", input -> {
                    Input in = read(input);
                    Gradient gradient = new Gradient(new double[in.k()], new double[in.k()][in.d()],
                            new double[in.k()][in.d()], new double[in.k()][in.l()[0].length]);
                    return () -> {
                        Arrays.fill(gradient.alpha(), 0);
                        for (int c = 0; c < in.k(); c++) {
                            Arrays.fill(gradient.mu()[c], 0);
                            Arrays.fill(gradient.q()[c], 0);
                            Arrays.fill(gradient.l()[c], 0);
                        }
                        GmmGrad.logPosterior(in.alpha(), in.mu(), in.q(), in.l(), in.x(), in.gamma(), in.m(),
                                gradient.alpha(), gradient.mu(), gradient.q(), gradient.l());
                        return gradient;
                    };
                }));
    }

    private static Input read(JsonNode input) {
        Input in = new Input(Inputs.integer(input, "d"), Inputs.integer(input, "k"), Inputs.integer(input, "n"),
                Inputs.matrix(input, "x"), Inputs.integer(input, "m"), Inputs.number(input, "gamma"),
                Inputs.vector(input, "alpha"), Inputs.matrix(input, "mu"), Inputs.matrix(input, "q"),
                Inputs.matrix(input, "l"));
        if (in.d() < 1 || in.k() < 1 || in.n() < 1 || in.m() < 0 || !(in.gamma() > 0)) {
            throw new IllegalArgumentException("gmm needs d, k, n >= 1, m >= 0 and gamma > 0, but d = " + in.d()
                    + ", k = " + in.k() + ", n = " + in.n() + ", m = " + in.m() + ", gamma = " + in.gamma());
        }
        if (in.alpha().length != in.k()) {
            throw new IllegalArgumentException("alpha must have k = " + in.k() + " numbers but has " + in.alpha().length);
        }
        Inputs.requireShape("x", in.x(), in.n(), in.d());
        Inputs.requireShape("mu", in.mu(), in.k(), in.d());
        Inputs.requireShape("q", in.q(), in.k(), in.d());
        Inputs.requireShape("l", in.l(), in.k(), in.d() * (in.d() - 1) / 2);
        return in;
    }
}
