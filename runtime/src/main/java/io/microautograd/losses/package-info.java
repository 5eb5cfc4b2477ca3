/**
 * Loss functions on the {@link io.microautograd.engine.Value} engine:
 * {@link io.microautograd.losses.Losses} holds the formulas on single nodes (squared error,
 * binary cross-entropy with and without logits, hinge, mean, L2), and
 * {@link io.microautograd.losses.Loss} adapts them to a sample's output and target rows for the
 * trainer.
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>Binary cross-entropy on probabilities clamps them to [1e-7, 1 - 1e-7] (Keras's epsilon)
 *       with zero gradient beyond; the with-logits form needs no clamp and is the one to prefer.</li>
 *   <li>The hinge loss accepts labels 1 / 0 as well as 1 / -1, so the 0 / 1 labels of the
 *       datasets serve both hinge and cross-entropy.</li>
 *   <li>{@code Loss.mse()} averages over the outputs of a sample; the trainer averages over the
 *       samples of a batch.</li>
 *   <li>L2 regularisation is {@code strength * sum p^2} (no 1/2), as micrograd's demo writes it.</li>
 * </ul>
 */
package io.microautograd.losses;
