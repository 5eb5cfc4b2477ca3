/**
 * The dynamic autograd engine: {@link io.microautograd.engine.Value}, a scalar that records the
 * operations applied to it, and {@link io.microautograd.engine.Op}, the table of local
 * derivatives that {@code backward()} applies in reverse topological order.
 *
 * <p>Choices the seed leaves open, written down here:
 * <ul>
 *   <li>{@code log} clamps its input to {@link io.microautograd.engine.Value#LOG_EPSILON} (1e-12)
 *       and has zero gradient below it; NaN stays NaN.</li>
 *   <li>At kinks the derivative is fixed: relu'(0) = 0; clamp passes the gradient on its
 *       boundaries and blocks it outside.</li>
 *   <li>{@code pow(Value)} gives the exponent a gradient only where the base is positive; x^0
 *       has derivative 0 in x everywhere, at x = 0 too.</li>
 *   <li>{@code smoothClamp} is the tanh squashing of the range, so it has a gradient everywhere.</li>
 * </ul>
 */
package io.microautograd.engine;
