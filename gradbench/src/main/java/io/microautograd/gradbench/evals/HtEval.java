package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.EvalModule;
import io.microautograd.gradbench.protocol.Inputs;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code ht} module: {@code objective} is {@link Ht#residuals}, {@code jacobian} their
 * Jacobian as manual lays it out, a row per residual: where {@code us} is not empty, first the
 * derivatives with respect to the point's own u0 and u1, then those with respect to theta. Each
 * column is one generated Jacobian-vector product, {@code HtGrad.residualsJvp}, since there are
 * 26 or 28 columns and thousands of rows: along each theta in turn, and for the two us columns
 * along every point's u0 at once, then every u1, since a residual depends on its own point's u
 * only, so the product along all of them gives each residual's derivative with respect to its
 * own.
 */
final class HtEval {

    /** The eval's input, the model's matrices 4 x 4 in rows of 16, the triangles' vertices in threes. */
    record Input(double[] theta, double[] us, double[][] baseRelatives, double[][] inverseBaseAbsolutes,
            int[] parents, double[][] basePositions, double[][] weights, int[] triangles, boolean mirrored,
            int[] correspondences, double[][] points) {
    }

    private HtEval() {
    }

    static EvalModule module() {
        return new EvalModule("ht", Map.of(
                "objective", input -> {
                    Input in = read(input);
                    double[] err = new double[3 * in.points().length];
                    return () -> {
                        Ht.residuals(in.theta(), in.us(), in.baseRelatives(), in.inverseBaseAbsolutes(),
                                in.parents(), in.basePositions(), in.weights(), in.triangles(), in.mirrored(),
                                in.correspondences(), in.points(), err);
                        return err;
                    };
                },
                "jacobian", input -> {
                    Input in = read(input);
                    int rows = 3 * in.points().length;
                    int usColumns = in.us().length == 0 ? 0 : 2;
                    double[][] jacobian = new double[rows][usColumns + Ht.THETA];
                    double[] err = new double[rows];
                    double[] tTheta = new double[Ht.THETA];
                    double[] tUs = new double[in.us().length];
                    double[] tErr = new double[rows];
                    return () -> {
                        for (int column = 0; column < usColumns + Ht.THETA; column++) {
                            if (column < usColumns) {
                                for (int i = 0; i < tUs.length; i++) {
                                    tUs[i] = i % 2 == column ? 1 : 0;
                                }
                            } else {
                                Arrays.fill(tUs, 0);
                                tTheta[column - usColumns] = 1;
                            }
                            HtGrad.residualsJvp(in.theta(), in.us(), in.baseRelatives(), in.inverseBaseAbsolutes(),
                                    in.parents(), in.basePositions(), in.weights(), in.triangles(), in.mirrored(),
                                    in.correspondences(), in.points(), err, tTheta, tUs, tErr);
                            if (column >= usColumns) {
                                tTheta[column - usColumns] = 0;
                            }
                            for (int r = 0; r < rows; r++) {
                                jacobian[r][column] = tErr[r];
                            }
                        }
                        return jacobian;
                    };
                }));
    }

    private static Input read(JsonNode input) {
        JsonNode data = Inputs.object(input, "data");
        JsonNode model = Inputs.object(data, "model");
        double[] theta = Inputs.vector(input, "theta");
        if (theta.length != Ht.THETA) {
            throw new IllegalArgumentException("theta must have " + Ht.THETA + " numbers but has " + theta.length);
        }
        int[] parents = Inputs.integers(model, "parents");
        int bones = parents.length;
        if (bones < 2 + 4 * Ht.FINGERS) {
            throw new IllegalArgumentException("the hand model must have at least " + (2 + 4 * Ht.FINGERS)
                    + " bones (a root, a wrist and four per finger) but has " + bones);
        }
        for (int b = 0; b < bones; b++) {
            if (parents[b] < -1 || parents[b] >= b) {
                throw new IllegalArgumentException("parents[" + b + "] must be -1 or an earlier bone but is "
                        + parents[b]);
            }
        }
        double[][] basePositions = Inputs.matrix(model, "base_positions");
        Inputs.requireShape("base_positions", basePositions, basePositions.length, 4);
        double[][] weights = Inputs.matrix(model, "weights");
        Inputs.requireShape("weights", weights, basePositions.length, bones);
        int[] correspondences = Inputs.integers(data, "correspondences");
        double[][] points = Inputs.matrix(data, "points");
        Inputs.requireShape("points", points, correspondences.length, 3);
        double[][] us = Inputs.matrix(input, "us");
        if (us.length != 0) {
            Inputs.requireShape("us", us, correspondences.length, 2);
        }
        double[] flatUs = new double[2 * us.length];
        for (int i = 0; i < us.length; i++) {
            flatUs[2 * i] = us[i][0];
            flatUs[2 * i + 1] = us[i][1];
        }
        int[][] triangles = Inputs.integerRows(model, "triangles");
        int[] vertices = new int[3 * triangles.length];
        for (int t = 0; t < triangles.length; t++) {
            if (triangles[t].length != 3) {
                throw new IllegalArgumentException("triangles[" + t + "] must have 3 vertices but has "
                        + triangles[t].length);
            }
            System.arraycopy(triangles[t], 0, vertices, 3 * t, 3);
        }
        int limit = us.length == 0 ? basePositions.length : triangles.length;
        for (int i = 0; i < correspondences.length; i++) {
            if (correspondences[i] < 0 || correspondences[i] >= limit) {
                throw new IllegalArgumentException("correspondences[" + i + "] must name one of the " + limit
                        + (us.length == 0 ? " vertices" : " triangles") + " but is " + correspondences[i]);
            }
        }
        return new Input(theta, flatUs, transforms(model, "base_relatives", bones),
                transforms(model, "inverse_base_absolutes", bones), parents, basePositions, weights, vertices,
                Inputs.flag(model, "is_mirrored"), correspondences, points);
    }

    /** The field's 4 x 4 matrices, one per bone, each in a row of 16. */
    private static double[][] transforms(JsonNode model, String name, int bones) {
        double[][][] matrices = Inputs.matrices(model, name);
        if (matrices.length != bones) {
            throw new IllegalArgumentException(name + " must have " + bones + " matrices (one per bone) but has "
                    + matrices.length);
        }
        double[][] flat = new double[bones][16];
        for (int b = 0; b < bones; b++) {
            Inputs.requireShape(name + "[" + b + "]", matrices[b], 4, 4);
            for (int r = 0; r < 4; r++) {
                System.arraycopy(matrices[b][r], 0, flat[b], 4 * r, 4);
            }
        }
        return flat;
    }
}
