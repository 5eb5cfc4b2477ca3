package io.microautograd.processor.ir;

/** The types a differentiable method may use; the IR builder infers one for every expression. */
public enum Type {
    DOUBLE("double"),
    INT("int"),
    LONG("long"),
    BOOLEAN("boolean"),
    DOUBLE_ARRAY("double[]"),
    DOUBLE_MATRIX("double[][]");

    private final String javaName;

    Type(String javaName) {
        this.javaName = javaName;
    }

    /** The type as written in Java source. */
    public String javaName() {
        return javaName;
    }

    /** Whether values of this type are arithmetic scalars (double, int or long). */
    public boolean isNumeric() {
        return this == DOUBLE || this == INT || this == LONG;
    }

    /** Whether this is {@code double[]} or {@code double[][]}. */
    public boolean isArray() {
        return this == DOUBLE_ARRAY || this == DOUBLE_MATRIX;
    }

    /** The type of one element of this array type. */
    public Type elementType() {
        if (this == DOUBLE_ARRAY) {
            return DOUBLE;
        }
        if (this == DOUBLE_MATRIX) {
            return DOUBLE_ARRAY;
        }
        throw new IllegalStateException(this + " is not an array type");
    }

    /** Java's binary numeric promotion of two numeric types. */
    public static Type promote(Type a, Type b) {
        if (a == DOUBLE || b == DOUBLE) {
            return DOUBLE;
        }
        if (a == LONG || b == LONG) {
            return LONG;
        }
        return INT;
    }

    /** The zero value of this type as a Java literal. */
    public String zeroLiteral() {
        switch (this) {
            case DOUBLE:
                return "0.0";
            case INT:
                return "0";
            case LONG:
                return "0L";
            case BOOLEAN:
                return "false";
            default:
                return "null";
        }
    }
}
