package io.microautograd.processor.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A user's {@code @Derivative} rules of a static method, which calls of that method use instead
 * of differentiating it, or refusing to: a row of the derivative rule table made from the user's
 * methods.
 *
 * @param partials for each parameter of the target, the method computing its partial, or null
 *     when the user gave none
 */
public record CustomRule(List<PartialMethod> partials) {

    /** The row, with its list copied (nulls kept). */
    public CustomRule {
        partials = Collections.unmodifiableList(new ArrayList<>(partials));
    }

    /**
     * A method computing one partial from the target's arguments, and from its value when
     * {@code takesValue}.
     *
     * @param ownerClass the qualified name of the class declaring it
     * @param name its name
     * @param takesValue whether it takes the target's value as a last argument
     */
    public record PartialMethod(String ownerClass, String name, boolean takesValue) {
    }
}
