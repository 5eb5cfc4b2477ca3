package io.microautograd.train;

import io.microautograd.data.Dataset;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Sums losses and gradients over a batch in a fixed order, optionally across threads. The batch
 * is cut into {@code slices} contiguous runs ({@code [s n / S, (s+1) n / S)}); a
 * {@link SliceObjective} sums each slice's samples into the slice's own gradient buffer, and the
 * buffers are
 * then added in slice order. Which thread runs a slice, and when, cannot change a single
 * rounding, so the result depends only on the batch and the number of slices.
 *
 * <p>Slice 0 runs on the calling thread, the others on the executor. Buffers are allocated
 * once and reused, so a steady training loop allocates no arrays; one instance therefore
 * serves one call at a time.
 */
final class SliceReduction {

    private final int slices;
    private final Executor executor;
    private final double[][] gradients;
    private final double[] losses;

    SliceReduction(int slices, int parameterCount, Executor executor) {
        this.slices = slices;
        this.executor = executor;
        this.gradients = new double[slices][parameterCount];
        this.losses = new double[slices];
    }

    /**
     * The sum over {@code batch} of the losses at {@code params}; adds the sum of their
     * gradients, times {@code gradientScale}, into {@code gradient}.
     */
    double sum(SliceObjective sliceLoss, double[] params, Dataset data, int[] batch, double[] gradient,
            double gradientScale) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] running = new CompletableFuture[slices];
        for (int s = 1; s < slices; s++) {
            int slice = s;
            running[s] = CompletableFuture.runAsync(() -> runSlice(slice, sliceLoss, params, data, batch), executor);
        }
        Throwable failure = null;
        try {
            runSlice(0, sliceLoss, params, data, batch);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        // Wait for every slice, even after a failure, so that no task still writes a buffer
        // when the next call reuses it; report the failure of the lowest slice.
        for (int s = 1; s < slices; s++) {
            try {
                running[s].join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            }
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        double total = 0;
        for (int s = 0; s < slices; s++) {
            total += losses[s];
        }
        // The slices' sums gather in the first buffer, slice by slice, so that every loop runs
        // over the parameters, which the JIT vectorises; a loop over the slices inside one over
        // the parameters it does not, and at 100K parameters that pass cost a tenth of a step.
        double[] sum = gradients[0];
        for (int s = 1; s < slices; s++) {
            double[] slice = gradients[s];
            for (int j = 0; j < sum.length; j++) {
                sum[j] += slice[j];
            }
        }
        for (int j = 0; j < gradient.length; j++) {
            gradient[j] += sum[j] * gradientScale;
        }
        return total;
    }

    private void runSlice(int slice, SliceObjective sliceLoss, double[] params, Dataset data, int[] batch) {
        double[] sliceGradient = gradients[slice];
        Arrays.fill(sliceGradient, 0);
        int from = (int) ((long) slice * batch.length / slices);
        int to = (int) ((long) (slice + 1) * batch.length / slices);
        losses[slice] = from < to ? sliceLoss.lossAndGradient(slice, params, data, batch, from, to, sliceGradient) : 0;
    }
}
