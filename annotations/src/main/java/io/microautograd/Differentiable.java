package io.microautograd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method returning {@code double} for the gradient compiler. At compile time the
 * MicroAutograd annotation processor reads the method's body and writes, in the same package, a
 * class named after the enclosing class with the suffix {@code Grad} (for {@code p.Model} it is
 * {@code p.ModelGrad}) whose methods compute the value and the gradient by reverse mode, and the
 * derivative along a direction by forward mode.
 *
 * <p>For a method {@code f}, the generated class offers:
 * <ul>
 *   <li>{@code f(parameters...)} returning a small record with the value and one partial per
 *       differentiated parameter (arrays of the same shape for array parameters);</li>
 *   <li>{@code f(parameters..., adjoint storage...)} returning the value and <em>adding</em>
 *       ({@code +=}) the partials into caller-provided storage, without allocating: a
 *       {@code double[] gradient} with one slot per differentiated scalar parameter (in parameter
 *       order), then, per differentiated array parameter {@code a}, an array {@code dA} of the same
 *       shape. The caller zeroes the storage, so mini-batch sums need no extra buffers;</li>
 *   <li>{@code fPullback(parameters..., double seed, adjoint storage...)}: the same with every
 *       partial multiplied by {@code seed}; other generated code calls it;</li>
 *   <li>{@code fTangent(parameters..., tangents...)} returning the derivative along a direction
 *       by forward mode, without a tape: one tangent per differentiated parameter, in parameter
 *       order, an array of the same shape for an array parameter. It is the sum of each partial
 *       times its tangent.</li>
 * </ul>
 *
 * <p>Integer, long and boolean parameters are never differentiated. An array parameter the method
 * writes into is differentiated with respect to its values at entry; the generated methods work on
 * a copy and leave the caller's array unchanged. The method body may use only the subset of Java
 * that the processor supports; anything else is a compile error pointing at the unsupported
 * construct.
 *
 * <p>Arrays passed for two parameters: the generated methods throw an
 * {@code IllegalArgumentException}, naming both parameters, when one array with elements is passed
 * where their answer would then not be the method's: an array the method writes into and another
 * parameter (itself or a row of a matrix), two rows of a matrix the method writes into, or adjoint
 * storage and a parameter (itself or a row of one). Parameters the method only reads may share an
 * array, and adjoint storage arrays may share one another, the partials then adding up: with
 * {@code f(x, x, dX, dX)}, {@code dX} receives the gradient of {@code x -> f(x, x)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Differentiable {

    /**
     * Names of the parameters to differentiate with respect to, each a {@code double},
     * {@code double[]} or {@code double[][]} parameter. Empty (the default) means every such
     * parameter; the others are constants with no adjoint.
     *
     * @return the names of the differentiated parameters, or none for all of them
     */
    String[] wrt() default {};

    /**
     * The highest order of derivatives generated: 1 (the default) gives the gradient methods and
     * the forward-mode method {@code fTangent}, which computes the derivative along a direction.
     * 2 is reserved for the second-order methods (Hessian-vector products), which this version
     * does not generate yet; a method of order 2 may already call only {@code @Differentiable}
     * methods of order 2, since its Hessian-vector product will call theirs.
     *
     * @return 1 or 2
     */
    int order() default 1;
}
