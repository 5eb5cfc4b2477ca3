/**
 * Losses: {@link io.microautograd.losses.Loss} names the library's losses, each defined once with
 * its formula on {@link io.microautograd.engine.Value}s and its checks, and taken by the models of
 * both paths; {@link io.microautograd.losses.SampleLoss} is the shape of any per-sample loss on
 * the {@code Value} engine, yours included; {@link io.microautograd.losses.Losses} holds the
 * batch mean and the L2 penalty.
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>One loss has one name on both paths. Adding a loss is a constant of {@code Loss} (its
 *       formula, the width of its targets and its label check) and, for the compiled MLP, its
 *       kernel beside the others in {@code io.microautograd.compiled}; a {@code Loss} without a
 *       kernel there does not compile.</li>
 *   <li>Binary cross-entropy on probabilities clamps them to [1e-7, 1 - 1e-7] (Keras's epsilon)
 *       with zero gradient beyond; the with-logits form needs no clamp and is the one to prefer.</li>
 *   <li>The hinge loss accepts labels 1 / 0 as well as 1 / -1, so the 0 / 1 labels of the
 *       datasets serve both hinge and cross-entropy.</li>
 *   <li>Softmax cross-entropy reads integer class labels (0 to k - 1, stored as doubles in a
 *       target row of width 1), not one-hot rows: the form of PyTorch's {@code cross_entropy} and
 *       Keras's sparse categorical cross-entropy, and of data sets such as the digits.</li>
 *   <li>{@code Loss.MSE} averages over the outputs of a sample; the trainer averages over the
 *       samples of a batch.</li>
 *   <li>L2 regularisation is {@code strength * sum p^2} (no 1/2), as micrograd's demo writes it.</li>
 * </ul>
 */
package io.microautograd.losses;
