package io.microautograd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a partial derivative of a static method for the gradient compiler, in the partials
 * form: the annotated method computes one partial of the target, and every {@code @Differentiable}
 * method that calls the target uses it, on the reverse and the forward path, in loops and through
 * {@code wrt} subsets. The target may be in a library with no source, such as Apache Commons
 * Math's {@code Gamma.logGamma}, whose derivative is {@code Gamma.digamma}:
 *
 * <pre>{@code
 * final class GammaRules {
 *     @Derivative(of = Gamma.class, method = "logGamma")
 *     static double logGamma(double x) {
 *         return Gamma.digamma(x);
 *     }
 *
 *     @Derivative(of = Special.class, method = "beta", wrt = "b")   // one method per partial
 *     static double betaB(double a, double b, double y) {          // y: beta(a, b), passed in
 *         return y * (Gamma.digamma(b) - Gamma.digamma(a + b));
 *     }
 * }
 * }</pre>
 *
 * <p>The target is a static method returning {@code double} whose parameters are all
 * {@code double} (for a function of arrays, declare its {@link Pullback}). The rule is a static,
 * non-private method returning {@code double} with the target's parameters, in order, and
 * optionally one more {@code double}, the target's value at those arguments. A target with several
 * double parameters has one rule per partial, each naming its parameter in {@link #wrt()}; a call
 * that differentiates a parameter without a rule is a compile error at the call.
 *
 * <p>Rules compiled in the same javac run as their callers are found by themselves; rules in
 * another module or jar are found through {@link UseRules} on the calling class or its package,
 * or by being declared in the target's own class. A target that already has a derivative, a
 * {@code Math} function or a {@code @Differentiable} method, takes a rule only with
 * {@link #replaces()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Derivative {

    /**
     * The class declaring the target.
     *
     * @return the target's class
     */
    Class<?> of();

    /**
     * The target's name; among overloads, the rule's parameters choose the one whose parameters
     * they repeat.
     *
     * @return the name of the static method the rule differentiates
     */
    String method();

    /**
     * The parameter this partial is with respect to, by the name the rule method gives it. Empty
     * (the default) means the target's only parameter.
     *
     * @return the name of a parameter of the rule method, or empty
     */
    String wrt() default "";

    /**
     * Whether the rule replaces a derivative the compiler already has: a {@code Math} function's
     * built-in rule, or the derived one of a {@code @Differentiable} method, for a rule that is more
     * stable or cheaper (softplus, log-sum-exp, a clipped gradient). The derived pullback is then
     * never called from differentiated code.
     *
     * @return true to override an existing derivative
     */
    boolean replaces() default false;
}
