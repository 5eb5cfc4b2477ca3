package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.EvalModule;
import io.microautograd.gradbench.protocol.Inputs;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code lstm} module: {@code objective} is {@link Lstm#objective}, {@code jacobian} its
 * gradient with respect to the main parameters and then the extra ones, each row after row, in
 * one array.
 */
final class LstmEval {

    /** The eval's matrices row after row, with the sizes they imply. */
    record Input(double[] mainParams, double[] extraParams, double[] state, double[] sequence, int l, int c, int b) {
    }

    private LstmEval() {
    }

    static EvalModule module() {
        return new EvalModule("lstm", Map.of(
                "objective", input -> {
                    Input in = read(input);
                    return () -> Lstm.objective(in.mainParams(), in.extraParams(), in.state(), in.sequence(), in.l(),
                            in.c(), in.b());
                },
                "jacobian", input -> {
                    Input in = read(input);
                    double[] main = new double[in.mainParams().length];
                    double[] extra = new double[in.extraParams().length];
                    double[] gradient = new double[main.length + extra.length];
                    return () -> {
                        Arrays.fill(main, 0);
                        Arrays.fill(extra, 0);
                        LstmGrad.objective(in.mainParams(), in.extraParams(), in.state(), in.sequence(), in.l(),
                                in.c(), in.b(), main, extra);
                        System.arraycopy(main, 0, gradient, 0, main.length);
                        System.arraycopy(extra, 0, gradient, main.length, extra.length);
                        return gradient;
                    };
                }));
    }

    private static Input read(JsonNode input) {
        double[][] mainParams = Inputs.matrix(input, "main_params");
        double[][] sequence = Inputs.matrix(input, "sequence");
        if (mainParams.length == 0 || mainParams.length % 2 != 0 || mainParams[0].length == 0
                || mainParams[0].length % 4 != 0) {
            throw new IllegalArgumentException("main_params must have 2l rows of 4b numbers with l, b >= 1, but has "
                    + mainParams.length + " rows" + (mainParams.length == 0 ? "" : " of " + mainParams[0].length));
        }
        int l = mainParams.length / 2;
        int b = mainParams[0].length / 4;
        int c = sequence.length;
        if (c < 2) {
            throw new IllegalArgumentException("sequence must have at least 2 characters (each predicts the next),"
                    + " but has " + c);
        }
        double[][] extraParams = Inputs.matrix(input, "extra_params");
        double[][] state = Inputs.matrix(input, "state");
        Inputs.requireShape("main_params", mainParams, 2 * l, 4 * b);
        Inputs.requireShape("extra_params", extraParams, 3, b);
        Inputs.requireShape("state", state, 2 * l, b);
        Inputs.requireShape("sequence", sequence, c, b);
        return new Input(rows(mainParams), rows(extraParams), rows(state), rows(sequence), l, c, b);
    }

    /** The matrix's rows one after another. */
    static double[] rows(double[][] matrix) {
        return Arrays.stream(matrix).flatMapToDouble(Arrays::stream).toArray();
    }
}
