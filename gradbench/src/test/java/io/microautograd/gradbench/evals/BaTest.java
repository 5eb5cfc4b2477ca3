package io.microautograd.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bundle adjustment's residuals and their generated Jacobian: each column of an observation's
 * block against central differences of the reprojection error, with a rotation and without one
 * (the first-order branch), and the weight error's derivative.
 */
class BaTest {

    private static final double H = 1e-6;

    @Test
    void reprojectionErrorOfAnUnrotatedUndistortedCameraIsThePinholeProjection() {
        double[] camera = {0, 0, 0, 1, -1, 0.5, 3, 0.25, -0.25, 0, 0};
        double[] point = {2, 1, 4.5};
        double[] error = new double[2];
        double squared = Ba.reprojectionError(camera, point, 2, new double[] {1, 0.5}, error);
        // The point is (1, 2, 4) from the centre: 2 * (3 * (1, 2) / 4 + (0.25, -0.25) - (1, 0.5)).
        assertEquals(2 * (0.75 + 0.25 - 1), error[0], 1e-15);
        assertEquals(2 * (1.5 - 0.25 - 0.5), error[1], 1e-15);
        assertEquals(error[0] * error[0] + error[1] * error[1], squared);
    }

    @Test
    void jacobianColumnsMatchCentralDifferences() {
        Random random = new Random(26);
        for (int trial = 0; trial < 4; trial++) {
            double[] camera = new double[Ba.CAMERA];
            for (int c = 0; c < Ba.CAMERA; c++) {
                camera[c] = random.nextDouble() - 0.5;
            }
            camera[6] = 1 + random.nextDouble();
            if (trial == 0) {
                camera[0] = camera[1] = camera[2] = 0;
            }
            double[] point = {random.nextDouble(), random.nextDouble(), 3 + random.nextDouble()};
            double w = 0.5 + random.nextDouble();
            double[] feature = {random.nextDouble(), random.nextDouble()};
            double[] inputs = new double[Ba.CAMERA + Ba.POINT + 1];
            System.arraycopy(camera, 0, inputs, 0, Ba.CAMERA);
            System.arraycopy(point, 0, inputs, Ba.CAMERA, Ba.POINT);
            inputs[Ba.CAMERA + Ba.POINT] = w;
            double[][] jacobian = new double[2][inputs.length];
            BaGrad.reprojectionErrorJacobian(camera, point, w, feature, new double[2], jacobian);
            for (int c = 0; c < inputs.length; c++) {
                double[] up = errorAt(inputs, c, H, feature);
                double[] down = errorAt(inputs, c, -H, feature);
                for (int r = 0; r < 2; r++) {
                    double expected = (up[r] - down[r]) / (2 * H);
                    assertEquals(expected, jacobian[r][c], 1e-7 * (1 + Math.abs(expected)),
                            "trial " + trial + ", d error[" + r + "] / d input " + c);
                }
            }
        }
    }

    @Test
    void weightErrorsDerivativeIsMinusTwiceTheWeight() {
        double[] gradient = new double[1];
        assertEquals(1 - 0.7 * 0.7, BaGrad.weightError(0.7, gradient), 1e-15);
        assertEquals(-1.4, gradient[0], 1e-15);
    }

    private static double[] errorAt(double[] inputs, int c, double by, double[] feature) {
        double[] shifted = inputs.clone();
        shifted[c] += by;
        double[] camera = java.util.Arrays.copyOfRange(shifted, 0, Ba.CAMERA);
        double[] point = java.util.Arrays.copyOfRange(shifted, Ba.CAMERA, Ba.CAMERA + Ba.POINT);
        double[] error = new double[2];
        Ba.reprojectionError(camera, point, shifted[Ba.CAMERA + Ba.POINT], feature, error);
        return error;
    }
}
