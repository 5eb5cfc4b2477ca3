package io.microautograd.processor.parse;

import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The variables visible at a point of the body: nested blocks, each a map from name to variable. */
final class Scope {

    /** Stands for a name whose declaration was rejected. */
    private static final Variable REJECTED = new Variable("rejected", Type.DOUBLE, -1, Variable.Role.LOCAL);

    private final Deque<Map<String, Variable>> blocks = new ArrayDeque<>();
    private int nextId;

    Scope() {
        blocks.push(new HashMap<>());
    }

    /** Declares a variable in the innermost block. */
    Variable declare(String name, Type type, Variable.Role role) {
        Variable variable = new Variable(name, type, nextId++, role);
        blocks.peek().put(name, variable);
        return variable;
    }

    /**
     * Declares a name whose declaration was rejected: a later use of it is given up without a
     * message of its own, since it would only repeat the declaration's.
     */
    void declareRejected(String name) {
        blocks.peek().put(name, REJECTED);
    }

    /**
     * A variable the reader introduces (the hidden index of an enhanced for): it gets an id but
     * no name in any block, so the source's own variables are never shadowed by it.
     */
    Variable introduce(String name, Type type) {
        return new Variable(name, type, nextId++, Variable.Role.LOCAL);
    }

    /**
     * The visible variable of that name.
     *
     * @throws Rejections.Abandoned when the name's declaration was rejected
     */
    Optional<Variable> lookup(String name) {
        for (Map<String, Variable> block : blocks) {
            Variable variable = block.get(name);
            if (variable == REJECTED) {
                throw new Rejections.Abandoned();
            }
            if (variable != null) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }

    /** Opens a nested block. */
    void enter() {
        blocks.push(new HashMap<>());
    }

    /** Closes the innermost block. */
    void exit() {
        blocks.pop();
    }

    /** The first id no variable has taken yet. */
    int nextId() {
        return nextId;
    }
}
