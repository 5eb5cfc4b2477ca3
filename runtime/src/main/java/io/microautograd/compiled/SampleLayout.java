package io.microautograd.compiled;

/**
 * How a slice of a batch reaches the compiled MLP's kernels, which decides the kernel: its
 * samples in rows for {@link MlpKernels#rowBatch}, whose inner loops run over a layer's neurons,
 * or in columns for {@link MlpKernels#columnBatch}, whose inner loops run over the samples. The
 * JIT vectorises a long inner loop and runs a short one mostly in its scalar pre- and post-loops,
 * so a slice takes the kernel whose inner loops are the longer: rows when the widest layer has
 * more neurons than the slice has samples, columns otherwise. Both compute the same numbers to
 * rounding. When the JVM has the Vector API ({@link DenseProducts#VECTORIZED}), every slice
 * takes {@link #LAYERWISE}, whose register-blocked products beat both kernels' loops and whose
 * forward pass predictions then share.
 */
enum SampleLayout {
    ROWS,
    COLUMNS,
    /** Samples in rows, layer by layer through {@link LayerwiseBatch} and {@link DenseProducts#VECTORIZED}. */
    LAYERWISE;

    /** The layout of a slice of {@code samples} samples on the network {@code layout}. */
    static SampleLayout of(int[] layout, int samples) {
        if (DenseProducts.VECTORIZED != null) {
            return LAYERWISE;
        }
        return layout[MlpKernels.WIDEST] > samples ? ROWS : COLUMNS;
    }
}
