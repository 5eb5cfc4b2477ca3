package io.microautograd.processor.parse;

/**
 * The searchable tag of each diagnostic. Every message starts with {@code [MicroAutograd:Tag]},
 * names the construct and says what is supported instead.
 */
public enum Tag {
    /** The annotated method is not static. */
    NOT_STATIC("NotStatic"),
    /** The annotated method does not return double. */
    RETURN_TYPE("ReturnType"),
    /** The annotated method is abstract or native, so it has no body to read. */
    NO_BODY("NoBody"),
    /** No parameter is left to differentiate. */
    NOTHING_TO_DIFFERENTIATE("NothingToDifferentiate"),
    /** A {@code wrt} name is not a differentiable parameter. */
    UNKNOWN_WRT("UnknownWrt"),
    /** A parameter or local has a type outside the subset. */
    UNSUPPORTED_TYPE("UnsupportedType"),
    /** A statement form outside the subset. */
    UNSUPPORTED_STATEMENT("UnsupportedStatement"),
    /** An expression form outside the subset. */
    UNSUPPORTED_EXPRESSION("UnsupportedExpression"),
    /** A loop form outside the subset. */
    UNSUPPORTED_LOOP("UnsupportedLoop"),
    /** An array form outside the subset. */
    UNSUPPORTED_ARRAY("UnsupportedArray"),
    /** An int array used other than as a read-only parameter. */
    INT_ARRAY("IntArray"),
    /** A Math function with no derivative rule. */
    UNSUPPORTED_MATH("UnsupportedMath"),
    /** A call the compiler cannot differentiate. */
    UNSUPPORTED_CALL("UnsupportedCall"),
    /**
     * A call of a {@code @Differentiable} method compiled in another javac run whose generated class
     * is missing, records no facts this processor can read, or does not match the method.
     */
    MISSING_FACTS("MissingFacts"),
    /** An {@code order} other than 1 or 2. */
    ORDER("Order"),
    /** A method of order 2 calls a {@code @Differentiable} method without second-order methods. */
    SECOND_ORDER("SecondOrder"),
    /** A name that is neither a local, a parameter nor a static final constant. */
    UNKNOWN_NAME("UnknownName"),
    /** Two overloaded @Differentiable methods would have one generated method. */
    OVERLOAD("Overload"),
    /** A {@code @Derivative} rule that cannot be used, or a call that needs a partial its rules lack. */
    CUSTOM_RULE("CustomRule"),
    /** A @Differentiable method calls itself, directly or through others. */
    RECURSION("Recursion"),
    /** A {@code checkpoints} value outside its range, or a loop taped though the method asked to checkpoint it. */
    CHECKPOINT("Checkpoint"),
    /** An {@code outputs} name that is not a written, undifferentiated {@code double[]} parameter, or outputs of order 2. */
    OUTPUTS("Outputs"),
    /** A bug in the processor. */
    INTERNAL_ERROR("InternalError");

    private final String label;

    Tag(String label) {
        this.label = label;
    }

    /** The message prefix, for example {@code [MicroAutograd:NotStatic] }. */
    public String prefix() {
        return "[MicroAutograd:" + label + "] ";
    }
}
