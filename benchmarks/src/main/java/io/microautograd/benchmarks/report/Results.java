package io.microautograd.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The measurements of one run, looked up by workload and method, and the ratios between them. */
public final class Results {

    /** The methods of a workload row, primal first. */
    public static final List<String> METHODS = List.of("primal", "compiled", "valueEngine", "finiteDifferences");

    private final Map<String, Map<String, Measurement>> byWorkload = new LinkedHashMap<>();
    private final double bytesPerNode;

    /** Results of a run: its measurements and the {@code Value} engine's bytes per node. */
    public Results(List<Measurement> measurements, double bytesPerNode) {
        for (Measurement m : measurements) {
            byWorkload.computeIfAbsent(m.workload(), w -> new LinkedHashMap<>()).put(m.method(), m);
        }
        this.bytesPerNode = bytesPerNode;
    }

    /** The workloads in the order they were measured. */
    public Set<String> workloads() {
        return new LinkedHashSet<>(byWorkload.keySet());
    }

    /** The measurement of {@code method} on {@code workload}, if it ran. */
    public Optional<Measurement> get(String workload, String method) {
        return Optional.ofNullable(byWorkload.getOrDefault(workload, Map.of()).get(method));
    }

    /** median(numerator) / median(denominator) on one workload, if both ran. */
    public Optional<Double> ratio(String workload, String numerator, String denominator) {
        return get(workload, numerator).flatMap(n -> get(workload, denominator).map(d -> n.median() / d.median()));
    }

    /** Retained bytes per {@code Value} node, measured on a ten-million-node chain. */
    public double bytesPerNode() {
        return bytesPerNode;
    }
}
