package io.microautograd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names classes whose {@link Derivative} rules were compiled in another javac
 * run (another module, a jar of rules), for the {@code @Differentiable} methods of the annotated
 * class, of its nested classes, or, on a {@code package-info}, of its package. An annotation
 * processor cannot scan the class path, so such rules are found only where they are named; rules
 * compiled together with their callers, and rules declared in the target's own class, need no
 * {@code @UseRules}.
 *
 * <pre>{@code
 * @UseRules(GammaRules.class)
 * final class NegativeBinomial { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface UseRules {

    /**
     * The classes declaring the rules.
     *
     * @return classes with {@code @Derivative} methods
     */
    Class<?>[] value();
}
