package io.microautograd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the pullback of a static method for the gradient compiler, in the array form: the
 * contract of the generated {@code fPullback} methods. Every {@code @Differentiable} method that
 * calls the target calls the annotated method in its reverse sweep instead of differentiating the
 * target, and its forward-mode {@code fTangent} calls it with seed 1 (the target returns a double,
 * so that gives the full gradient), takes the gradient's dot product with the arguments' tangents
 * and the value the rule returns as the call's.
 *
 * <pre>{@code
 * @Pullback(of = Norms.class, method = "norm")
 * static double norm(double[] a, double seed, double[] dA) {
 *     double y = Norms.norm(a);
 *     for (int i = 0; i < a.length; i++) {
 *         dA[i] += seed * a[i] / y;
 *     }
 *     return y;
 * }
 * }</pre>
 *
 * <p>The rule takes the target's parameters, then {@code double seed}, then a {@code double[]}
 * with one slot per {@code double} parameter (when there is one), then one array of the same type
 * per {@code double[]} or {@code double[][]} parameter. It returns the target's value and
 * <em>adds</em> {@code seed} times each partial into those arrays; it never writes into the
 * target's arguments. Every {@code double} and array parameter is differentiated.
 * {@code int}, {@code long}, {@code boolean} and {@code int[]} parameters are constants. Rules are
 * found as {@link Derivative}'s are, and {@link #replaces()} means what it means there; a target has
 * either one pullback or its partials, not both.
 *
 * <p>Where the runtime is on the class path, the rule also serves the {@code Value} engine: the
 * generated class {@code <RulesClass>Ops} gets a method of the target's name and parameters, with
 * {@code Value}, {@code Value[]} and {@code Value[][]} for {@code double}, {@code double[]} and
 * {@code double[][]} (other parameters as they are), returning one node of an operation named after
 * the target: its forward calls the target, its backward this rule with seed = the node's
 * gradient and zeroed arrays. That operation is made per call, as the arguments' shapes and ints
 * belong to the call. Its rule is in doubles, so a gradient through it cannot be differentiated
 * again ({@code Value.differentiate} throws, naming it).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Pullback {

    /**
     * The class declaring the target.
     *
     * @return the target's class
     */
    Class<?> of();

    /**
     * The target's name; among overloads, the rule's leading parameters choose the one whose
     * parameters they repeat.
     *
     * @return the name of the static method the rule differentiates
     */
    String method();

    /**
     * Whether the rule replaces the derived pullback of a {@code @Differentiable} target.
     *
     * @return true to override an existing derivative
     */
    boolean replaces() default false;
}
