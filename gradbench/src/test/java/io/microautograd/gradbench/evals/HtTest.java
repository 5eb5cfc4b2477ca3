package io.microautograd.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hand tracking's residuals and their generated Jacobian on a small random hand (22 bones in a
 * chain, 5 vertices, 3 triangles, 3 points): the whole Jacobian with respect to theta and us
 * against central differences of the residuals, and the eval's layout, the us columns first,
 * each a residual's derivative with respect to its own point's u, against that Jacobian.
 */
class HtTest {

    private static final int BONES = 22;
    private static final double H = 1e-6;

    private final Random random = new Random(26);
    private final double[] theta = random(Ht.THETA, 0.6);
    private final double[][] baseRelatives = transforms();
    private final double[][] inverseBaseAbsolutes = transforms();
    private final int[] parents = new int[BONES];
    private final double[][] basePositions = new double[5][];
    private final double[][] weights = new double[5][];
    private final int[] triangles = {0, 1, 2, 1, 3, 4, 4, 2, 0};
    private final int[] correspondences = {2, 0, 1};
    private final double[] us = random(6, 0.5);
    private final double[][] points = {random(3, 1), random(3, 1), random(3, 1)};

    HtTest() {
        for (int b = 0; b < BONES; b++) {
            parents[b] = b - 1;
        }
        for (int v = 0; v < basePositions.length; v++) {
            basePositions[v] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble(), 1};
            weights[v] = random(BONES, 0.5);
        }
        theta[0] = 0.3;
    }

    @Test
    void jacobianMatchesCentralDifferences() {
        double[] inputs = new double[Ht.THETA + us.length];
        System.arraycopy(theta, 0, inputs, 0, Ht.THETA);
        System.arraycopy(us, 0, inputs, Ht.THETA, us.length);
        double[][] jacobian = jacobian();
        for (int c = 0; c < inputs.length; c++) {
            double[] up = residualsAt(shifted(inputs, c, H));
            double[] down = residualsAt(shifted(inputs, c, -H));
            for (int r = 0; r < jacobian.length; r++) {
                double expected = (up[r] - down[r]) / (2 * H);
                assertEquals(expected, jacobian[r][c], 1e-6 * (1 + Math.abs(expected)), "d err[" + r + "] / d " + c);
            }
        }
    }

    @Test
    void evalsJacobianHasEachResidualsOwnUsColumnsFirstThenTheta() {
        double[][] full = jacobian();
        double[][] sent = (double[][]) HtEval.module().functions().get("jacobian").prepare(input()).run();
        assertEquals(9, sent.length);
        for (int r = 0; r < 9; r++) {
            assertEquals(2 + Ht.THETA, sent[r].length);
            int point = r / 3;
            assertEquals(full[r][Ht.THETA + 2 * point], sent[r][0], 1e-12, "row " + r + ", u0");
            assertEquals(full[r][Ht.THETA + 2 * point + 1], sent[r][1], 1e-12, "row " + r + ", u1");
            for (int k = 0; k < Ht.THETA; k++) {
                assertEquals(full[r][k], sent[r][2 + k], 1e-12, "row " + r + ", theta " + k);
            }
        }
        double[] err = (double[]) HtEval.module().functions().get("objective").prepare(input()).run();
        assertEquals(residualsAt(concat(theta, us))[4], err[4]);
    }

    @Test
    void aCorrespondenceOutsideTheTrianglesIsAnError() {
        correspondences[1] = 3;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HtEval.module().functions().get("objective").prepare(input()));
        assertEquals("correspondences[1] must name one of the 3 triangles but is 3", e.getMessage());
    }

    private double[][] jacobian() {
        double[][] jacobian = new double[9][Ht.THETA + us.length];
        HtGrad.residualsJacobian(theta, us, baseRelatives, inverseBaseAbsolutes, parents, basePositions, weights,
                triangles, true, correspondences, points, new double[9], jacobian);
        return jacobian;
    }

    private double[] residualsAt(double[] inputs) {
        double[] err = new double[9];
        Ht.residuals(Arrays.copyOf(inputs, Ht.THETA),
                Arrays.copyOfRange(inputs, Ht.THETA, inputs.length), baseRelatives, inverseBaseAbsolutes,
                parents, basePositions, weights, triangles, true, correspondences, points, err);
        return err;
    }

    private JsonNode input() {
        double[][][] relatives = new double[BONES][4][4];
        double[][][] inverses = new double[BONES][4][4];
        for (int b = 0; b < BONES; b++) {
            for (int r = 0; r < 4; r++) {
                System.arraycopy(baseRelatives[b], 4 * r, relatives[b][r], 0, 4);
                System.arraycopy(inverseBaseAbsolutes[b], 4 * r, inverses[b][r], 0, 4);
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("parents", parents);
        model.put("base_relatives", relatives);
        model.put("inverse_base_absolutes", inverses);
        model.put("base_positions", basePositions);
        model.put("weights", weights);
        model.put("triangles", new int[][] {{0, 1, 2}, {1, 3, 4}, {4, 2, 0}});
        model.put("is_mirrored", true);
        double[][] pairs = {{us[0], us[1]}, {us[2], us[3]}, {us[4], us[5]}};
        return JsonMapper.builder().build().valueToTree(Map.of("theta", theta, "us", pairs, "data",
                Map.of("model", model, "correspondences", correspondences, "points", points)));
    }

    private double[][] transforms() {
        double[][] transforms = new double[BONES][];
        for (int b = 0; b < BONES; b++) {
            transforms[b] = random(16, 0.5);
            transforms[b][0] += 1;
            transforms[b][5] += 1;
            transforms[b][10] += 1;
            transforms[b][12] = 0;
            transforms[b][13] = 0;
            transforms[b][14] = 0;
            transforms[b][15] = 1;
        }
        return transforms;
    }

    private double[] random(int n, double scale) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = scale * (random.nextDouble() - 0.5);
        }
        return values;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static double[] shifted(double[] x, int c, double by) {
        double[] y = x.clone();
        y[c] += by;
        return y;
    }
}
