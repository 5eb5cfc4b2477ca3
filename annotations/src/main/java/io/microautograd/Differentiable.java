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
 * {@code p.ModelGrad}) whose methods compute the value and the gradient by reverse mode.
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
 *       partial multiplied by {@code seed}; other generated code calls it.</li>
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
     * the forward-mode methods {@code fTangent}, which compute the derivative along a direction; 2
     * adds {@code fHvp}, the gradient and the Hessian-vector product in one call, and, where every
     * differentiated parameter is a {@code double} or the only one is a {@code double[]},
     * {@code fHessian}. A method of order 2 may call only {@code @Differentiable} methods of order 2.
     *
     * @return 1 or 2
     */
    int order() default 1;
}
