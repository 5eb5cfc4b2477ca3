/**
 * JMH benchmarks: for each workload the primal, its compiled gradient, the same gradient on the
 * {@code Value} engine and by finite differences, in one run, so that the ratios between them are
 * meaningful on a shared machine. {@link io.microautograd.benchmarks.BenchmarkSuite} runs them and
 * writes docs/benchmarks.md; {@code benchmarks/run} builds and starts it.
 */
package io.microautograd.benchmarks;
