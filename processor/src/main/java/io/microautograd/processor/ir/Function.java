package io.microautograd.processor.ir;

import java.util.List;
import java.util.Set;

/**
 * A differentiable method as the IR builder read it.
 *
 * @param name the method name
 * @param parameters the parameters in declaration order
 * @param differentiated the parameters to differentiate with respect to
 * @param body the method body
 * @param firstFreeId the first variable id not used by the body, for variables added later
 */
public record Function(
        String name,
        List<Variable> parameters,
        Set<Variable> differentiated,
        Stmt.Block body,
        int firstFreeId) {
}
