package io.microautograd.train;

import io.microautograd.data.Dataset;

/**
 * The summed loss of a run of a batch's samples as a function of a flat parameter array, with
 * its gradient <b>added</b> ({@code +=}) into caller storage: the batched form of
 * {@link PerSampleObjective}, for a kernel that takes many samples in one call. The compiled
 * MLP's does: its loops run over the samples, which the JIT vectorises, where one sample per
 * call leaves only a network's short fan-in loops.
 *
 * <p><b>Internal</b>: the shape of the library's compiled MLP
 * ({@code io.microautograd.compiled}), public only because it lives in another package; not a
 * supported API, and it may change in any release. A model of your own implements
 * {@link TrainableModel}, or gives {@link PerSampleModel} a {@link PerSampleObjective}.
 *
 * <p>{@link PerSampleModel} cuts a batch into slices, one per thread, and calls this once per
 * slice. Calls for different slices may run at the same time on different threads; calls for
 * the same slice never do, so an implementation may keep scratch space per slice.
 */
@FunctionalInterface
public interface SliceObjective {

    /**
     * The sum of the losses of the samples {@code batch[from]} to {@code batch[to - 1]} of
     * {@code data} at {@code params}; adds the sum of their gradients with respect to
     * {@code params} into {@code gradient}. Must modify none of {@code params}, {@code data}
     * and {@code batch}.
     *
     * @param slice which of the model's slices this run is, from 0 to its thread count - 1
     * @param from the first position in {@code batch}, below {@code to}
     */
    double lossAndGradient(int slice, double[] params, Dataset data, int[] batch, int from, int to, double[] gradient);
}
