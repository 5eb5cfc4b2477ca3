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
 *   <li>The kernels compute each activation and loss as the {@code Value} engine does (same
 *       operations in the same order, the same clamp for cross-entropy, relu'(0) = 0, hinge
 *       labels 1 and 0 or -1); a dot product is summed four inputs at a time, so for the same
 *       weights and batch the two paths agree to about 1e-15, and are tested to 1e-12, relative
 *       to the gradient's largest partial.</li>
 *   <li>The architecture reaches the kernels as an {@code int[]} layout (see
 *       {@code MlpLayout}), a read-only parameter the kernels index without casts and the
 *       reverse sweep reads as the forward sweep did.</li>
 *   <li>One kernel, {@code MlpKernels.batch}, runs the forward pass of a whole slice of a batch
 *       and then the loss a code selects, so every loss (mse over k outputs included) costs one
 *       forward and one reverse pass per slice. The samples are stored column by column
 *       ({@code [unit][sample]}), so its loops, and those the compiler generates from them, run
 *       over the samples: long and unit-stride, which the JIT vectorises, where one sample per
 *       call would leave only a layer's short fan-in loops.</li>
 *   <li>The kernel is written for the code the compiler generates from it: one flat loop over
 *       the units, each unit's wiring read from the layout; four inputs per pass with their
 *       weights in scalar locals, so the reverse sweep sums four weights' partials in registers
 *       instead of through the gradient array; sums and activations in separate matrices and
 *       the pre-activation in a local, so the reverse sweep tapes one number per unit and
 *       sample and none per weight.</li>
 *   <li>Prediction runs a plain forward pass of one sample that sums, adds and activates as the
 *       kernel does, so a prediction sees the numbers training sees, bit for bit (tested). The
 *       kernel itself cannot predict cheaply: a differentiable method returns one
 *       {@code double}, so k outputs would cost k passes, and a batch of one runs its loops for
 *       one iteration each, several times slower than the plain pass.</li>
 *   <li>With {@code threads > 1} each thread's slice gets its own input and target matrices,
 *       kept between batches and replaced when a slice of another size comes.</li>
 *   <li>L2 is computed once per batch by its own kernel, not once per sample.</li>
 *   <li>{@link io.microautograd.compiled.CompiledMlp#of} draws its weights through
 *       {@link io.microautograd.nn.MLP#of} with the same seed, so both paths start alike.</li>
 *   <li>The network is the one owner of its parameters: a model copies them in before each
 *       batch, so a user's {@code setParameters} between steps is never lost.</li>
 * </ul>
 */
package io.microautograd.compiled;
