package io.microautograd.processor.ir;

/** Unary operators of the supported subset. */
public enum UnaryOp {
    NEG("-"),
    PLUS("+"),
    NOT("!"),
    /**
     * A cast to {@code float}: rounds to the nearest float. The subset has no float variables, so
     * a float value stays a double holding exactly that float's value; arithmetic Java does in
     * float is its double arithmetic followed by this rounding, which gives the same float (double
     * has more than twice float's precision, so rounding twice is exact for + - * /).
     */
    TO_FLOAT("(float) ");

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in Java. */
    public String symbol() {
        return symbol;
    }
}
