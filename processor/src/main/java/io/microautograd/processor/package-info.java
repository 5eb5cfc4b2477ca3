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
 */
package io.microautograd.processor;
