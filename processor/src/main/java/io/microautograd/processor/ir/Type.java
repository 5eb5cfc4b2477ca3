package io.microautograd.processor.ir;

/**
 * The types a differentiable method may use; the IR builder infers one for every expression.
 * {@code int[]} appears only as a parameter the method reads and never writes, so it carries no
 * adjoint and is not one of the {@linkplain #isArray() arrays} the differentiation tracks;
 * {@code String} only as the message of an exception a guard throws.
 */
public enum Type {
    DOUBLE("double"),
    INT("int"),
    LONG("long"),
    BOOLEAN("boolean"),
    DOUBLE_ARRAY("double[]"),
    DOUBLE_MATRIX("double[][]"),
    INT_ARRAY("int[]"),
    /** Only the message of a {@link Stmt.Throw}: string literals joined with values by {@code +}. */
    STRING("String");

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

    /**
     * Whether this is {@code double[]} or {@code double[][]}: an array that may carry an adjoint
     * and that the method may write. {@code int[]} is not one.
     */
    public boolean isArray() {
        return this == DOUBLE_ARRAY || this == DOUBLE_MATRIX;
    }

    /** Whether values of this type have elements and a length: the double arrays and {@code int[]}. */
    public boolean hasElements() {
        return isArray() || this == INT_ARRAY;
    }

    /** The type of one element of this array type. */
    public Type elementType() {
        if (this == DOUBLE_ARRAY) {
            return DOUBLE;
        }
        if (this == DOUBLE_MATRIX) {
            return DOUBLE_ARRAY;
        }
        if (this == INT_ARRAY) {
            return INT;
        }
        throw new IllegalStateException(this + " is not an array type");
    }

    /** The type of {@code a + b} and the like: Java's binary numeric promotion, or a string when either is one. */
    public static Type promote(Type a, Type b) {
        if (a == STRING || b == STRING) {
            return STRING;
        }
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
        return switch (this) {
            case DOUBLE -> "0.0";
            case INT -> "0";
            case LONG -> "0L";
            case BOOLEAN -> "false";
            case DOUBLE_ARRAY, DOUBLE_MATRIX, INT_ARRAY, STRING -> "null";
        };
    }
}
