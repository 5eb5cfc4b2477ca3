package io.microautograd.processor.ir;

/** Binary operators of the supported subset, with their Java spelling and precedence. */
public enum BinaryOp {
    MUL("*", 12),
    DIV("/", 12),
    REM("%", 12),
    ADD("+", 11),
    SUB("-", 11),
    LT("<", 9),
    LE("<=", 9),
    GT(">", 9),
    GE(">=", 9),
    EQ("==", 8),
    NE("!=", 8),
    AND("&&", 4),
    OR("||", 3);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** The operator as written in Java. */
    public String symbol() {
        return symbol;
    }

    /** Java precedence; higher binds tighter. */
    public int precedence() {
        return precedence;
    }

    /** Whether the operator yields a boolean. */
    public boolean isComparisonOrLogical() {
        return precedence <= 9;
    }

    /** Whether the operator is {@code &&} or {@code ||}. */
    public boolean isLogical() {
        return this == AND || this == OR;
    }
}
