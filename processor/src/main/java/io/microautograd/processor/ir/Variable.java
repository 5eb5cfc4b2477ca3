package io.microautograd.processor.ir;

/**
 * A variable of the IR: a parameter, a local of the source method, or a variable the
 * differentiation introduces. Identity is the {@code id}; two source locals with the same name in
 * different scopes are different variables, and the emitter gives each its own Java name.
 *
 * @param name the name in the source, or a descriptive hint for generated variables
 * @param type the variable's type
 * @param id unique within one function
 * @param role what the variable is for
 */
public record Variable(String name, Type type, int id, Role role) {

    /** What a variable is for; the emitter declares each role differently. */
    public enum Role {
        /** A parameter of the source method. */
        PARAMETER,
        /** A local variable of the source method. */
        LOCAL,
        /** A variable the differentiation introduces (adjoints, saved values, counters). */
        GENERATED
    }
}
