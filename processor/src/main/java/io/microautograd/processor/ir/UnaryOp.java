package io.microautograd.processor.ir;

/** Unary operators of the supported subset. */
public enum UnaryOp {
    NEG("-"),
    PLUS("+"),
    NOT("!");

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in Java. */
    public String symbol() {
        return symbol;
    }
}
