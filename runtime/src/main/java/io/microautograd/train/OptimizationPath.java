package io.microautograd.train;

import java.util.Arrays;

/**
 * The points an optimizer visited while minimizing an {@link io.microautograd.optim.Objective},
 * from the start point (index 0) to the point after the last step (index {@link #steps()}),
 * with the objective's value and gradient norm at each: what a plot of an optimisation path
 * draws. It also counts the objective's evaluations, including those at points a line search or
 * a trust region tried and did not keep, and says why the run ended.
 *
 * <p>Immutable: accessors return copies.
 */
public final class OptimizationPath {

    private final double[][] points;
    private final double[] values;
    private final double[] gradientNorms;
    private final int objectiveEvaluations;
    private final int hessianVectorProducts;
    private final StopReason stopReason;

    OptimizationPath(double[][] points, double[] values, double[] gradientNorms, int objectiveEvaluations,
            int hessianVectorProducts, StopReason stopReason) {
        this.points = points;
        this.values = values;
        this.gradientNorms = gradientNorms;
        this.objectiveEvaluations = objectiveEvaluations;
        this.hessianVectorProducts = hessianVectorProducts;
        this.stopReason = stopReason;
    }

    /** The number of optimizer steps taken; the path holds one more point than this. */
    public int steps() {
        return points.length - 1;
    }

    /** The number of parameters of every point. */
    public int dimension() {
        return points[0].length;
    }

    /**
     * A copy of point {@code k}: the start for 0, the point after step k otherwise.
     *
     * @throws IndexOutOfBoundsException unless 0 &lt;= k &lt;= {@link #steps()}
     */
    public double[] point(int k) {
        return points[k].clone();
    }

    /** The objective's value at point {@code k}. */
    public double value(int k) {
        return values[k];
    }

    /** The Euclidean norm of the objective's gradient at point {@code k}. */
    public double gradientNorm(int k) {
        return gradientNorms[k];
    }

    /** The gradient norm at every point, in visiting order. */
    public double[] gradientNorms() {
        return gradientNorms.clone();
    }

    /** A copy of every point, in visiting order. */
    public double[][] points() {
        double[][] copy = new double[points.length][];
        for (int k = 0; k < points.length; k++) {
            copy[k] = points[k].clone();
        }
        return copy;
    }

    /** The objective's value at every point, in visiting order. */
    public double[] values() {
        return values.clone();
    }

    /**
     * Parameter {@code index} of every point, in visiting order: one axis of a plotted path
     * ({@code path.coordinate(0)} against {@code path.coordinate(1)}).
     *
     * @throws IllegalArgumentException unless 0 &lt;= index &lt; {@link #dimension()}
     */
    public double[] coordinate(int index) {
        if (index < 0 || index >= dimension()) {
            throw new IllegalArgumentException("coordinate index must be in [0, " + dimension() + "), got " + index);
        }
        double[] axis = new double[points.length];
        for (int k = 0; k < points.length; k++) {
            axis[k] = points[k][index];
        }
        return axis;
    }

    /** A copy of the point after the last step. */
    public double[] finalPoint() {
        return point(steps());
    }

    /** The objective's value at the point after the last step. */
    public double finalValue() {
        return values[steps()];
    }

    /** The gradient norm at the point after the last step. */
    public double finalGradientNorm() {
        return gradientNorms[steps()];
    }

    /**
     * How many times the objective gave a value and gradient: once per point for
     * {@link Minimizer}, more for methods that try points they do not keep. Hessian-vector
     * products are counted apart.
     */
    public int objectiveEvaluations() {
        return objectiveEvaluations;
    }

    /** How many Hessian-vector products the run asked for: 0 for first-order methods. */
    public int hessianVectorProducts() {
        return hessianVectorProducts;
    }

    /** Why the run ended. */
    public StopReason stopReason() {
        return stopReason;
    }

    @Override
    public String toString() {
        return "OptimizationPath(" + steps() + " steps, from " + Arrays.toString(points[0]) + " (" + values[0]
                + ") to " + Arrays.toString(points[steps()]) + " (" + finalValue() + ", gradient norm "
                + finalGradientNorm() + "), " + objectiveEvaluations + " evaluations, " + hessianVectorProducts
                + " Hessian-vector products, " + stopReason + ")";
    }
}
