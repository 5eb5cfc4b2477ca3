/**
 * Objectives and the optimizers that minimize them. {@link io.microautograd.optim.Objective} is
 * the one shape of a gradient source (value returned, gradient added into caller storage),
 * which generated allocation-free gradient methods meet by a method reference;
 * {@link io.microautograd.optim.HessianVectorObjective} adds Hessian-vector products to it for
 * second-order methods, in the shape of a generated forward-over-reverse method. Optimizers on
 * flat parameter arrays: {@link io.microautograd.optim.Sgd} (with momentum) and
 * {@link io.microautograd.optim.Adam}, driven by a
 * {@link io.microautograd.optim.LearningRateSchedule} and optionally wrapped with
 * {@link io.microautograd.optim.GradientClipping}.
 *
 * <p>Why flat arrays: the {@code Value} engine and compiled gradients both reduce to "parameters
 * and their gradient as {@code double[]} in a fixed order", so one optimizer serves both paths.
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>{@code Objective} lives here, beside the optimizers, because both the training stack
 *       and the gradient check build on it and neither should depend on the other.</li>
 *   <li>Objectives add their gradient ({@code +=}) as the generated code and PyTorch do; the
 *       caller zeroes.</li>
 *   <li>SGD momentum follows PyTorch ({@code v = mu v + g; p -= rate v}), not the
 *       {@code v = mu v - rate g} form, so that changing the rate mid-run does not rescale the
 *       stored velocity.</li>
 *   <li>The third schedule is cosine decay; a step decay is offered as well. Schedules hold
 *       their last rate after their last step instead of failing.</li>
 *   <li>Clipping works on a copy of the gradient, so callers may inspect the gradient they
 *       computed after the step.</li>
 * </ul>
 */
package io.microautograd.optim;
