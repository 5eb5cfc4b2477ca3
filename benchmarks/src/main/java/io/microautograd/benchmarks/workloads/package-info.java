/**
 * The functions the benchmarks measure, each in plain Java (the primal, and the source the
 * gradient compiler reads) and on the {@code Value} engine, plus ADBench's GMM data reader and a
 * finite-difference gradient. Two gradients of the moons training step are written by hand as
 * yardsticks, not product paths: {@link io.microautograd.benchmarks.workloads.HandWrittenMlpGradient}
 * sample by sample, as a person tuning plain Java would, and
 * {@link io.microautograd.benchmarks.workloads.BatchedMlpGradient} for the whole batch with its
 * loops laid out for the CPU, which shows what the JVM can reach on this step.
 */
package io.microautograd.benchmarks.workloads;
