/**
 * The compiled path of the MLP: {@link io.microautograd.compiled.CompiledMlp} keeps its
 * parameters in one flat {@code double[]} in {@link io.microautograd.nn.MLP}'s documented order,
 * and its loss gradients ({@link io.microautograd.compiled.CompiledLoss}: mse, binary
 * cross-entropy on probabilities and on logits, hinge; L2 on the side) come from
 * {@code @Differentiable} kernels that the runtime's own build compiles with our annotation
 * processor. {@link io.microautograd.compiled.CompiledMlpModel} makes it a
 * {@link io.microautograd.train.TrainableModel}, so the same trainer and optimizers train either
 * path.
 *
 * <pre>{@code
 * CompiledMlp net = CompiledMlp.of(2, 5, layer(16, RELU), layer(16, RELU), layer(1, LINEAR));
 * Trainer.builder().optimizer(new Sgd(LearningRateSchedule.linearDecay(1.0, 0.1, 100), 0)).epochs(100).build()
 *         .fit(new CompiledMlpModel(net, CompiledLoss.HINGE, 1e-4), Datasets.moons(100, 0.1, 1));
 * MLP onValue = net.toValueMlp();   // the same weights on the Value engine
 * }</pre>
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>The kernels are written as the {@code Value} engine computes (same operations in the
 *       same order, the same clamp for cross-entropy, relu'(0) = 0, hinge labels 1 and 0 or -1),
 *       so for the same weights and batch the two paths agree to about 1e-15, and are tested to
 *       1e-12, relative to the gradient's largest partial.</li>
 *   <li>The architecture reaches the kernels as an {@code int[]} layout (see
 *       {@code MlpLayout}), a read-only parameter the kernels index without casts and the
 *       reverse sweep reads as the forward sweep did.</li>
 *   <li>One kernel, {@code MlpKernels.sample}, runs a sample's forward pass once and then
 *       the loss a code selects, so every loss (mse over k outputs included) costs one forward
 *       and one reverse pass per sample, and the forward pass is written once. A differentiable
 *       method returns one {@code double}, so prediction, which reads the same kernel's output
 *       k, runs k forward passes for k outputs (one for the binary losses' networks).</li>
 *   <li>The kernel is written for the code the compiler generates from it: one flat loop over
 *       the units, each unit's wiring read from the layout, and each unit's pre-activation
 *       stored in its slot before its activation, so the reverse sweep tapes two numbers per
 *       unit and none per weight.</li>
 *   <li>L2 is computed once per batch by its own kernel, not once per sample.</li>
 *   <li>{@link io.microautograd.compiled.CompiledMlp#of} draws its weights through
 *       {@link io.microautograd.nn.MLP#of} with the same seed, so both paths start alike.</li>
 *   <li>The network is the one owner of its parameters: a model copies them in before each
 *       batch, so a user's {@code setParameters} between steps is never lost.</li>
 * </ul>
 */
package io.microautograd.compiled;
