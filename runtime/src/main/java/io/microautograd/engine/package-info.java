/**
 * The dynamic autograd engine: {@link io.microautograd.engine.Value}, a scalar that records the
 * operations applied to it; {@link io.microautograd.engine.Op}, an operation's name, forward
 * formula and backward rule together, which {@code backward()} applies in reverse topological
 * order; and {@link io.microautograd.engine.BuiltIns}, the table of the engine's own operations.
 * Users make theirs with the factories of {@code Op}, from a derivative, partials or a
 * vector-Jacobian product, and nodes of functions of arrays with
 * {@link io.microautograd.engine.ArrayOperation}, from a pullback.
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
 *   <li>An operation of any number of inputs whose rule gives another number of partials than
 *       its node has inputs makes {@code backward()} throw, naming it, when it reaches that
 *       node; operations of one and two inputs give their partials one by one and cannot.</li>
 * </ul>
 */
package io.microautograd.engine;
