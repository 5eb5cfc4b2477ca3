/**
 * Gradient checking for users, in the manner of JAX's {@code check_grads}:
 * {@link io.microautograd.gradcheck.GradientCheck} compares any
 * {@link io.microautograd.optim.Objective} with Richardson-extrapolated central differences at
 * given or seeded random points, and reports the worst error and where it was
 * ({@link io.microautograd.gradcheck.GradientCheckReport}); the assert forms throw
 * {@link io.microautograd.gradcheck.GradientMismatchError} carrying that report.
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>Defaults: tolerance 1e-6, step 1e-4 times {@code max(1, |x_i|)}, minScale 1e-3. The
 *       extrapolation (error of order h^4) lets the step stay large enough that rounding in
 *       the difference quotient is around 1e-12 of the function's size.</li>
 *   <li>The error of a partial is relative above minScale and absolute below it; a NaN partial
 *       is an error of NaN, which always fails.</li>
 *   <li>The check also calls the objective on a pre-filled gradient array to catch an
 *       implementation that assigns its gradient instead of adding it; that failure ranks
 *       above any numeric error.</li>
 *   <li>Points are copied before every call, so an objective that scribbles on its input
 *       cannot corrupt the differences.</li>
 * </ul>
 */
package io.microautograd.gradcheck;
