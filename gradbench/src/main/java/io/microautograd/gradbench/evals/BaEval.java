package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.EvalModule;
import io.microautograd.gradbench.protocol.Inputs;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code ba} module: {@code objective} is every observation's {@link Ba#reprojectionError}
 * and every weight's {@link Ba#weightError}; {@code jacobian} their sparse Jacobian with respect
 * to the cameras, the points and the weights, each observation's two rows from the generated
 * {@code BaGrad.reprojectionErrorJacobian} and each weight's row from the generated gradient of
 * {@link Ba#weightError}. The eval sends one camera, point, weight and feature and the counts
 * n, m and p; the problem is n cameras, m points and p observations, observation i seeing point
 * i mod m from camera i mod n, every one computed. Outputs, as GradBench's {@code manual} gives
 * them: the objective's first two reprojection errors and first weight error, each with the
 * number of their repetitions, and the Jacobian's compressed rows, columns and values, the
 * first 30 entries of each and the last.
 */
final class BaEval {

    /** The entries of each list of the Jacobian that the eval compares: the first ones, then the last. */
    private static final int SENT = 30;
    /** The columns of a reprojection error's row: the camera's, the point's and the weight's. */
    private static final int BLOCK = Ba.CAMERA + Ba.POINT + 1;

    /** The problem the eval's input describes, duplicated as its README says. */
    record Problem(double[][] cameras, double[][] points, double[] weights, double[][] features, int[] cameraOf,
            int[] pointOf) {

        int observations() {
            return weights.length;
        }
    }

    /** The {@code jacobian} output: the compressed sparse rows, as sent. */
    record SparseJacobian(int[] rows, int[] cols, double[] vals) {
    }

    private BaEval() {
    }

    static EvalModule module() {
        return new EvalModule("ba", Map.of(
                "objective", input -> {
                    Problem problem = read(input);
                    int p = problem.observations();
                    double[] reprojectionErrors = new double[2 * p];
                    double[] weightErrors = new double[p];
                    double[] error = new double[2];
                    return () -> {
                        for (int i = 0; i < p; i++) {
                            Ba.reprojectionError(problem.cameras()[problem.cameraOf()[i]],
                                    problem.points()[problem.pointOf()[i]], problem.weights()[i],
                                    problem.features()[i], error);
                            reprojectionErrors[2 * i] = error[0];
                            reprojectionErrors[2 * i + 1] = error[1];
                        }
                        for (int i = 0; i < p; i++) {
                            weightErrors[i] = Ba.weightError(problem.weights()[i]);
                        }
                        return Map.of(
                                "reproj_error", Map.of("elements", Arrays.copyOf(reprojectionErrors, 2),
                                        "repeated", p),
                                "w_err", Map.of("element", weightErrors[0], "repeated", p));
                    };
                },
                "jacobian", input -> {
                    Problem problem = read(input);
                    int p = problem.observations();
                    int pointColumns = Ba.CAMERA * problem.cameras().length;
                    int weightColumns = pointColumns + Ba.POINT * problem.points().length;
                    int[] rows = new int[3 * p + 1];
                    int[] cols = new int[2 * BLOCK * p + p];
                    double[] vals = new double[cols.length];
                    double[] error = new double[2];
                    double[][] block = new double[2][BLOCK];
                    double[] weightGradient = new double[1];
                    return () -> {
                        for (int i = 0; i < p; i++) {
                            int camera = problem.cameraOf()[i];
                            int point = problem.pointOf()[i];
                            BaGrad.reprojectionErrorJacobian(problem.cameras()[camera], problem.points()[point],
                                    problem.weights()[i], problem.features()[i], error, block);
                            for (int row = 0; row < 2; row++) {
                                int at = (2 * i + row) * BLOCK;
                                rows[2 * i + row + 1] = at + BLOCK;
                                for (int c = 0; c < Ba.CAMERA; c++) {
                                    cols[at + c] = Ba.CAMERA * camera + c;
                                }
                                for (int c = 0; c < Ba.POINT; c++) {
                                    cols[at + Ba.CAMERA + c] = pointColumns + Ba.POINT * point + c;
                                }
                                cols[at + BLOCK - 1] = weightColumns + i;
                                System.arraycopy(block[row], 0, vals, at, BLOCK);
                            }
                        }
                        for (int i = 0; i < p; i++) {
                            int at = 2 * BLOCK * p + i;
                            weightGradient[0] = 0;
                            BaGrad.weightError(problem.weights()[i], weightGradient);
                            rows[2 * p + i + 1] = at + 1;
                            cols[at] = weightColumns + i;
                            vals[at] = weightGradient[0];
                        }
                        return new SparseJacobian(sent(rows), sent(cols), sent(vals));
                    };
                }));
    }

    private static int[] sent(int[] entries) {
        int[] sent = Arrays.copyOf(entries, SENT + 1);
        sent[SENT] = entries[entries.length - 1];
        return sent;
    }

    private static double[] sent(double[] entries) {
        double[] sent = Arrays.copyOf(entries, SENT + 1);
        sent[SENT] = entries[entries.length - 1];
        return sent;
    }

    private static Problem read(JsonNode input) {
        int n = Inputs.integer(input, "n");
        int m = Inputs.integer(input, "m");
        int p = Inputs.integer(input, "p");
        double[] camera = Inputs.vector(input, "cam");
        double[] point = Inputs.vector(input, "x");
        double w = Inputs.number(input, "w");
        double[] feature = Inputs.vector(input, "feat");
        if (n < 1 || m < 1 || p < SENT / 2) {
            throw new IllegalArgumentException("ba needs n, m >= 1 and p >= " + SENT / 2 + " (the first " + SENT
                    + " entries of the Jacobian are sent), but n = " + n + ", m = " + m + ", p = " + p);
        }
        requireLength("cam", camera, Ba.CAMERA);
        requireLength("x", point, Ba.POINT);
        requireLength("feat", feature, 2);
        double[][] cameras = new double[n][];
        Arrays.setAll(cameras, j -> camera.clone());
        double[][] points = new double[m][];
        Arrays.setAll(points, j -> point.clone());
        double[] weights = new double[p];
        Arrays.fill(weights, w);
        double[][] features = new double[p][];
        Arrays.setAll(features, i -> feature.clone());
        int[] cameraOf = new int[p];
        Arrays.setAll(cameraOf, i -> i % n);
        int[] pointOf = new int[p];
        Arrays.setAll(pointOf, i -> i % m);
        return new Problem(cameras, points, weights, features, cameraOf, pointOf);
    }

    private static void requireLength(String name, double[] vector, int length) {
        if (vector.length != length) {
            throw new IllegalArgumentException(name + " must have " + length + " numbers but has " + vector.length);
        }
    }
}
