package io.microautograd.benchmarks.report;

import io.microautograd.engine.Value;
import java.lang.ref.Reference;

/**
 * Retained heap per {@code Value} node, measured on a chain of ten million nodes as the growth of
 * the used heap after full collections (a whole-graph measure: nodes, input arrays, constants).
 */
public final class NodeMemory {

    /** Nodes in the measured chain. */
    public static final int CHAIN = 10_000_000;

    private NodeMemory() {
    }

    /** Bytes retained per node of a chain built by {@code y = y.tanh().add(x)}. */
    public static double bytesPerNode() {
        long before = usedAfterGc();
        Value x = Value.of(0.3);
        Value y = x;
        for (int i = 0; i < CHAIN / 2; i++) {
            y = y.tanh().add(x);
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(y);
        return (after - before) / (double) CHAIN;
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
