/**
 * Training and evaluation, written against the path-neutral
 * {@link io.microautograd.train.TrainableModel}: parameters as one flat {@code double[]}, the
 * loss of a batch with its gradient added into a {@code double[]}, and predictions.
 * {@link io.microautograd.train.ValueMlpModel} is the {@code Value}-engine implementation;
 * {@link io.microautograd.train.PerSampleModel} builds one from any per-sample gradient on a
 * flat parameter array (a {@link io.microautograd.train.PerSampleObjective}), driven by
 * the same {@link io.microautograd.train.Trainer} and optimizers.
 * {@link io.microautograd.train.Minimizer} runs an optimizer on a bare
 * {@link io.microautograd.optim.Objective} and records its path;
 * {@link io.microautograd.train.Lbfgs} and {@link io.microautograd.train.TrustRegionNewtonCg}
 * minimize one to a gradient tolerance, choosing their own steps.
 *
 * <pre>{@code
 * TrainingHistory history = Trainer.train(model, X, Y, Loss.MSE, 2000, 0.01);   // the seed's call
 * }</pre>
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>A user needs three gradient shapes: {@link io.microautograd.optim.Objective} (flat
 *       parameters to value and gradient, for minimizers and gradient checks),
 *       {@link io.microautograd.train.TrainableModel} (what the trainer trains) and
 *       {@link io.microautograd.train.PerSampleObjective} (one sample's gradient, which
 *       {@code PerSampleModel} makes a {@code TrainableModel}).
 *       {@link io.microautograd.train.SliceObjective}, a whole slice of a batch in one call, is
 *       internal: the compiled MLP's kernels take that shape, and it is public only because they
 *       live in another package.</li>
 *   <li>Full batch is the default; smaller batches are reshuffled every epoch from a seed
 *       (default 0), so runs are reproducible. The last batch of an epoch may be smaller.</li>
 *   <li>The loss recorded for an epoch is the sample-weighted mean of the batch losses computed
 *       before each update; metrics are computed on the training data after the epoch. They are
 *       also computed once before the first step, so that a metric that cannot score the model
 *       fails before anything changed, but that score is not recorded as an epoch 0: an epoch's
 *       loss exists only once its steps ran, so the metric lists would run one longer than the
 *       losses, and a second {@code fit} of the same model would record its start twice (as the
 *       first fit's last epoch and as its own epoch 0).</li>
 *   <li>Before each update the loss and gradient must be finite, and after it the parameters;
 *       otherwise {@link io.microautograd.train.TrainingDivergedException} names the epoch and
 *       step (both counted from 1), the first offending parameter and, where the model can tell
 *       ({@link io.microautograd.train.TrainableModel#nonFiniteOrigin()}: a {@code Value}-engine
 *       model names the operation that made the first NaN or infinity out of finite numbers),
 *       where it came from; the model keeps its last finite parameters.</li>
 *   <li>The progress bar (me.tongfei progressbar, one tick per step, loss in the message) is
 *       drawn only when {@link java.lang.System#console()} exists and the trainer is not quiet.</li>
 *   <li>Binary accuracy takes an explicit threshold: 0 for scores and logits, 0.5 for
 *       probabilities.</li>
 *   <li>{@link io.microautograd.train.Minimizer} applies the trainer's divergence guard to
 *       every value, gradient and point, and reports steps only (the exception's epoch is 0).</li>
 *   <li>L-BFGS and Newton-CG live here, not in {@code optim}, because they are whole
 *       minimizations like {@code Minimizer} (they evaluate, search and stop), not update rules
 *       applied to a given gradient. Their defaults are SciPy's (memory 10, gradient tolerance
 *       1e-5, trust radius 1 up to 1000, acceptance at 15% of the predicted decrease), with at
 *       most 1000 iterations. They treat a NaN or infinity at a trial point as a step too far;
 *       only where no finite point is left to go on from do they throw, with the objective, not
 *       a learning rate, named as what to fix.</li>
 *   <li>{@link io.microautograd.train.PerSampleModel} counts a regularizer once per batch, and
 *       with t threads cuts a batch into t contiguous slices with a buffer each, added in slice
 *       order: a run depends on its seed and thread count, never on scheduling. Slice 0 runs on
 *       the caller's thread, the rest on the common fork-join pool unless an executor is
 *       given. Its buffers are reused, so it serves one caller at a time.</li>
 *   <li>{@link io.microautograd.train.ParameterFile} saves parameters as plain text, one number
 *       per line in the model's flat order (Java's shortest form that reads back to the same
 *       bits): readable by any tool, and shared by both paths, whose networks ({@code MLP} and
 *       {@code CompiledMlp}) use one parameter order (a {@code CompiledMlpModel}'s own flat
 *       order is its kernels': save its network's parameters).
 *       The architecture is not stored; the model the file is loaded into checks the count.</li>
 * </ul>
 */
package io.microautograd.train;
