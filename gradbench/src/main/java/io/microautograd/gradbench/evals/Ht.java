package io.microautograd.gradbench.evals;

import io.microautograd.Differentiable;

/**
 * GradBench's {@code ht} eval: hand tracking's residuals (ADBench's), the distance of each
 * observed point from its corresponding point on a hand model posed by 26 parameters and skinned
 * linearly over its bones.
 */
public final class Ht {

    /** The pose parameters: global rotation (3), global translation (3), four per finger. */
    static final int THETA = 26;
    /** The fingers, whose bones are the model's from the third on, four each. */
    static final int FINGERS = 5;

    private Ht() {
    }

    /**
     * The residuals of the observed {@code points}, written into {@code err}: for point i,
     * {@code err[3i + j] = points[i][j] - h_j}, where h is its corresponding point of the posed
     * hand: vertex {@code correspondences[i]}, or, where {@code us} is not empty, the point with
     * barycentric coordinates (u0, u1, 1 - u0 - u1), {@code us[2i]} and {@code us[2i + 1]}, in
     * triangle {@code correspondences[i]} (vertices {@code triangles[3t]} to {@code triangles[3t + 2]}).
     *
     * <p>The pose: each finger's three joints from the third bone on take an angle each (the
     * first two), the base joint a second one; each bone's rotation is R_z R_y R_x of its angles
     * (x, then z, then y, as ADBench orders them), after its base transform, and the bones chain
     * from their parents (parents come first). Each vertex is the sum over the bones of its
     * weight times the bone's transform (relative to its base pose) of its base position, mirrored
     * in x where the model is, then rotated by theta[0..2] (an angle-axis vector; identity below an
     * angle of 1e-4) and moved by theta[3..5]. Matrices are 4 x 4, row by row, in rows of 16.
     *
     * @return the residuals' sum of squares
     */
    @Differentiable(wrt = {"theta", "us"}, outputs = "err")
    public static double residuals(double[] theta, double[] us, double[][] baseRelatives,
            double[][] inverseBaseAbsolutes, int[] parents, double[][] basePositions, double[][] weights,
            int[] triangles, boolean mirrored, int[] correspondences, double[][] points, double[] err) {
        int bones = parents.length;
        double[][] angles = new double[bones][3];
        int iTheta = 6;
        int bone = 2;
        for (int finger = 0; finger < FINGERS; finger++) {
            for (int joint = 2; joint <= 4; joint++) {
                angles[bone][0] = theta[iTheta];
                iTheta++;
                if (joint == 2) {
                    angles[bone][1] = theta[iTheta];
                    iTheta++;
                }
                bone++;
            }
            bone++;
        }
        double[][] relatives = new double[bones][16];
        for (int b = 0; b < bones; b++) {
            double cx = Math.cos(angles[b][0]);
            double sx = Math.sin(angles[b][0]);
            double cy = Math.cos(angles[b][2]);
            double sy = Math.sin(angles[b][2]);
            double cz = Math.cos(angles[b][1]);
            double sz = Math.sin(angles[b][1]);
            double r00 = cz * cy;
            double r01 = -sz * cx + cz * sy * sx;
            double r02 = sz * sx + cz * sy * cx;
            double r10 = sz * cy;
            double r11 = cz * cx + sz * sy * sx;
            double r12 = -cz * sx + sz * sy * cx;
            double r20 = -sy;
            double r21 = cy * sx;
            double r22 = cy * cx;
            for (int r = 0; r < 4; r++) {
                double b0 = baseRelatives[b][4 * r];
                double b1 = baseRelatives[b][4 * r + 1];
                double b2 = baseRelatives[b][4 * r + 2];
                relatives[b][4 * r] = b0 * r00 + b1 * r10 + b2 * r20;
                relatives[b][4 * r + 1] = b0 * r01 + b1 * r11 + b2 * r21;
                relatives[b][4 * r + 2] = b0 * r02 + b1 * r12 + b2 * r22;
                relatives[b][4 * r + 3] = baseRelatives[b][4 * r + 3];
            }
        }
        double[][] absolutes = new double[bones][16];
        double[][] transforms = new double[bones][16];
        for (int b = 0; b < bones; b++) {
            int parent = parents[b];
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    double entry;
                    if (parent == -1) {
                        entry = relatives[b][4 * r + c];
                    } else {
                        entry = 0;
                        for (int k = 0; k < 4; k++) {
                            entry += absolutes[parent][4 * r + k] * relatives[b][4 * k + c];
                        }
                    }
                    absolutes[b][4 * r + c] = entry;
                }
            }
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    double entry = 0;
                    for (int k = 0; k < 4; k++) {
                        entry += absolutes[b][4 * r + k] * inverseBaseAbsolutes[b][4 * k + c];
                    }
                    transforms[b][4 * r + c] = entry;
                }
            }
        }
        double g00 = 1;
        double g01 = 0;
        double g02 = 0;
        double g10 = 0;
        double g11 = 1;
        double g12 = 0;
        double g20 = 0;
        double g21 = 0;
        double g22 = 1;
        double norm = Math.sqrt(theta[0] * theta[0] + theta[1] * theta[1] + theta[2] * theta[2]);
        if (norm >= 1e-4) {
            double x = theta[0] / norm;
            double y = theta[1] / norm;
            double z = theta[2] / norm;
            double s = Math.sin(norm);
            double c = Math.cos(norm);
            g00 = x * x + (1 - x * x) * c;
            g01 = x * y * (1 - c) - z * s;
            g02 = x * z * (1 - c) + y * s;
            g10 = x * y * (1 - c) + z * s;
            g11 = y * y + (1 - y * y) * c;
            g12 = y * z * (1 - c) - x * s;
            g20 = x * z * (1 - c) - y * s;
            g21 = z * y * (1 - c) + x * s;
            g22 = z * z + (1 - z * z) * c;
        }
        int vertices = basePositions.length;
        double[][] positions = new double[vertices][3];
        for (int v = 0; v < vertices; v++) {
            double p0 = 0;
            double p1 = 0;
            double p2 = 0;
            for (int b = 0; b < bones; b++) {
                double w = weights[v][b];
                p0 += (transforms[b][0] * basePositions[v][0] + transforms[b][1] * basePositions[v][1]
                        + transforms[b][2] * basePositions[v][2] + transforms[b][3] * basePositions[v][3]) * w;
                p1 += (transforms[b][4] * basePositions[v][0] + transforms[b][5] * basePositions[v][1]
                        + transforms[b][6] * basePositions[v][2] + transforms[b][7] * basePositions[v][3]) * w;
                p2 += (transforms[b][8] * basePositions[v][0] + transforms[b][9] * basePositions[v][1]
                        + transforms[b][10] * basePositions[v][2] + transforms[b][11] * basePositions[v][3]) * w;
            }
            if (mirrored) {
                p0 = -p0;
            }
            positions[v][0] = g00 * p0 + g01 * p1 + g02 * p2 + theta[3];
            positions[v][1] = g10 * p0 + g11 * p1 + g12 * p2 + theta[4];
            positions[v][2] = g20 * p0 + g21 * p1 + g22 * p2 + theta[5];
        }
        double squares = 0;
        for (int i = 0; i < correspondences.length; i++) {
            int at = correspondences[i];
            for (int j = 0; j < 3; j++) {
                double hand;
                if (us.length == 0) {
                    hand = positions[at][j];
                } else {
                    double u0 = us[2 * i];
                    double u1 = us[2 * i + 1];
                    hand = u0 * positions[triangles[3 * at]][j] + u1 * positions[triangles[3 * at + 1]][j]
                            + (1. - u0 - u1) * positions[triangles[3 * at + 2]][j];
                }
                err[3 * i + j] = points[i][j] - hand;
                squares += err[3 * i + j] * err[3 * i + j];
            }
        }
        return squares;
    }
}
