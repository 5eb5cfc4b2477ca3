package io.microautograd.benchmarks.report;

/**
 * One benchmark result: which workload, which way of computing, and its median with error.
 *
 * @param workload the function measured, with its parameters (for example {@code Gmm 10k})
 * @param method {@code primal}, {@code compiled}, {@code valueEngine} or {@code finiteDifferences}
 * @param median the median score over all measurement iterations
 * @param error the half-width of JMH's 99.9% confidence interval of the mean
 * @param unit the score's unit, for example {@code us/op}
 */
public record Measurement(String workload, String method, double median, double error, String unit) {
}
