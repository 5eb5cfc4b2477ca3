package io.microautograd.train;

/**
 * L-BFGS's memory: the last few pairs of a step {@code s = x' - x} and the change of the
 * gradient along it {@code y = g' - g}, and the two-loop recursion (Nocedal and Wright,
 * Algorithm 7.4) that multiplies a gradient by the inverse-Hessian approximation they define,
 * without forming a matrix.
 *
 * <p>A pair with {@code s.y <= 0} (or not finite) would make the approximation indefinite; the
 * Wolfe line search rules it out in exact arithmetic, rounding does not, so such a pair is
 * skipped and the memory keeps the pairs it had.
 */
final class LbfgsMemory {

    private final double[][] steps;
    private final double[][] gradientChanges;
    private final double[] inverseCurvatures;
    private final double[] coefficients;
    private int count;
    private int newest = -1;

    /** A memory of at most {@code capacity} pairs of vectors of length {@code dimension}. */
    LbfgsMemory(int capacity, int dimension) {
        steps = new double[capacity][dimension];
        gradientChanges = new double[capacity][dimension];
        inverseCurvatures = new double[capacity];
        coefficients = new double[capacity];
    }

    /**
     * Remembers the step from {@code point} to {@code nextPoint} with the change from
     * {@code gradient} to {@code nextGradient}, forgetting the oldest pair when full; skips it
     * if its curvature {@code s.y} is not positive.
     *
     * @return whether the pair was kept
     */
    boolean offer(double[] point, double[] nextPoint, double[] gradient, double[] nextGradient) {
        double curvature = 0;
        for (int i = 0; i < point.length; i++) {
            curvature += (nextPoint[i] - point[i]) * (nextGradient[i] - gradient[i]);
        }
        if (!(curvature > 0 && curvature < Double.POSITIVE_INFINITY)) {
            return false;
        }
        newest = (newest + 1) % steps.length;
        count = Math.min(count + 1, steps.length);
        for (int i = 0; i < point.length; i++) {
            steps[newest][i] = nextPoint[i] - point[i];
            gradientChanges[newest][i] = nextGradient[i] - gradient[i];
        }
        inverseCurvatures[newest] = 1 / curvature;
        return true;
    }

    /** Forgets every pair: the next direction is steepest descent. */
    void clear() {
        count = 0;
        newest = -1;
    }

    /** Whether no pair is remembered. */
    boolean isEmpty() {
        return count == 0;
    }

    /**
     * Writes the quasi-Newton direction {@code -H g} into {@code direction}, with H the
     * approximation of the inverse Hessian the pairs define from the scaled identity
     * {@code (s.y / y.y) I} of the newest pair (Nocedal and Wright, 7.20); {@code -g} when the
     * memory is empty.
     */
    void direction(double[] gradient, double[] direction) {
        for (int i = 0; i < direction.length; i++) {
            direction[i] = -gradient[i];
        }
        if (count == 0) {
            return;
        }
        int oldest = (newest - count + 1 + steps.length) % steps.length;
        for (int k = 0; k < count; k++) {
            int j = (newest - k + steps.length) % steps.length;
            coefficients[j] = inverseCurvatures[j] * Vectors.dot(steps[j], direction);
            Vectors.addScaled(direction, -coefficients[j], gradientChanges[j]);
        }
        double[] y = gradientChanges[newest];
        double scale = 1 / (inverseCurvatures[newest] * Vectors.dot(y, y));
        for (int i = 0; i < direction.length; i++) {
            direction[i] *= scale;
        }
        for (int k = 0; k < count; k++) {
            int j = (oldest + k) % steps.length;
            double beta = inverseCurvatures[j] * Vectors.dot(gradientChanges[j], direction);
            Vectors.addScaled(direction, coefficients[j] - beta, steps[j]);
        }
    }
}
