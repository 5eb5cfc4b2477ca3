package io.microautograd.spark;

import java.io.Serializable;

/**
 * Reads one record of an RDD into a sample's input and target rows, on the executors, once
 * when {@link DistributedSamples#fromRecords} caches the records.
 *
 * <pre>{@code
 * // lines of "x1,x2,label"
 * SampleReader<String> csv = (line, input, target) -> {
 *     String[] fields = line.split(",");
 *     input[0] = Double.parseDouble(fields[0]);
 *     input[1] = Double.parseDouble(fields[1]);
 *     target[0] = Double.parseDouble(fields[2]);
 * };
 * }</pre>
 *
 * @param <T> the type of the records
 */
@FunctionalInterface
public interface SampleReader<T> extends Serializable {

    /**
     * Writes the input and target of {@code record} into {@code input} and {@code target},
     * which arrive zeroed and are copied away after the call.
     */
    void read(T record, double[] input, double[] target);
}
