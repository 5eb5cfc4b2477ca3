/**
 * The annotation processor that compiles {@code @Differentiable} methods into reverse-mode
 * gradient code at build time.
 */
package io.microautograd.processor;
