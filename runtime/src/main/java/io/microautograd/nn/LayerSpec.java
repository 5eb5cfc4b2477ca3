package io.microautograd.nn;

/**
 * The size and activation of one layer of an {@link MLP}: the Java form of the seed's
 * {@code (4, "relu")}.
 *
 * @param size the number of neurons, at least 1
 * @param activation what every neuron of the layer applies
 */
public record LayerSpec(int size, Activation activation) {

    /** Checks the size and that an activation is given. */
    public LayerSpec {
        if (size < 1) {
            throw new IllegalArgumentException("layer size must be at least 1, got " + size);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null; use Activation.LINEAR for none");
        }
    }

    /** A layer of {@code size} neurons applying {@code activation}; reads well as a static import. */
    public static LayerSpec layer(int size, Activation activation) {
        return new LayerSpec(size, activation);
    }

    /** A layer of {@code size} neurons applying the activation the seed names, as {@code layer(4, "relu")}. */
    public static LayerSpec layer(int size, String activation) {
        return new LayerSpec(size, Activation.fromSeedName(activation));
    }
}
