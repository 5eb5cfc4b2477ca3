package io.microautograd.train;

import java.util.Arrays;

/**
 * The points an optimizer visited while minimizing an {@link io.microautograd.optim.Objective},
 * from the start point (index 0) to the point after the last step (index {@link #steps()}),
 * with the objective's value at each: what a plot of an optimisation path draws.
 *
 * <p>Immutable: accessors return copies.
 */
public final class OptimizationPath {

    private final double[][] points;
    private final double[] values;

    OptimizationPath(double[][] points, double[] values) {
        this.points = points;
        this.values = values;
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

    @Override
    public String toString() {
        return "OptimizationPath(" + steps() + " steps, from " + Arrays.toString(points[0]) + " (" + values[0]
                + ") to " + Arrays.toString(points[steps()]) + " (" + finalValue() + "))";
    }
}
