/**
 * The compiled path of the MLP: {@link io.microautograd.compiled.CompiledMlp} keeps its
 * parameters in one flat {@code double[]} in the order its kernels read (each layer's block of
 * {@link io.microautograd.nn.MLP}'s documented order transposed, see {@code MlpLayout}), speaks
 * {@code MLP}'s order in its public methods, and the gradients of its losses (every
 * {@link io.microautograd.losses.Loss}; L2 on the side) come from {@code @Differentiable}
 * kernels that the runtime's own build compiles with our annotation processor.
 * {@link io.microautograd.compiled.CompiledMlpModel} makes it a
 * {@link io.microautograd.train.TrainableModel}, so the same trainer and optimizers train either
 * path.
 *
 * <pre>{@code
 * CompiledMlp net = CompiledMlp.of(2, 5, layer(16, RELU), layer(16, RELU), layer(1, LINEAR));
 * Trainer.builder().optimizer(new Sgd(LearningRateSchedule.linearDecay(1.0, 0.1, 100), 0)).epochs(100).build()
 *         .fit(new CompiledMlpModel(net, Loss.HINGE, 1e-4), Datasets.moons(100, 0.1, 1));
 * MLP onValue = net.toValueMlp();   // the same weights on the Value engine
 * }</pre>
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>The kernels compute each activation and loss as the {@code Value} engine does (same
 *       operations in the same order, the same clamp for cross-entropy, relu'(0) = 0, hinge
 *       labels 1 and 0 or -1, the largest logit a node of softmax cross-entropy); a dot product
 *       is summed four inputs at a time and a batch's partials in an order of the kernel's own,
 *       so for the same weights and batch the two paths agree to about 1e-15, and are tested to
 *       1e-12, relative to the gradient's largest partial.</li>
 *   <li>One {@link io.microautograd.losses.Loss} constant is one loss on both paths: the compiled
 *       model checks each target with it, and {@code MlpKernels.sampleLoss} computes its formula
 *       under a code that {@code MlpKernels.code} maps it to by an exhaustive switch, so a loss
 *       without a kernel does not compile.</li>
 *   <li>The architecture reaches the kernels as an {@code int[]} layout (see
 *       {@code MlpLayout}), a read-only parameter the kernels index without casts and the
 *       reverse sweep reads as the forward sweep did.</li>
 *   <li>One kernel, {@code MlpKernels.rowBatch}, runs the forward pass of a whole slice of a batch
 *       and then the loss a code selects, so every loss costs one forward and one reverse pass
 *       per slice. The samples are its rows and the weights reach it one row per input of a
 *       layer, so that every inner loop runs over a layer's neurons and updates them
 *       element by element, forward ({@code z[j] += x0 * w0[j] + ... + x3 * w3[j]}) and in
 *       reverse ({@code dW0[j] += dZ[j] * x0}): the JIT vectorises both. The earlier design,
 *       samples in columns, vectorised the forward pass but left each weight's partial a sum over
 *       the samples, which the JIT keeps scalar and in order.</li>
 *   <li>The parameters live in the kernels' order, not {@code MLP}'s, so that a training step
 *       moves none between orders: a row of the kernel is a contiguous run of them, copied in
 *       and its gradient added back by unit-stride loops ({@code KernelParameters}).
 *       {@link io.microautograd.compiled.CompiledMlpModel}'s flat order (its parameters and
 *       gradients, which the trainer and optimizers need in no particular order) is therefore
 *       the kernels', and {@code toNetworkOrder} gives {@code MLP}'s. The rows are arrays of
 *       their own rather than offsets into one flat array: on Java 17 the JIT vectorises
 *       {@code z[j] += a * w[j]} over separate arrays, but not updates of one array at several
 *       offsets it cannot prove apart.</li>
 *   <li>The kernel is written for the code the compiler generates from it: four inputs per pass
 *       and blocks of 16 samples per pass over those inputs' weights, so that the weights stay
 *       in cache; the first layer reads the inputs, which are constants, so its reverse sweep
 *       computes no partials for them; sums and activations in separate matrices and the
 *       pre-activation in a local, so the reverse sweep tapes one number per unit and sample
 *       and none per weight.</li>
 *   <li>In a JVM started with {@code --add-modules jdk.incubator.vector} every slice trains
 *       layer by layer instead ({@code LayerwiseBatch}): each dense layer's products are
 *       register-blocked Vector API kernels ({@code DenseProducts}) over the parameters where they
 *       are, the activations and losses the generated pullbacks of {@code MlpKernels.activate}
 *       and {@code sampleLoss}, and the chain rule between them is the one for a product of
 *       matrices, which a rule table of scalar functions cannot state. Each sum is a chain of
 *       fused multiply-adds in ascending order, so the numbers differ from a JVM without the
 *       module by rounding (both paths still agree to 1e-12), and predictions use the same
 *       forward pass. Only {@code DenseProducts} decides, by the boot layer's modules, whether
 *       the class that names the API is loaded: without the module nothing is loaded or
 *       printed.</li>
 *   <li>Prediction runs a plain forward pass of one sample on the parameters as they are, which
 *       sums, adds and activates as the kernel does, so a prediction sees the numbers training
 *       sees, bit for bit (tested). The kernel itself cannot predict cheaply: a differentiable
 *       method returns one {@code double}, so k outputs would cost k passes.</li>
 *   <li>With {@code threads > 1} each thread's slice gets its own input and target matrices
 *       and its own copy of the parameters in the kernel's layout, kept between batches; the
 *       matrices are replaced when a slice of another size comes.</li>
 *   <li>L2 is computed once per batch by its own kernel, not once per sample.</li>
 *   <li>{@link io.microautograd.compiled.CompiledMlp#of} draws its weights through
 *       {@link io.microautograd.nn.MLP#of} with the same seed, so both paths start alike.</li>
 *   <li>The network is the one owner of its parameters: a model copies them in before each
 *       batch, so a user's {@code setParameters} between steps is never lost.</li>
 * </ul>
 */
package io.microautograd.compiled;
