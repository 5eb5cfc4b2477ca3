package io.microautograd.processor.ir;

/**
 * The growable primitive arrays that generated code keeps as its tape: one per kind of value the
 * reverse sweep must get back (overwritten doubles; ints for counters, indices and branch
 * decisions; longs; references to array rows that a loop re-binds).
 */
public enum TapeKind {
    DOUBLE(Type.DOUBLE),
    INT(Type.INT),
    LONG(Type.LONG),
    ROW(Type.DOUBLE_ARRAY);

    private final Type elementType;

    TapeKind(Type elementType) {
        this.elementType = elementType;
    }

    /** The type of one entry. */
    public Type elementType() {
        return elementType;
    }

    /** The tape that stores values of this type; booleans go on the int tape. */
    public static TapeKind forType(Type type) {
        return switch (type) {
            case DOUBLE -> DOUBLE;
            case INT, BOOLEAN -> INT;
            case LONG -> LONG;
            case DOUBLE_ARRAY -> ROW;
            case DOUBLE_MATRIX, INT_ARRAY, STRING -> throw new IllegalArgumentException("no tape stores " + type);
        };
    }
}
