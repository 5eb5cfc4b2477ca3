/**
 * User-facing annotations of MicroAutograd. The {@code @Differentiable} annotation that marks
 * methods for the gradient compiler lives here, with {@code @Derivative} and {@code @Pullback},
 * which declare the derivative of a method the compiler cannot or should not differentiate itself
 * (its partials, or for a function of arrays its pullback),
 * {@code @UseRules}, which names such rules compiled elsewhere, and {@code @DifferentiableFacts}, which the
 * compiler writes on the code it generates (never users) so that callers compiled later know what
 * it knows; this module has no dependencies, so user code and generated code need nothing else at
 * run time.
 */
package io.microautograd;
