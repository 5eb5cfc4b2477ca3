package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.And;
import io.microautograd.fuzz.Program.Assign;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Compare;
import io.microautograd.fuzz.Program.Cond;
import io.microautograd.fuzz.Program.Declare;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.If;
import io.microautograd.fuzz.Program.IntegerValue;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Negate;
import io.microautograd.fuzz.Program.Not;
import io.microautograd.fuzz.Program.Or;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Ternary;
import io.microautograd.fuzz.Program.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Writes random methods in the subset the compiler claims: double parameters, locals declared
 * and reassigned (plain and compound), + - * / and negation, every {@code Math} function with a
 * rule, if/else (with returns inside branches) and the ternary, conditions with comparisons,
 * &&, || and !.
 *
 * <p>Arguments are kept inside each function's domain by construction (log of 0.5 + e*e, asin of
 * 0.9 * tanh(e), exp of a bounded argument, division by 1.5 + e*e, ...), so that every program is
 * finite at every point in [-2, 2]^n. Kinks (abs, max, min, floor, branches) are left in: the
 * checker skips points where finite differences show a function is not smooth.
 *
 * <p>Parameter names come from a pool that includes names a careless generator would use for
 * its own locals ({@code value}, {@code grad}, {@code result}, {@code tape}, ...).
 */
final class ProgramGenerator {

    private static final String[] PARAMETER_NAMES = {
        "x", "y", "z", "w", "value", "grad", "result", "adjoint", "tape", "dx", "x_bar", "t", "gradient",
    };
    private static final String[] RAW_UNARY = {
        "sin", "cos", "atan", "tanh", "abs", "signum", "floor", "ceil", "rint", "round", "cbrt", "toRadians",
        "toDegrees",
    };
    private static final String[] GROWING = {"exp", "expm1", "sinh", "cosh"};
    private static final String[] POSITIVE_DOMAIN = {"log", "log10", "sqrt", "log1p"};
    private static final String[] RAW_BINARY = {"atan2", "hypot", "max", "min", "copySign", "fma", "scalb"};
    /** The exponents {@code Math.scalb} is given, an int as Java requires. */
    private static final int[] SCALB_EXPONENTS = {-3, -1, 1, 2};
    private static final String[] BOUNDING = {"tanh", "sin", "atan", "cos"};
    private static final String[] COMPARISONS = {"<", "<=", ">", ">="};
    private static final String[] COMPOUND = {"", "+", "-", "*", "/"};

    private final Random random;
    /** How the generator writes each Math call it makes: {@code Math.f(...)} unless told otherwise. */
    private final UnaryOperator<Call> spelling;
    /** Whether expressions call the functions with {@code @Derivative} rules too ({@link RuledFunctions}). */
    private final boolean ruled;
    private int locals;

    ProgramGenerator(long seed) {
        this(new Random(seed));
    }

    /** A generator drawing from {@code random}, which it shares with its caller. */
    ProgramGenerator(Random random) {
        this(random, UnaryOperator.identity());
    }

    /** A generator drawing from {@code random} that spells each Math call it writes with {@code spelling}. */
    ProgramGenerator(Random random, UnaryOperator<Call> spelling) {
        this(random, spelling, false);
    }

    private ProgramGenerator(Random random, UnaryOperator<Call> spelling, boolean ruled) {
        this.random = random;
        this.spelling = spelling;
        this.ruled = ruled;
    }

    /**
     * A generator drawing from {@code random} whose expressions also call the functions of scalars
     * of {@link RuledFunctions}, about one node in six.
     */
    static ProgramGenerator withRuledFunctions(Random random) {
        return new ProgramGenerator(random, UnaryOperator.identity(), true);
    }

    /** Whether expressions call the functions of {@link RuledFunctions}. */
    boolean callsRuledFunctions() {
        return ruled;
    }

    /** Scalar parameter names, some of which a careless compiler would clash with. */
    static String[] parameterNames() {
        return PARAMETER_NAMES.clone();
    }

    /** A random method called {@code name}. */
    Method method(String name) {
        locals = 0;
        List<String> parameters = distinctNames(PARAMETER_NAMES, 1 + random.nextInt(4));
        List<Stmt> body = new ArrayList<>();
        boolean completesNormally = block(body, new ArrayList<>(parameters), new ArrayList<>(), 0, 1 + random.nextInt(6));
        if (completesNormally) {
            List<String> readable = new ArrayList<>(parameters);
            readable.addAll(currentLocals(body));
            body.add(new Return(expr(readable, List.of(), 3)));
        }
        return new Method(name, List.copyOf(parameters), List.copyOf(body));
    }

    /** {@code count} different names drawn from {@code pool}, which holds at least that many. */
    List<String> distinctNames(String[] pool, int count) {
        List<String> names = new ArrayList<>();
        while (names.size() < count) {
            String candidate = pool[random.nextInt(pool.length)];
            if (!names.contains(candidate)) {
                names.add(candidate);
            }
        }
        return names;
    }

    /**
     * Appends up to {@code length} statements; returns whether the block can complete normally
     * (Java rejects statements after one that cannot, so generation stops there).
     */
    private boolean block(List<Stmt> out, List<String> readable, List<String> assignable, int depth, int length) {
        List<String> scopeReadable = new ArrayList<>(readable);
        List<String> scopeAssignable = new ArrayList<>(assignable);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(depth < 2 ? 10 : 7);
            if (kind < 4 || scopeAssignable.isEmpty() && kind < 7) {
                String name = "v" + locals++;
                out.add(new Declare(name, expr(scopeReadable, List.of(), 3)));
                scopeReadable.add(name);
                scopeAssignable.add(name);
            } else if (kind < 7) {
                String target = scopeAssignable.get(random.nextInt(scopeAssignable.size()));
                String op = COMPOUND[random.nextInt(COMPOUND.length)];
                Expr value = op.equals("/") ? safeDenominator(expr(scopeReadable, List.of(), 2)) : expr(scopeReadable, List.of(), 3);
                out.add(new Assign(target, op, value));
            } else {
                List<Stmt> then = new ArrayList<>();
                List<Stmt> otherwise = new ArrayList<>();
                boolean thenContinues = branch(then, scopeReadable, scopeAssignable, depth);
                boolean elseContinues = random.nextBoolean()
                        ? branch(otherwise, scopeReadable, scopeAssignable, depth) : true;
                out.add(new If(cond(scopeReadable, 2), List.copyOf(then), List.copyOf(otherwise)));
                if (!thenContinues && !elseContinues) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A branch body; sometimes it ends in a return. Returns whether it can complete normally. */
    private boolean branch(List<Stmt> out, List<String> readable, List<String> assignable, int depth) {
        boolean continues = block(out, readable, assignable, depth + 1, 1 + random.nextInt(3));
        if (continues && random.nextInt(3) == 0) {
            out.add(new Return(expr(readable, List.of(), 2)));
            return false;
        }
        return continues;
    }

    private static List<String> currentLocals(List<Stmt> topLevel) {
        List<String> names = new ArrayList<>();
        for (Stmt statement : topLevel) {
            if (statement instanceof Declare d) {
                names.add(d.name());
            }
        }
        return names;
    }

    /**
     * A random expression of at most {@code depth} levels over the double variables
     * {@code readable} and the further leaves {@code extra} (array elements, helper calls).
     */
    Expr expr(List<String> readable, List<Expr> extra, int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return leaf(readable, extra);
        }
        if (ruled && random.nextInt(6) == 0) {
            return RuledCalls.call(random, expr(readable, extra, depth - 1), expr(readable, extra, depth - 1));
        }
        switch (random.nextInt(9)) {
            case 0:
                return new Negate(expr(readable, extra, depth - 1));
            case 1:
            case 2:
                return new Binary(new String[] {"+", "-", "*"}[random.nextInt(3)],
                        expr(readable, extra, depth - 1), expr(readable, extra, depth - 1));
            case 3:
                return new Binary("/", expr(readable, extra, depth - 1), safeDenominator(expr(readable, extra, depth - 1)));
            case 4:
                return call(RAW_UNARY[random.nextInt(RAW_UNARY.length)], expr(readable, extra, depth - 1));
            case 5:
                return rawBinary(RAW_BINARY[random.nextInt(RAW_BINARY.length)],
                        expr(readable, extra, depth - 1), expr(readable, extra, depth - 1));
            case 6:
                return guardedCall(expr(readable, extra, depth - 1), expr(readable, extra, depth - 1));
            case 7:
                return new Ternary(cond(readable, 1), expr(readable, extra, depth - 1), expr(readable, extra, depth - 1));
            default:
                return new Binary("*", literal(), expr(readable, extra, depth - 1));
        }
    }

    /** An assignment's operator and right-hand side. */
    record Update(String op, Expr value) {
    }

    /**
     * A new value for {@code target} (op one of "", "+", "-", "*", "/") over {@code readable} and
     * the further {@code leaves}: anything outside loops, a contraction inside them so that
     * repeated updates stay finite ({@code v = 0.8 * v + tanh(...)}, {@code v *= 1 + 0.2 *
     * sin(...)}, {@code v /= 1.5 + e * e}, {@code v += atan(...)}).
     */
    Update update(Expr target, List<String> readable, Supplier<List<Expr>> leaves, boolean inLoop) {
        String op = COMPOUND[random.nextInt(COMPOUND.length)];
        Expr e = expr(readable, leaves.get(), inLoop ? 2 : 3);
        if (op.equals("/")) {
            return new Update(op, safeDenominator(e));
        }
        if (!inLoop) {
            return new Update(op, e);
        }
        Expr bounded = bounded(e);
        switch (op) {
            case "":
                return new Update(op, new Binary("+", new Binary("*", contraction(), target), bounded));
            case "*":
                return new Update(op, new Binary("+", new Literal(1.0), new Binary("*", new Literal(0.2), bounded)));
            default:
                return new Update(op, bounded);
        }
    }

    private Literal contraction() {
        return new Literal(Math.round((0.3 + random.nextDouble() * 0.65) * 100) / 100.0);
    }

    /**
     * A function of two expressions: fma adds a literal to their product, scalb scales the first
     * by a power of two.
     */
    private Expr rawBinary(String function, Expr first, Expr second) {
        if (function.equals("fma")) {
            return call(function, first, second, literal());
        }
        if (function.equals("scalb")) {
            int exponent = SCALB_EXPONENTS[random.nextInt(SCALB_EXPONENTS.length)];
            return call(function, first, new IntegerValue(new Integral.Literal(exponent, false)));
        }
        return call(function, first, second);
    }

    /** A function whose domain or growth needs its argument shaped. */
    private Expr guardedCall(Expr argument, Expr second) {
        switch (random.nextInt(6)) {
            case 0:
                return call(GROWING[random.nextInt(GROWING.length)], new Binary("*", literal(), bounded(argument)));
            case 1:
                return call(POSITIVE_DOMAIN[random.nextInt(POSITIVE_DOMAIN.length)],
                        new Binary("+", literal(), new Binary("*", argument, argument)));
            case 2:
                return call(random.nextBoolean() ? "asin" : "acos",
                        new Binary("*", new Literal(0.9), call(random.nextBoolean() ? "tanh" : "sin", argument)));
            case 3:
                return call("tan", call(random.nextBoolean() ? "tanh" : "sin", argument));
            case 4:
                return call("pow", new Binary("+", literal(), new Binary("*", argument, argument)),
                        new Binary("*", literal(), bounded(second)));
            default:
                return call("exp", bounded(argument));
        }
    }

    /** {@code argument} passed through a function whose result stays within [-1.6, 1.6]. */
    Expr bounded(Expr argument) {
        return call(BOUNDING[random.nextInt(BOUNDING.length)], argument);
    }

    /** An expression of {@code e} that is at least 1, to divide by. */
    Expr safeDenominator(Expr e) {
        return random.nextBoolean()
                ? new Binary("+", new Literal(1.5), new Binary("*", e, e))
                : new Binary("+", new Literal(2.0), call("sin", e));
    }

    private Cond cond(List<String> readable, int depth) {
        return cond(readable, List.of(), depth);
    }

    /** A random condition over the same leaves as {@link #expr}. */
    Cond cond(List<String> readable, List<Expr> extra, int depth) {
        if (depth == 0 || random.nextInt(3) > 0) {
            return new Compare(COMPARISONS[random.nextInt(COMPARISONS.length)],
                    expr(readable, extra, 1), expr(readable, extra, 1));
        }
        switch (random.nextInt(3)) {
            case 0: return new And(cond(readable, extra, depth - 1), cond(readable, extra, depth - 1));
            case 1: return new Or(cond(readable, extra, depth - 1), cond(readable, extra, depth - 1));
            default: return new Not(cond(readable, extra, depth - 1));
        }
    }

    private Expr leaf(List<String> readable, List<Expr> extra) {
        int options = readable.size() + extra.size();
        if (options == 0 || random.nextInt(10) < 3) {
            return literal();
        }
        int pick = random.nextInt(options);
        return pick < readable.size() ? new Var(readable.get(pick)) : extra.get(pick - readable.size());
    }

    /** A literal in [0.1, 3.0] with two decimals. */
    Literal literal() {
        return new Literal(Math.round((0.1 + random.nextDouble() * 2.9) * 100) / 100.0);
    }

    private Call call(String function, Expr... arguments) {
        return spelling.apply(new Call(function, List.of(arguments)));
    }
}
