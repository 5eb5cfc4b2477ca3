package io.microautograd.processor.ir;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code java.lang.Math} functions the subset supports. Each has a row in the derivative rule
 * table; {@code signum}, {@code floor}, {@code ceil} and {@code rint} are piecewise constant, so
 * their rows are zero.
 */
public enum MathFunction {
    SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), ATAN2(2),
    SINH(1), COSH(1), TANH(1),
    EXP(1), EXPM1(1), LOG(1), LOG10(1), LOG1P(1),
    SQRT(1), CBRT(1), POW(2), HYPOT(2),
    ABS(1), MAX(2), MIN(2),
    SIGNUM(1), FLOOR(1), CEIL(1), RINT(1);

    private final int arity;

    MathFunction(int arity) {
        this.arity = arity;
    }

    /** The number of arguments. */
    public int arity() {
        return arity;
    }

    /** The method name in {@code java.lang.Math}. */
    public String javaName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether Java overloads the function for int and long arguments ({@code abs}, {@code max},
     * {@code min}), so that its result type follows its arguments instead of being double.
     */
    public boolean keepsIntegerType() {
        return this == ABS || this == MAX || this == MIN;
    }

    /** The function with this Java name and arity, if the subset supports it. */
    public static Optional<MathFunction> find(String javaName, int arity) {
        return Arrays.stream(values())
                .filter(f -> f.javaName().equals(javaName) && f.arity == arity)
                .findFirst();
    }

    /** The supported names, for diagnostics. */
    public static String supportedNames() {
        return String.join(" ", Arrays.stream(values()).map(MathFunction::javaName).toList());
    }
}
