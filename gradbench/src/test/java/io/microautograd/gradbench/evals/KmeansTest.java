package io.microautograd.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.Differentiable;
import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.optim.Objective;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The k-means objective against its definition, its compiled gradient against central
 * differences, its Hessian (diagonal, the product along all ones its diagonal), and {@code dir}
 * against the Newton step of k-means, from each centroid to the mean of its points.
 */
class KmeansTest {

    private static final int K = 3;
    private static final int D = 2;
    private static final int N = 12;

    private final double[][] points = new double[N][D];
    private final double[][] centroids = new double[K][];

    KmeansTest() {
        Random random = new Random(26);
        for (double[] point : points) {
            for (int l = 0; l < D; l++) {
                point[l] = random.nextDouble();
            }
        }
        // As the eval makes them: the last k points, so that every centroid is the nearest of one.
        for (int j = 0; j < K; j++) {
            centroids[j] = points[N - K + j].clone();
        }
    }

    /**
     * {@link Kmeans#cost} of centroids given as one vector, row after row, so that the test gets
     * the generated Hessian ({@code fHessian} takes one {@code double[]}) of the eval's method
     * through the generated call of its second-order pullback.
     */
    @Differentiable(wrt = "flat", order = 2)
    static double costOfFlat(double[] flat, double[][] points, int k) {
        int d = flat.length / k;
        double[][] centroids = new double[k][d];
        for (int j = 0; j < k; j++) {
            for (int l = 0; l < d; l++) {
                centroids[j][l] = flat[j * d + l];
            }
        }
        return Kmeans.cost(points, centroids);
    }

    /** The index of the nearest centroid of {@code point}, the first at a tie. */
    private int nearest(double[] point) {
        int nearest = 0;
        for (int j = 1; j < K; j++) {
            if (squaredDistance(point, centroids[j]) < squaredDistance(point, centroids[nearest])) {
                nearest = j;
            }
        }
        return nearest;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int l = 0; l < a.length; l++) {
            sum += Math.pow(a[l] - b[l], 2);
        }
        return sum;
    }

    private static double[] flatten(double[][] matrix) {
        double[] flat = new double[K * D];
        for (int j = 0; j < K; j++) {
            System.arraycopy(matrix[j], 0, flat, j * D, D);
        }
        return flat;
    }

    @Test
    void costIsTheSumOfSquaredDistancesToTheNearestCentroid() {
        double expected = 0;
        for (double[] point : points) {
            double closest = Double.POSITIVE_INFINITY;
            for (double[] centroid : centroids) {
                closest = Math.min(closest, squaredDistance(point, centroid));
            }
            expected += closest;
        }
        assertEquals(expected, Kmeans.cost(points, centroids), 1e-14);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Objective flat = (c, gradient) -> {
            double[][] matrix = new double[K][D];
            double[][] dMatrix = new double[K][D];
            for (int j = 0; j < K; j++) {
                System.arraycopy(c, j * D, matrix[j], 0, D);
            }
            double value = KmeansGrad.cost(points, matrix, dMatrix);
            double[] packed = flatten(dMatrix);
            for (int i = 0; i < packed.length; i++) {
                gradient[i] += packed[i];
            }
            return value;
        };
        // Near enough to the centroids that no point changes its nearest centroid.
        GradientCheck.standard().assertGradientNear(flat, flatten(centroids), 1e-3, 5, 26);
    }

    @Test
    void hessianIsDiagonalTwiceTheClusterSizesAndTheProductWithOnesIsItsDiagonal() {
        double[][] hessian = KmeansTestGrad.costOfFlatHessian(flatten(centroids), points, K);
        int[] sizes = new int[K];
        for (double[] point : points) {
            sizes[nearest(point)]++;
        }
        double[][] ones = new double[K][D];
        for (double[] row : ones) {
            java.util.Arrays.fill(row, 1);
        }
        double[][] product = new double[K][D];
        KmeansGrad.costHvp(points, centroids, ones, new double[K][D], product);
        for (int a = 0; a < K * D; a++) {
            for (int b = 0; b < K * D; b++) {
                assertEquals(a == b ? 2.0 * sizes[a / D] : 0.0, hessian[a][b], 1e-12, "H[" + a + "][" + b + "]");
            }
            assertEquals(hessian[a][a], product[a / D][a % D], 1e-12);
        }
    }

    @Test
    void hessianMatchesCentralDifferencesOfTheCompiledGradient() {
        double[] center = flatten(centroids);
        double[][] hessian = KmeansTestGrad.costOfFlatHessian(center, points, K);
        double step = 1e-4;
        for (int b = 0; b < K * D; b++) {
            double[] plus = center.clone();
            double[] minus = center.clone();
            plus[b] += step;
            minus[b] -= step;
            double[] gradientPlus = new double[K * D];
            double[] gradientMinus = new double[K * D];
            KmeansTestGrad.costOfFlat(plus, points, K, gradientPlus);
            KmeansTestGrad.costOfFlat(minus, points, K, gradientMinus);
            for (int a = 0; a < K * D; a++) {
                assertEquals((gradientPlus[a] - gradientMinus[a]) / (2 * step), hessian[a][b], 1e-6);
            }
        }
    }

    @Test
    void dirIsTheStepFromTheMeanOfEachCentroidsPointsToTheCentroid() {
        double[][] sums = new double[K][D];
        int[] sizes = new int[K];
        for (double[] point : points) {
            int j = nearest(point);
            sizes[j]++;
            for (int l = 0; l < D; l++) {
                sums[j][l] += point[l];
            }
        }
        double[][] dir = dir(points, centroids);
        for (int j = 0; j < K; j++) {
            for (int l = 0; l < D; l++) {
                assertEquals(centroids[j][l] - sums[j][l] / sizes[j], dir[j][l], 1e-14);
            }
        }
    }

    @Test
    void dirOfACentroidNearestToNoPointIsAnError() {
        double[][] far = {centroids[0], centroids[1], {50, 50}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dir(points, far));
        assertEquals("centroids[2] is the nearest centroid of no point: the Hessian is 0 there, so there is no"
                + " Newton direction", e.getMessage());
    }

    private static double[][] dir(double[][] points, double[][] centroids) {
        JsonMapper json = JsonMapper.builder().build();
        var input = json.createObjectNode();
        input.set("points", json.valueToTree(points));
        input.set("centroids", json.valueToTree(centroids));
        return (double[][]) KmeansEval.module().functions().get("dir").prepare(input).run();
    }
}
