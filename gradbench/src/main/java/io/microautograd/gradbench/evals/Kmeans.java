package io.microautograd.gradbench.evals;

import io.microautograd.Differentiable;

/**
 * GradBench's {@code kmeans} eval: the k-means objective, whose Newton direction the eval asks
 * for (Bottou and Bengio, NIPS 1994).
 */
public final class Kmeans {

    private Kmeans() {
    }

    /**
     * f(P, C) = sum_i min_j |C_j - P_i|^2, the squared distance of each point to its nearest
     * centroid, the first of the nearest at a tie.
     *
     * <p>The search only chooses an index; the distance added is computed again from that
     * centroid. The value is the same (the same sum in the same order), but the derivatives then
     * flow only through the chosen centroid's d coordinates per point, instead of through every
     * centroid's distance and a chain of minima, which is the eval's "sparse adjoint of the
     * minimum": in the generated reverse sweep the search's distances have zero adjoints, so the
     * loops over their coordinates are skipped.
     *
     * <p>Its Hessian with respect to the centroids is diagonal, and this is exact, not an
     * approximation: wherever no point is at the same distance from two nearest centroids, each
     * point's nearest centroid stays the same under a small enough change of C, so near C the
     * objective is sum_i sum_l (C_{j(i),l} - P_{i,l})^2 for fixed j(i), a sum of squares each of
     * one coordinate of one centroid. A second derivative across two coordinates is therefore 0,
     * and the one of coordinate (j, l) is 2 |{i : j(i) = j}|. So H times the all-ones vector is
     * H's diagonal, and one Hessian-vector product gives the gradient and the diagonal together.
     */
    @Differentiable(wrt = "centroids", order = 2)
    public static double cost(double[][] points, double[][] centroids) {
        int d = centroids[0].length;
        double cost = 0;
        for (int i = 0; i < points.length; i++) {
            int nearest = 0;
            double closest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < centroids.length; j++) {
                double distance = 0;
                for (int l = 0; l < d; l++) {
                    double difference = points[i][l] - centroids[j][l];
                    distance += difference * difference;
                }
                if (distance < closest) {
                    closest = distance;
                    nearest = j;
                }
            }
            for (int l = 0; l < d; l++) {
                double difference = points[i][l] - centroids[nearest][l];
                cost += difference * difference;
            }
        }
        return cost;
    }
}
