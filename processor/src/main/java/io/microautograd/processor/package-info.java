/**
 * The annotation processor that compiles {@code @Differentiable} methods into reverse-mode
 * gradient code at build time.
 *
 * <p>{@link io.microautograd.processor.DifferentiableProcessor} is a thin round loop over four
 * steps, one package each: {@code parse} reads the method's trees into the IR (and rejects Java
 * outside the supported subset), {@code ir} is the small immutable IR, {@code diff} holds the
 * derivative rule table and the reverse-mode transformation, {@code emit} prints IR as Java with
 * JavaPoet. Only the public {@code com.sun.source} API is used.
 *
 * <p>Diagnostics: every error is reported at the exact tree through {@code Trees.printMessage},
 * its message starting with a searchable tag such as {@code [MicroAutograd:UnsupportedMath]},
 * naming the construct and saying what is supported instead. A method with an error gets no
 * generated code, so there are no follow-on errors; the others of its class still do. An
 * unexpected exception becomes one {@code [MicroAutograd:InternalError]} on the method, asking
 * for a bug report. The processor does not claim {@code @Differentiable}; builds that enable
 * {@code -Xlint:processing} therefore see javac's note that no processor claimed it.
 *
 * <p>Calls compiled elsewhere: a {@code @Differentiable} method that is not among a round's
 * annotated methods (compiled in another javac run: a module of helpers, a library jar, a build
 * that recompiles only the caller) has no body to read. What a call of it needs (differentiated
 * and written parameters by position, the differentiable methods it calls, whether it passes
 * arrays to plain ones) is written on every generated pullback as {@code @DifferentiableFacts},
 * which javac keeps in the class file, and read back from there ({@code parse.FactsReader}); the
 * {@code CallGraph} applies one set of rules to facts from either source. A callee whose generated
 * class is missing, records no facts of this format, or no longer matches it is a
 * {@code [MicroAutograd:MissingFacts]} error at the call. Facts are by position because a class
 * file compiled with neither {@code -parameters} nor {@code -g} has no parameter names; they list direct calls, not
 * their closure, so that recursion through a method compiled earlier is found, and an array's
 * fate is judged by the methods as they are now wherever this round recompiled them.
 */
package io.microautograd.processor;
