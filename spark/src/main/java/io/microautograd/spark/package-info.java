/**
 * Compiled gradients summed on Apache Spark, the way Spark MLlib trains its linear models: each
 * executor sums per-sample gradients over its partition, {@code treeAggregate} combines the
 * sums, and an optimizer on the driver takes the step.
 * {@link io.microautograd.spark.DistributedSamples} reads a {@code Dataset<Row>} (numeric
 * columns) or an RDD of any records (through a {@link io.microautograd.spark.SampleReader}) once
 * and caches it on the executors; {@link io.microautograd.spark.DistributedObjective} makes the
 * mean of a {@link io.microautograd.spark.SerializablePerSampleObjective} over them an
 * {@link io.microautograd.optim.Objective}, so the library's optimizers and
 * {@link io.microautograd.train.Minimizer} drive it unchanged:
 *
 * <pre>{@code
 * Dataset<Row> rows = spark.read().parquet("clicks.parquet");
 * try (DistributedSamples samples = DistributedSamples.fromColumns(rows, List.of("x1", "x2"), List.of("label"))) {
 *     DistributedObjective loss = DistributedObjective.builder(samples, LogisticRegressionGrad::logLoss).build();
 *     double[] trained = Minimizer.minimize(loss, new double[3], new Adam(0.1), 100).finalPoint();
 * }
 * }</pre>
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>The per-sample shape is the runtime's {@link io.microautograd.train.PerSampleObjective}
 *       ({@code double loss(params, input, target, gradient)}, which generated gradients fit by
 *       method reference), made serializable: a lambda or method reference written where
 *       {@code SerializablePerSampleObjective} is expected can be shipped to executors. The
 *       objective serializes it once when it is configured, so a capture Spark could not ship is
 *       an error there.</li>
 *   <li>The value is the mean over the batch plus an optional regularizer evaluated once on the
 *       driver: the batch loss of a {@link io.microautograd.train.PerSampleModel} with the same
 *       loss and regularizer, equal to rounding (tested to 1e-12 relative).</li>
 *   <li>Samples are read eagerly and persisted {@code MEMORY_AND_DISK}, one block of two packed
 *       {@code double[]} per partition; a bad row fails where the samples are made, not in the
 *       first step. Per evaluation only the parameters are broadcast (and destroyed after the
 *       job); the loss travels in the task closure, which Spark ships with every task anyway.</li>
 *   <li>Mini-batches follow MLlib: each sample is taken with a fixed probability, so a batch's
 *       size varies around {@code fraction * n}, and the mean is over the samples drawn. Draws
 *       depend on the seed, the evaluation number and the partition, never on the task attempt,
 *       so a retried task sums the same samples.</li>
 *   <li>Spark combines partition sums in the order their tasks finish, so repeated evaluations
 *       agree to rounding rather than to the bit (the local
 *       {@code PerSampleModel} fixes its order and gives the same bits).</li>
 *   <li>{@link io.microautograd.train.Trainer} takes a local
 *       {@link io.microautograd.data.Dataset} and batch indices, so it cannot drive a
 *       distributed objective; {@link io.microautograd.train.Minimizer}, with its divergence
 *       guard, does. A NaN on an executor stops it with
 *       {@link io.microautograd.train.TrainingDivergedException} naming the step.</li>
 *   <li>Spark itself is a {@code provided} dependency: a cluster brings its own. The JVM that
 *       starts Spark in-process (local mode, tests) needs the module options in the README.</li>
 * </ul>
 */
package io.microautograd.spark;
