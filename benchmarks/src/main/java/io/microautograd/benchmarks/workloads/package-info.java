/**
 * The functions the benchmarks measure, each in plain Java (the primal, and the source the
 * gradient compiler reads) and on the {@code Value} engine, plus ADBench's GMM data reader and a
 * finite-difference gradient.
 */
package io.microautograd.benchmarks.workloads;
