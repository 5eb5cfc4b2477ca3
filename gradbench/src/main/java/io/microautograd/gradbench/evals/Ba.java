package io.microautograd.gradbench.evals;

import io.microautograd.Differentiable;

/**
 * GradBench's {@code ba} eval: bundle adjustment's residuals (ADBench's), the reprojection error
 * of one observation of a point by a camera, and the error of its weight.
 */
public final class Ba {

    /**
     * The parameters of a camera: the rotation's axis times its angle (Rodrigues), the centre (3),
     * the focal length, the principal point (2) and the radial distortion (2).
     */
    static final int CAMERA = 11;
    /** The coordinates of a point. */
    static final int POINT = 3;

    private Ba() {
    }

    /**
     * The reprojection error of the point seen at {@code feature}: the point rotated into the
     * camera's frame, projected, distorted radially and scaled by the focal length from the
     * principal point, minus the feature, times the weight {@code w}, written into {@code error}
     * (two numbers). It returns the squared norm of the error, the observation's term of the
     * least-squares objective. At a rotation of angle 0 the rotation is its first-order
     * expansion, as in ADBench.
     */
    @Differentiable(wrt = {"camera", "point", "w"}, outputs = "error")
    public static double reprojectionError(double[] camera, double[] point, double w, double[] feature,
            double[] error) {
        double x0 = point[0] - camera[3];
        double x1 = point[1] - camera[4];
        double x2 = point[2] - camera[5];
        double sqTheta = camera[0] * camera[0] + camera[1] * camera[1] + camera[2] * camera[2];
        double r0;
        double r1;
        double r2;
        if (sqTheta != 0) {
            double theta = Math.sqrt(sqTheta);
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            double inverse = 1.0 / theta;
            double a0 = camera[0] * inverse;
            double a1 = camera[1] * inverse;
            double a2 = camera[2] * inverse;
            double along = (a0 * x0 + a1 * x1 + a2 * x2) * (1. - cos);
            r0 = x0 * cos + (a1 * x2 - a2 * x1) * sin + a0 * along;
            r1 = x1 * cos + (a2 * x0 - a0 * x2) * sin + a1 * along;
            r2 = x2 * cos + (a0 * x1 - a1 * x0) * sin + a2 * along;
        } else {
            r0 = x0 + (camera[1] * x2 - camera[2] * x1);
            r1 = x1 + (camera[2] * x0 - camera[0] * x2);
            r2 = x2 + (camera[0] * x1 - camera[1] * x0);
        }
        double u = r0 / r2;
        double v = r1 / r2;
        double rsq = u * u + v * v;
        double distortion = 1. + camera[9] * rsq + camera[10] * rsq * rsq;
        error[0] = w * (u * distortion * camera[6] + camera[7] - feature[0]);
        error[1] = w * (v * distortion * camera[6] + camera[8] - feature[1]);
        return error[0] * error[0] + error[1] * error[1];
    }

    /** The error of a weight, 1 - w^2, which keeps the weights near 1. */
    @Differentiable
    public static double weightError(double w) {
        return 1 - w * w;
    }
}
