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
 * storage and a parameter (itself or a row of one); {@code fTangent} throws alike for the pairs of
 * parameters, and takes any array for a tangent, since it only reads its tangents. Parameters the
 * method only reads may share an array, and adjoint storage arrays may share one another, the
 * partials then adding up: with {@code f(x, x, dX, dX)}, {@code dX} receives the gradient of
 * {@code x -> f(x, x)}, and {@code fTangent(x, x, t, t)} is that gradient dotted with {@code t}.
 * {@code fHvp} throws alike, and also for adjoint storage that is a direction, or a product that
 * is any other argument (the storage included); a direction may be any parameter, and
 * {@code fHvp(x, x, v, v, dX, dX, hv, hv)} adds the product of {@code x -> f(x, x)} along
 * {@code v} into {@code hv}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Differentiable {

    /**
     * The value of {@link #checkpoints()} that lets the gradient compiler choose: it checkpoints a
     * loop it can see runs at least 2<sup>20</sup> times, with 64 snapshots, and tapes the others.
     */
    int AUTOMATIC = -1;

    /**
     * Names of the parameters to differentiate with respect to, each a {@code double},
     * {@code double[]} or {@code double[][]} parameter. Empty (the default) means every such
     * parameter; the others are constants with no adjoint.
     *
     * @return the names of the differentiated parameters, or none for all of them
     */
    String[] wrt() default {};

    /**
     * Checkpointing: how many snapshots of its state each of the method's outermost loops may keep,
     * so that the gradient's memory does not grow with the number of iterations. A checkpointed
     * loop tapes nothing while the method runs forward; it keeps the values its body changes (the
     * scalars declared before it and the {@code double[]} arrays it writes into) at the iterations
     * that Griewank's binomial schedule picks, and the reverse sweep recomputes its iterations from
     * them, a segment at a time, each segment taped and reversed at once. The gradient is bit for bit
     * the taped one; a loop of {@code N} iterations with {@code s} snapshots is cut into segments of
     * {@code ceil(N / C(s + 3, 3))} iterations, so that it runs forward without a tape at most
     * about three times in all.
     *
     * <p>{@code 0} tapes every loop. {@link #AUTOMATIC} (the default) checkpoints, with 64
     * snapshots, the loops whose trip count is written as literals and is at least 2<sup>20</sup>. A
     * positive number checkpoints every outermost loop that records values for the reverse sweep,
     * with that many snapshots at most. A loop that cannot be checkpointed is taped, with a note
     * ({@code [MicroAutograd:Checkpoint]}) at the loop that says why: it must be a {@code for} loop
     * whose index it declares and moves by one towards a bound it leaves alone, with no {@code break},
     * that writes only into {@code double[]} arrays declared before it and passes no array to a method
     * without {@code @Differentiable}. Loops nested in other loops are taped (within a checkpointed
     * loop, a segment at a time). A plain method the loop calls runs again when its iterations are
     * recomputed.
     *
     * @return the number of snapshots per checkpointed loop, {@code 0} for none, or {@link #AUTOMATIC}
     */
    int checkpoints() default AUTOMATIC;

    /**
     * The highest order of derivatives generated: 1 (the default) gives the gradient methods and
     * the forward-mode method {@code fTangent}, which computes the derivative along a direction.
     * 2 adds the second-order methods: {@code fHvp}, the value, the gradient and the product of
     * the Hessian with a direction in one call, by forward over reverse, {@code fPullbackTangent},
     * which calling methods use, and, where the differentiated parameters are doubles or one
     * {@code double[]}, {@code fHessian}, the whole Hessian. A method of order 2 may call only
     * {@code @Differentiable} methods of order 2, since its Hessian-vector product calls theirs.
     *
     * @return 1 or 2
     */
    int order() default 1;

    /**
     * Names of {@code double[]} parameters whose contents the method writes as its outputs, making
     * it a vector-valued function of its differentiated parameters: the outputs' elements, in this
     * order, then the returned value. An output is not differentiated (it must not be in
     * {@link #wrt()}) and the method must write into it. The generated class then also offers
     * {@code fVjp(parameters..., double dValue, output adjoints..., adjoint storage...)}, the
     * vector-Jacobian product (the adjoints of the outputs' elements in, one array per output of the
     * output's length, their products with the partials <em>added</em> into the storage as
     * {@code fPullback} adds them), {@code fJvp(parameters..., tangents..., output tangents...)}, the
     * Jacobian-vector product (the value's derivative along the tangents returned, as
     * {@code fTangent} returns it, and the outputs' derivatives set into the output tangents), and,
     * where the differentiated parameters are doubles and {@code double[]}s,
     * {@code fJacobian(parameters..., double[][] jacobian)}, which fills {@code jacobian[r][c]} with
     * the derivative of output element {@code r} (the outputs' elements in order) with respect to
     * input {@code c} (the differentiated parameters' values in parameter order, an array's elements
     * in its place), a row per vector-Jacobian product where there are no more rows than columns,
     * else a column per Jacobian-vector product. The other generated methods differentiate the
     * returned value, as for any method. Outputs need {@code order = 1}.
     *
     * @return the names of the output parameters, or none for a scalar function
     */
    String[] outputs() default {};
}
