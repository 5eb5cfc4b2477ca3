package io.microautograd.processor.ir;

/**
 * A user's {@code @Pullback} rule of a static method, which calls of that method use as they use
 * a generated pullback: the same arguments, seed and adjoint arrays, and the value returned.
 *
 * @param ownerClass the qualified name of the class declaring the rule
 * @param name the rule's name
 */
public record PullbackRule(String ownerClass, String name) {
}
