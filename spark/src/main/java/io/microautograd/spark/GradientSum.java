package io.microautograd.spark;

import java.io.Serializable;

/**
 * The sums that travel from the executors to the driver: of the losses of a set of samples, of
 * their gradients, and how many samples there were. Adding two sums is how
 * {@code treeAggregate} combines partitions.
 */
final class GradientSum implements Serializable {

    private static final long serialVersionUID = 1L;

    double loss;
    long count;
    final double[] gradient;

    /** An empty sum over {@code parameterCount} parameters: the aggregation's zero. */
    GradientSum(int parameterCount) {
        this.gradient = new double[parameterCount];
    }

    /** Adds {@code other} into this sum and returns this sum. */
    GradientSum add(GradientSum other) {
        loss += other.loss;
        count += other.count;
        for (int j = 0; j < gradient.length; j++) {
            gradient[j] += other.gradient[j];
        }
        return this;
    }
}
