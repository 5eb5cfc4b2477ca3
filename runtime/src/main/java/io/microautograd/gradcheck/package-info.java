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
 *       is an error of NaN, which always fails, and the report names the NaN or infinite
 *       partial (analytic, or numeric where the function is not finite within the step).</li>
 *   <li>A partial whose disagreement is within what rounding of the function's largest value
 *       (8 ulps of it per value read) can make of the extrapolated difference quotient
 *       ({@link io.microautograd.gradcheck.DifferenceNoise}) is ill-conditioned: the
 *       differences cannot check it at that point. It is counted and named
 *       in the report rather than failing the check, since the alternative is a false alarm on
 *       a right gradient; a check that could check no partial at all fails.</li>
 *   <li>The check also calls the objective on a pre-filled gradient array to catch an
 *       implementation that assigns its gradient instead of adding it; that failure ranks
 *       above any numeric error. A NaN or infinite partial is left out of that test, which it
 *       would fail whatever the objective does.</li>
 *   <li>Points are copied before every call, so an objective that scribbles on its input
 *       cannot corrupt the differences.</li>
 * </ul>
 */
package io.microautograd.gradcheck;
