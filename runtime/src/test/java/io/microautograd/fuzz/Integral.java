package io.microautograd.fuzz;

import java.util.Map;

/**
 * The int and long expressions of the integer-edges programs ({@link IntegerProgramGenerator}):
 * literals (the extremes printed as {@code Integer.MIN_VALUE} and the like), int and long
 * variables, and {@code + - * / %} with Java's types and wrapping. {@link #eval} computes what
 * Java computes, overflow included, for the {@code Value} engine's side of the comparison.
 */
sealed interface Integral {

    /** Whether Java types the expression {@code long} (else {@code int}). */
    boolean isLong();

    /** An int or long literal. */
    record Literal(long value, boolean isLong) implements Integral {
    }

    /** An int or long local or loop counter. */
    record Var(String name, boolean isLong) implements Integral {
    }

    /**
     * {@code (left op right)} with op one of {@code + - * / %}; a {@code /} or {@code %} has a
     * nonzero literal on its right, so it never throws.
     */
    record Arithmetic(String op, Integral left, Integral right) implements Integral {
        @Override
        public boolean isLong() {
            return left.isLong() || right.isLong();
        }
    }

    /** The expression as Java source, parenthesised so that it reads the same anywhere. */
    static String print(Integral e) {
        if (e instanceof Var v) {
            return v.name();
        }
        if (e instanceof Arithmetic a) {
            return "(" + print(a.left()) + " " + a.op() + " " + print(a.right()) + ")";
        }
        Literal l = (Literal) e;
        String type = l.isLong() ? "Long" : "Integer";
        if (l.value() == (l.isLong() ? Long.MIN_VALUE : Integer.MIN_VALUE)) {
            return type + ".MIN_VALUE";
        }
        if (l.value() == (l.isLong() ? Long.MAX_VALUE : Integer.MAX_VALUE)) {
            return type + ".MAX_VALUE";
        }
        String digits = l.value() + (l.isLong() ? "L" : "");
        return l.value() < 0 ? "(" + digits + ")" : digits;
    }

    /** The value Java computes, an int's sign-extended, with {@code values} for the variables. */
    static long eval(Integral e, Map<String, Long> values) {
        if (e instanceof Literal l) {
            return l.value();
        }
        if (e instanceof Var v) {
            return values.get(v.name());
        }
        Arithmetic a = (Arithmetic) e;
        long left = eval(a.left(), values);
        long right = eval(a.right(), values);
        long result;
        switch (a.op()) {
            case "+":
                result = left + right;
                break;
            case "-":
                result = left - right;
                break;
            case "*":
                result = left * right;
                break;
            case "/":
                result = a.isLong() ? left / right : (int) left / (int) right;
                break;
            default:
                result = a.isLong() ? left % right : (int) left % (int) right;
        }
        return narrowed(result, a.isLong());
    }

    /** Java's {@code left op right} on two integers, op one of {@code < <= > >= !=}. */
    static boolean holds(long left, String op, long right) {
        switch (op) {
            case "<":
                return left < right;
            case "<=":
                return left <= right;
            case ">":
                return left > right;
            case ">=":
                return left >= right;
            case "!=":
                return left != right;
            default:
                throw new IllegalArgumentException("comparison " + op);
        }
    }

    /** {@code value} as a value of the type: wrapped to an int unless {@code isLong}. */
    static long narrowed(long value, boolean isLong) {
        return isLong ? value : (int) value;
    }
}
