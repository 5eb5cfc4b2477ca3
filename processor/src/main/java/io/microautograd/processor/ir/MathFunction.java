package io.microautograd.processor.ir;

import static io.microautograd.processor.ir.MathFunction.Argument.INT;
import static io.microautograd.processor.ir.MathFunction.Argument.INTEGER;
import static io.microautograd.processor.ir.MathFunction.Argument.NUMBER;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@code java.lang.Math} functions the subset supports, each also called through
 * {@code StrictMath}, with what each takes and what Java's overloads make it return. Each has a
 * row in the derivative rule table; {@code signum}, {@code floor}, {@code ceil}, {@code rint} and
 * {@code round} are piecewise constant, so their rows are zero, and {@code floorDiv} and
 * {@code floorMod} are integer arithmetic. {@code clamp} is Java 21's.
 */
public enum MathFunction {
    SIN(Result.DOUBLE, NUMBER), COS(Result.DOUBLE, NUMBER), TAN(Result.DOUBLE, NUMBER),
    ASIN(Result.DOUBLE, NUMBER), ACOS(Result.DOUBLE, NUMBER), ATAN(Result.DOUBLE, NUMBER),
    ATAN2(Result.DOUBLE, NUMBER, NUMBER),
    SINH(Result.DOUBLE, NUMBER), COSH(Result.DOUBLE, NUMBER), TANH(Result.DOUBLE, NUMBER),
    EXP(Result.DOUBLE, NUMBER), EXPM1(Result.DOUBLE, NUMBER), LOG(Result.DOUBLE, NUMBER),
    LOG10(Result.DOUBLE, NUMBER), LOG1P(Result.DOUBLE, NUMBER),
    SQRT(Result.DOUBLE, NUMBER), CBRT(Result.DOUBLE, NUMBER), POW(Result.DOUBLE, NUMBER, NUMBER),
    HYPOT(Result.DOUBLE, NUMBER, NUMBER), FMA(Result.FLOATING, NUMBER, NUMBER, NUMBER),
    TO_RADIANS(Result.DOUBLE, NUMBER), TO_DEGREES(Result.DOUBLE, NUMBER),
    ABS(Result.PROMOTED, NUMBER), MAX(Result.PROMOTED, NUMBER, NUMBER), MIN(Result.PROMOTED, NUMBER, NUMBER),
    COPY_SIGN(Result.FLOATING, NUMBER, NUMBER), SCALB(Result.FLOATING, NUMBER, INT),
    CLAMP(Result.CLAMPED, NUMBER, NUMBER, NUMBER),
    SIGNUM(Result.FLOATING, NUMBER), FLOOR(Result.DOUBLE, NUMBER), CEIL(Result.DOUBLE, NUMBER),
    RINT(Result.DOUBLE, NUMBER), ROUND(Result.ROUNDED, NUMBER),
    FLOOR_DIV(Result.PROMOTED, INTEGER, INTEGER), FLOOR_MOD(Result.PROMOTED, INTEGER, INTEGER);

    /** What an argument may be. */
    public enum Argument {
        /** Any number (an int widens to the float or double overload). */
        NUMBER("numbers"),
        /** An int or a long. */
        INTEGER("int and long values"),
        /** An int. */
        INT("an int");

        private final String described;

        Argument(String described) {
            this.described = described;
        }

        /** Whether a value of this IR type may be passed. */
        public boolean admits(Type type) {
            return switch (this) {
                case NUMBER -> type.isNumeric();
                case INTEGER -> type == Type.INT || type == Type.LONG;
                case INT -> type == Type.INT;
            };
        }

        /** What it takes, for messages. */
        public String described() {
            return described;
        }
    }

    /** What Java's overloads make the function return. */
    enum Result {
        /** Always a double ({@code sin(float)} widens). */
        DOUBLE,
        /** The arguments' promoted type: int, long, float or double ({@code abs}, {@code max}). */
        PROMOTED,
        /** A float unless an argument is a double: integers go to the float overload ({@code signum(3)}). */
        FLOATING,
        /** An int from a float (or an integer, through the float overload), a long from a double. */
        ROUNDED,
        /** Java 21's clamp: a double or float as the arguments, else an int for int bounds, else a long. */
        CLAMPED
    }

    private final Result result;
    private final List<Argument> arguments;

    MathFunction(Result result, Argument... arguments) {
        this.result = result;
        this.arguments = List.of(arguments);
    }

    /** The number of arguments. */
    public int arity() {
        return arguments.size();
    }

    /** What the argument at {@code index} may be. */
    public Argument argument(int index) {
        return arguments.get(index);
    }

    /** The method name in {@code java.lang.Math}: the constant's name in lower camel case. */
    public String javaName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    /** The IR type of a call on these arguments (a float result is a double holding a float's value). */
    public Type resultType(List<Expr> arguments) {
        boolean floating = arguments.stream().anyMatch(a -> a.type() == Type.DOUBLE);
        Type promoted = arguments.stream().map(Expr::type).reduce(Type::promote).orElseThrow();
        return switch (result) {
            case DOUBLE, FLOATING -> Type.DOUBLE;
            case PROMOTED -> promoted;
            case ROUNDED -> FloatTyping.isWideDouble(arguments.get(0)) ? Type.LONG : Type.INT;
            case CLAMPED -> floating ? Type.DOUBLE
                    : arguments.get(1).type() == Type.INT && arguments.get(2).type() == Type.INT ? Type.INT : Type.LONG;
        };
    }

    /** Whether Java's overloads make a call on these arguments return a float. */
    public boolean returnsFloat(List<Expr> arguments) {
        boolean anyFloat = arguments.stream().anyMatch(FloatTyping::isFloat);
        boolean noDouble = arguments.stream().noneMatch(FloatTyping::isWideDouble);
        return switch (result) {
            case DOUBLE, ROUNDED -> false;
            case PROMOTED, CLAMPED -> anyFloat && noDouble;
            case FLOATING -> noDouble;
        };
    }

    /** The function with this Java name and arity, if the subset supports it. */
    public static Optional<MathFunction> find(String javaName, int arity) {
        return Arrays.stream(values())
                .filter(f -> f.javaName().equals(javaName) && f.arity() == arity)
                .findFirst();
    }

    /** The supported names, for diagnostics: those of the functions {@code available} accepts. */
    public static String supportedNames(Predicate<MathFunction> available) {
        return String.join(" ", Arrays.stream(values()).filter(available).map(MathFunction::javaName).toList());
    }
}
