package io.microautograd.processor.ir;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code java.lang.Math} functions the subset supports, each also called through
 * {@code StrictMath}. Each has a row in the derivative rule table; {@code signum}, {@code floor},
 * {@code ceil}, {@code rint} and {@code round} are piecewise constant, so their rows are zero, and
 * {@code floorDiv} and {@code floorMod} are integer arithmetic. {@code clamp} is Java 21's.
 */
public enum MathFunction {
    SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), ATAN2(2),
    SINH(1), COSH(1), TANH(1),
    EXP(1), EXPM1(1), LOG(1), LOG10(1), LOG1P(1),
    SQRT(1), CBRT(1), POW(2), HYPOT(2), FMA(3),
    TO_RADIANS(1), TO_DEGREES(1),
    ABS(1), MAX(2), MIN(2), COPY_SIGN(2), SCALB(2), CLAMP(3),
    SIGNUM(1), FLOOR(1), CEIL(1), RINT(1), ROUND(1),
    FLOOR_DIV(2), FLOOR_MOD(2);

    private final int arity;

    MathFunction(int arity) {
        this.arity = arity;
    }

    /** The number of arguments. */
    public int arity() {
        return arity;
    }

    /** The method name in {@code java.lang.Math}: the constant's name in lower camel case. */
    public String javaName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    /**
     * Whether Java overloads the function for int and long arguments ({@code abs}, {@code max},
     * {@code min}, {@code floorDiv}, {@code floorMod}), so that its result type follows its
     * arguments instead of being double.
     */
    public boolean keepsIntegerType() {
        return this == ABS || this == MAX || this == MIN || this == FLOOR_DIV || this == FLOOR_MOD;
    }

    /** The type of a call of the function on arguments of these types, as Java's overloads give it. */
    public Type resultType(java.util.List<Type> arguments) {
        if (keepsIntegerType()) {
            return arguments.stream().reduce(Type::promote).orElseThrow();
        }
        if (this == ROUND) {
            return Type.LONG;
        }
        if (this == CLAMP && arguments.stream().allMatch(t -> t == Type.INT || t == Type.LONG)) {
            return arguments.get(1) == Type.INT && arguments.get(2) == Type.INT ? Type.INT : Type.LONG;
        }
        return Type.DOUBLE;
    }

    /** The function with this Java name and arity, if the subset supports it. */
    public static Optional<MathFunction> find(String javaName, int arity) {
        return Arrays.stream(values())
                .filter(f -> f.javaName().equals(javaName) && f.arity == arity)
                .findFirst();
    }

    /** The supported names, for diagnostics: those of the functions {@code available} accepts. */
    public static String supportedNames(java.util.function.Predicate<MathFunction> available) {
        return String.join(" ", Arrays.stream(values()).filter(available).map(MathFunction::javaName).toList());
    }
}
