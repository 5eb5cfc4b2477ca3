package io.microautograd.spark;

import io.microautograd.train.PerSampleObjective;
import java.io.Serializable;

/**
 * A {@link PerSampleObjective} that can be shipped to Spark's executors. Nothing to implement
 * beyond the per-sample shape: a lambda or method reference written where this type is expected
 * is serializable, as long as what it captures is.
 *
 * <pre>{@code
 * // LogisticRegressionGrad is generated from
 * // @Differentiable(wrt = "params") static double logLoss(double[] params, double[] x, double[] y)
 * SerializablePerSampleObjective loss = LogisticRegressionGrad::logLoss;
 * }</pre>
 *
 * <p>Each Spark task works on its own deserialized copy, so an implementation may keep mutable
 * state per copy; generated static methods keep none.
 */
@FunctionalInterface
public interface SerializablePerSampleObjective extends PerSampleObjective, Serializable {
}
