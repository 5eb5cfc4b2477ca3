package io.microautograd.spark;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Which samples one evaluation sums: every sample, or a mini-batch that takes each sample with
 * probability {@code fraction}, as Spark MLlib's mini-batch gradient descent samples. The draws
 * of a partition come from a generator seeded by the objective's seed, the evaluation number and
 * the partition's index, never by the task attempt, so a retried task takes the same samples.
 */
final class BatchSelection implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double fraction;
    private final long evaluationSeed;

    /**
     * Evaluation {@code evaluation}'s batch of the sequence that {@code seed} starts, each
     * sample taken with probability {@code fraction}: every sample when it is 1.
     */
    BatchSelection(double fraction, long seed, long evaluation) {
        this.fraction = fraction;
        this.evaluationSeed = mix(mix(seed) + evaluation);
    }

    /** The draws for the samples of partition {@code partition}, or null when every sample is in. */
    SplittableRandom draws(int partition) {
        return fraction >= 1 ? null : new SplittableRandom(mix(evaluationSeed + partition));
    }

    /** Whether the next sample of the partition whose {@link #draws} these are is in the batch. */
    boolean takesNext(SplittableRandom draws) {
        return draws == null || draws.nextDouble() < fraction;
    }

    /** MurmurHash3's 64-bit finalizer: nearby seeds give unrelated generators. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
