package io.microautograd.compiled;

/**
 * The three products of a dense layer over a slice of samples in rows, the layer's weights read
 * where the compiled order keeps them: {@code params[w + i * size + j]} is the weight of input i
 * of unit j (see {@link MlpLayout}). Every element is a sum of products in ascending order of
 * the index summed over, each product fused with its addition (one rounding, as
 * {@link Math#fma}), so an element's value does not depend on how an implementation blocks the
 * loops around it.
 *
 * <p>The one implementation, {@code VectorDenseProducts}, is written with the incubator Vector
 * API ({@code jdk.incubator.vector}), which a JVM offers only when started with
 * {@code --add-modules jdk.incubator.vector}. {@link #VECTORIZED} loads it by name when the boot
 * layer has that module and is null otherwise, so a JVM without the module never loads a class
 * that names the API (and prints nothing).
 */
interface DenseProducts {

    /** The Vector API products when the JVM has {@code jdk.incubator.vector}, else null. */
    DenseProducts VECTORIZED = loadVectorized();

    /**
     * Sets {@code z[s][j]} to the sum over i of {@code a[s][i] * params[w + i * size + j]}, for
     * the first {@code n} rows of {@code a} and {@code z}, {@code fanIn} inputs and {@code size}
     * units.
     */
    void multiply(double[][] a, int n, double[] params, int w, int fanIn, int size, double[][] z);

    /**
     * Adds to {@code gradient[w + i * size + j]} the sum over the first {@code n} samples s of
     * {@code a[s][i] * dz[s][j]}: the partials of the layer's weights, given the partials
     * {@code dz} of its sums and its inputs {@code a}.
     */
    void addWeightGradient(double[][] a, double[][] dz, int n, int fanIn, int size, double[] gradient, int w);

    /**
     * Sets {@code da[s][i]} to the sum over j of {@code dz[s][j] * params[w + i * size + j]}: the
     * partials of the layer's inputs, given the partials {@code dz} of its sums.
     */
    void multiplyTransposed(double[][] dz, int n, double[] params, int w, int fanIn, int size, double[][] da);

    private static DenseProducts loadVectorized() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return (DenseProducts) Class.forName("io.microautograd.compiled.VectorDenseProducts")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the runtime's VectorDenseProducts did not load with jdk.incubator.vector"
                    + " present; the runtime jar is incomplete", e);
        }
    }
}
