package io.microautograd;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the gradient compiler needs to know about a {@code @Differentiable} method to compile a
 * call of it when it sees only class files: written by the MicroAutograd annotation processor on
 * the generated pullback of every method it compiles ({@code fPullback} in {@code ModelGrad}),
 * never by users. A differentiable method compiled in another {@code javac} run (a module of
 * helpers, a library jar, an incremental build that recompiles only the caller) has no body the
 * processor can read, so it reads these facts instead and applies to the call exactly the rules it
 * applies to a call within one run.
 *
 * <p>Parameters are identified by position, since a class file compiled with neither
 * {@code -parameters} nor {@code -g} keeps no parameter names. Methods are identified by their class's
 * qualified name, their name and their parameter types, as the gradient compiler resolves
 * calls. Retained in the class file, not at run time: generated code needs none of it to run.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface DifferentiableFacts {

    /**
     * The version of this format. A processor that reads another version rejects the call and asks
     * for the callee's module to be rebuilt with it.
     *
     * @return the format's version
     */
    int version();

    /**
     * The source method's parameter names, in order, for diagnostics.
     *
     * @return one name per parameter
     */
    String[] parameters();

    /**
     * The positions (from 0) of the parameters the method is differentiated with respect to: the
     * pullback takes adjoint storage for these and no others.
     *
     * @return the differentiated parameters' positions, ascending
     */
    int[] differentiated();

    /**
     * The positions of the array parameters whose elements the method writes, itself or through
     * another name for the array: a caller's array passed there changes.
     *
     * @return the written array parameters' positions, ascending
     */
    int[] writtenArrays();

    /**
     * The method's {@code @Differentiable(order)}: 1 when its generated class has the gradient and
     * tangent methods, 2 when it also has the Hessian-vector products a caller of order 2 calls.
     *
     * @return 1 or 2
     */
    int order();

    /**
     * The {@code @Differentiable} methods the method calls, each once, in the order of their first
     * call.
     *
     * @return the differentiable methods called
     */
    Call[] calls();

    /**
     * Whether the method passes an array to a method that is not {@code @Differentiable}, which
     * could hold on to it after the call.
     *
     * @return whether an array goes to a plain method
     */
    boolean passesArraysToPlainMethods();

    /** A call of a {@code @Differentiable} method. */
    @Retention(RetentionPolicy.CLASS)
    @Target({})
    @interface Call {

        /**
         * The qualified name of the class declaring the called method.
         *
         * @return the class's qualified name
         */
        String owner();

        /**
         * The called method's name.
         *
         * @return the name
         */
        String name();

        /**
         * The called method's parameter types as Java writes them ({@code double}, {@code double[]}),
         * which tell overloads apart.
         *
         * @return the parameter types, in order
         */
        String[] parameterTypes();

        /**
         * Whether some call of it passes an array.
         *
         * @return whether the called method receives an array
         */
        boolean passesArrays();
    }
}
