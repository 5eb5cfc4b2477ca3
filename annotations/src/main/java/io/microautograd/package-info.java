/**
 * User-facing annotations of MicroAutograd. The {@code @Differentiable} annotation that marks
 * methods for the gradient compiler lives here; this module has no dependencies, so user code
 * and generated code need nothing else at run time.
 */
package io.microautograd;
