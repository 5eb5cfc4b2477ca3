package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;

/** The variables a transformation introduces, each with an id no other variable of the method has. */
final class FreshVariables {

    private int nextId;

    /** @param firstFreeId the first id the method's variables leave free */
    FreshVariables(int firstFreeId) {
        this.nextId = firstFreeId;
    }

    /** A new variable; {@code hint} suggests its name. */
    Variable fresh(String hint, Type type) {
        return new Variable(hint, type, nextId++, Variable.Role.GENERATED);
    }
}
