package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.EvalModule;
import io.microautograd.gradbench.protocol.Inputs;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code kmeans} module: {@code cost} is {@link Kmeans#cost}, {@code dir} the Newton direction
 * J H^-1, element by element, from one generated Hessian-vector product along all ones, which is
 * the Hessian's diagonal because the Hessian is diagonal ({@link Kmeans#cost} says why).
 */
final class KmeansEval {

    /** The eval's input: n points and k centroids of d coordinates each. */
    record Input(double[][] points, double[][] centroids) {
    }

    private KmeansEval() {
    }

    static EvalModule module() {
        return new EvalModule("kmeans", Map.of(
                "cost", input -> {
                    Input in = read(input);
                    return () -> Kmeans.cost(in.points(), in.centroids());
                },
                "dir", input -> {
                    Input in = read(input);
                    int k = in.centroids().length;
                    int d = in.centroids()[0].length;
                    double[][] ones = new double[k][d];
                    for (double[] row : ones) {
                        Arrays.fill(row, 1);
                    }
                    double[][] gradient = new double[k][d];
                    double[][] diagonal = new double[k][d];
                    double[][] dir = new double[k][d];
                    return () -> {
                        for (int j = 0; j < k; j++) {
                            Arrays.fill(gradient[j], 0);
                            Arrays.fill(diagonal[j], 0);
                        }
                        KmeansGrad.costHvp(in.points(), in.centroids(), ones, gradient, diagonal);
                        for (int j = 0; j < k; j++) {
                            if (diagonal[j][0] == 0) {
                                throw new IllegalArgumentException("centroids[" + j + "] is the nearest centroid"
                                        + " of no point: the Hessian is 0 there, so there is no Newton direction");
                            }
                            for (int l = 0; l < d; l++) {
                                dir[j][l] = gradient[j][l] / diagonal[j][l];
                            }
                        }
                        return dir;
                    };
                }));
    }

    private static Input read(JsonNode input) {
        Input in = new Input(Inputs.matrix(input, "points"), Inputs.matrix(input, "centroids"));
        if (in.points().length == 0 || in.centroids().length == 0 || in.centroids()[0].length == 0) {
            throw new IllegalArgumentException("kmeans needs at least one point and one centroid of at least one"
                    + " coordinate, but has " + in.points().length + " points and " + in.centroids().length
                    + " centroids");
        }
        int d = in.centroids()[0].length;
        Inputs.requireShape("centroids", in.centroids(), in.centroids().length, d);
        Inputs.requireShape("points", in.points(), in.points().length, d);
        return in;
    }
}
