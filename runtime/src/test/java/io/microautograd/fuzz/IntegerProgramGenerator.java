package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.Assign;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Break;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Continue;
import io.microautograd.fuzz.Program.CountedFor;
import io.microautograd.fuzz.Program.Declare;
import io.microautograd.fuzz.Program.DeclareInteger;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.If;
import io.microautograd.fuzz.Program.IntegerValue;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.StepWhile;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Var;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes random methods for the integer-edges mode: the integer arithmetic around differentiated
 * code, at its extremes. Double parameters are named with {@code $} and {@code _}. Int and long
 * locals hold edge values ({@code MIN_VALUE}, {@code MAX_VALUE}, values whose squares overflow,
 * values just past the int range) and reach the double code as arguments of {@code atan2},
 * {@code hypot}, {@code pow}, {@code max} and {@code min} and as factors, alone or in products
 * and sums that overflow. Loops count with int or long counters from and to those edges, rising
 * and falling, by steps up to {@code Integer.MAX_VALUE}, with {@code < <= > >=} and {@code !=}
 * (which follows a counter through its wrap), as {@code for} loops and as {@code while} loops
 * whose counter steps first, sometimes nested, sometimes with a {@code break} or
 * {@code continue}; their bodies read the counter as an int or long.
 *
 * <p>Every loop runs at most {@value #MAX_TRIPS} times: a header is drawn, run here with Java's
 * arithmetic (wrapping included), and drawn again until it stops in time, so programs stay quick
 * however large their numbers. Values stay finite and the functions smooth enough for finite
 * differences: an edge value enters only bounded functions ({@code atan2}, {@code atan} of a
 * {@code max}, a factor reduced modulo 10), and only moderate ones (below 10^5, squares still
 * overflowing an int) enter {@code hypot} and products with a parameter, those under {@code atan}:
 * found by seed 29, {@code rint(pow(65537 / x, 3))} near 1e14 is a staircase of steps narrower
 * than any finite-difference step, which differences read as a slope of -2.7e14.
 */
final class IntegerProgramGenerator {

    /** Legal Java names with {@code $} and {@code _}; a lone {@code _} is not one. */
    private static final String[] PARAMETER_NAMES = {"x", "$y", "_z", "a$b", "$", "__", "_$", "$_1", "t$", "x_bar"};
    private static final long[] INT_EDGES = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1L, Integer.MAX_VALUE,
        Integer.MAX_VALUE - 1L, 0, 1, -1, 46_341, -46_341, 65_537, 1_500_000_000, -2_000_000_000};
    private static final long[] LONG_EDGES = {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1,
        3_037_000_500L, -3_037_000_500L, 2_147_483_648L, -2_147_483_649L, 3_000_000_000L, 0};
    /** Ints whose squares overflow an int, small enough as doubles for hypot and products. */
    private static final long[] MODERATE = {46_341, -46_341, 65_537, -70_000, 3, -2};
    private static final long[] EXPONENTS = {0, 1, 2, 3, -1, -2};
    private static final int[] STEPS = {1, -1, 2, -3, 7, 1_000_000, -1_000_000, 1_000_000_000, -1_500_000_000,
        Integer.MAX_VALUE, -Integer.MAX_VALUE};
    private static final long[] LONG_STEPS = {3_000_000_000L, -3_000_000_000L, 1L << 62, -(1L << 62)};
    private static final String[] RISING = {"<", "<=", "!="};
    private static final String[] FALLING = {">", ">=", "!="};
    static final int MAX_TRIPS = 5;

    private final Random random;
    private final ProgramGenerator expressions;
    private int names;

    IntegerProgramGenerator(long seed) {
        this.random = new Random(seed);
        this.expressions = new ProgramGenerator(random);
    }

    /** What a statement may use: double variables, and int and long ones with their values if fixed. */
    private static final class Scope {
        final List<String> doubles = new ArrayList<>();
        /** Integer locals, whose values are fixed, by name. */
        final Map<String, Integral.Literal> locals = new LinkedHashMap<>();
        /** Loop counters in scope, whose values change. */
        final List<Integral.Var> counters = new ArrayList<>();
        int loopDepth;

        Scope child() {
            Scope child = new Scope();
            child.doubles.addAll(doubles);
            child.locals.putAll(locals);
            child.counters.addAll(counters);
            child.loopDepth = loopDepth;
            return child;
        }
    }

    /** A random method called {@code name}. */
    Method method(String name) {
        names = 0;
        List<String> parameters = expressions.distinctNames(PARAMETER_NAMES, 1 + random.nextInt(3));
        Scope scope = new Scope();
        scope.doubles.addAll(parameters);
        List<Stmt> body = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            boolean isLong = random.nextInt(3) == 0;
            long[] values = random.nextInt(4) == 0 ? EXPONENTS : isLong ? LONG_EDGES : INT_EDGES;
            String local = (isLong ? "m_" : "n$") + names++;
            Integral.Literal value = new Integral.Literal(values[random.nextInt(values.length)], isLong);
            body.add(new DeclareInteger(local, value));
            scope.locals.put(local, value);
        }
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            if (random.nextInt(3) == 0) {
                String local = "v_" + names++;
                body.add(new Declare(local, expression(scope, 3)));
                scope.doubles.add(local);
            } else {
                String sum = "s$" + names++;
                body.add(new Declare(sum, new Literal(0.0)));
                body.addAll(loop(scope, sum));
                scope.doubles.add(sum);
            }
        }
        body.add(new Return(expression(scope, 3)));
        return new Method(name, List.copyOf(parameters), List.copyOf(body));
    }

    /** A for loop, or a while loop after its counter's declaration, that updates {@code sum}. */
    private List<Stmt> loop(Scope scope, String sum) {
        boolean isLong = random.nextBoolean();
        boolean isFor = random.nextInt(10) < 7;
        String counter = (isLong ? "t_" : "i$") + names++;
        long step = !isFor && isLong && random.nextInt(3) == 0 ? LONG_STEPS[random.nextInt(LONG_STEPS.length)]
                : STEPS[random.nextInt(STEPS.length)];
        Integral start = null;
        String op = "<";
        Integral bound = new Integral.Literal(3, false);
        for (int attempt = 0; attempt < 50; attempt++) {
            Integral candidateStart = edge(scope, isLong);
            String candidateOp = (step > 0 ? RISING : FALLING)[random.nextInt(3)];
            Integral candidateBound = random.nextInt(3) == 0 ? edge(scope, random.nextBoolean())
                    : nearby(candidateStart, step, isLong, scope);
            if (trips(value(candidateStart, scope), candidateOp, value(candidateBound, scope), step, isLong)
                    <= MAX_TRIPS) {
                start = candidateStart;
                op = candidateOp;
                bound = candidateBound;
                break;
            }
        }
        if (start == null) {
            step = 1;
            start = new Integral.Literal(0, isLong);
        }
        Scope inner = scope.child();
        inner.loopDepth++;
        inner.counters.add(new Integral.Var(counter, isLong));
        List<Stmt> body = new ArrayList<>();
        body.add(update(inner, sum));
        if (inner.loopDepth < 2 && random.nextInt(4) == 0) {
            body.addAll(loop(inner, sum));
        }
        if (random.nextInt(3) == 0) {
            body.add(update(inner, sum));
        }
        if (random.nextInt(4) == 0) {
            body.add(new If(expressions.cond(inner.doubles, integerTerms(inner), 1),
                    List.of(random.nextBoolean() ? new Break() : new Continue()), List.of()));
        }
        if (isFor) {
            return List.of(new CountedFor(counter, isLong, start, op, bound, (int) step, List.copyOf(body)));
        }
        return List.of(new DeclareInteger(counter, start), new StepWhile(counter, isLong, op, bound, step,
                List.copyOf(body)));
    }

    /** {@code sum = c * sum + term} (a contraction) or {@code sum += term}, term bounded. */
    private Stmt update(Scope scope, String sum) {
        Expr term = expressions.bounded(expression(scope, 2));
        if (random.nextBoolean()) {
            return new Assign(sum, "+", term);
        }
        return new Assign(sum, "", new Binary("+", new Binary("*", new Literal(0.5), new Var(sum)), term));
    }

    /** A double expression over the scope's doubles and its integers' terms. */
    private Expr expression(Scope scope, int depth) {
        return expressions.expr(scope.doubles, integerTerms(scope), depth);
    }

    /**
     * Double expressions that take an int or long where Java converts it: one per form, each
     * with fresh integers from the scope, for {@link ProgramGenerator#expr} to choose among.
     */
    private List<Expr> integerTerms(Scope scope) {
        Expr e = expressions.expr(scope.doubles, List.of(), 1);
        List<Expr> terms = new ArrayList<>();
        terms.add(new Call("atan2", List.of(integer(scope, false), e)));
        terms.add(new Call("atan2", List.of(e, integer(scope, false))));
        terms.add(new Call("atan", List.of(new Call(random.nextBoolean() ? "max" : "min",
                List.of(integer(scope, false), e)))));
        terms.add(new Call("sin", List.of(new Call("hypot", List.of(integer(scope, true), e)))));
        terms.add(new Call("atan", List.of(new Binary("*", e, integer(scope, true)))));
        terms.add(new Binary("*", e, new IntegerValue(new Integral.Arithmetic("%", integral(scope, false),
                new Integral.Literal(10, false)))));
        Integral exponent = random.nextBoolean() ? new Integral.Literal(EXPONENTS[random.nextInt(EXPONENTS.length)],
                false) : smallLocal(scope);
        terms.add(new Call("pow", List.of(new Binary("+", new Literal(1.5), new Binary("*", e, e)),
                new IntegerValue(exponent))));
        return terms;
    }

    /** An int or long where a double is expected: any value, or a moderate one. */
    private Expr integer(Scope scope, boolean moderate) {
        if (moderate) {
            return new IntegerValue(new Integral.Literal(MODERATE[random.nextInt(MODERATE.length)], false));
        }
        return new IntegerValue(integral(scope, false));
    }

    /**
     * An integer expression: a local, a counter, an edge literal, or a sum, difference or product
     * of two of them (which may overflow, as Java's does).
     */
    private Integral integral(Scope scope, boolean leafOnly) {
        if (!leafOnly && random.nextInt(3) == 0) {
            return new Integral.Arithmetic(new String[] {"+", "-", "*"}[random.nextInt(3)], integral(scope, true),
                    integral(scope, true));
        }
        int pick = random.nextInt(scope.locals.size() + scope.counters.size() + 1);
        if (pick < scope.locals.size()) {
            String name = new ArrayList<>(scope.locals.keySet()).get(pick);
            return new Integral.Var(name, scope.locals.get(name).isLong());
        }
        if (pick < scope.locals.size() + scope.counters.size()) {
            return scope.counters.get(pick - scope.locals.size());
        }
        boolean isLong = random.nextInt(3) == 0;
        long[] values = isLong ? LONG_EDGES : INT_EDGES;
        return new Integral.Literal(values[random.nextInt(values.length)], isLong);
    }

    /** A local holding a small exponent, or a small literal when there is none. */
    private Integral smallLocal(Scope scope) {
        for (Map.Entry<String, Integral.Literal> local : scope.locals.entrySet()) {
            if (!local.getValue().isLong() && Math.abs(local.getValue().value()) <= 3) {
                return new Integral.Var(local.getKey(), false);
            }
        }
        return new Integral.Literal(0, false);
    }

    /** A loop start or bound of the type: an edge literal or a local whose value is fixed. */
    private Integral edge(Scope scope, boolean isLong) {
        List<String> fitting = new ArrayList<>();
        scope.locals.forEach((name, value) -> {
            if (value.isLong() == isLong) {
                fitting.add(name);
            }
        });
        if (!fitting.isEmpty() && random.nextBoolean()) {
            return new Integral.Var(fitting.get(random.nextInt(fitting.size())), isLong);
        }
        long[] values = isLong ? LONG_EDGES : INT_EDGES;
        return new Integral.Literal(values[random.nextInt(values.length)], isLong);
    }

    /** A bound a few steps from {@code start}, wrapping as the counter would: the loops that run. */
    private Integral nearby(Integral start, long step, boolean isLong, Scope scope) {
        long steps = random.nextInt(MAX_TRIPS + 1);
        long offset = random.nextInt(3) - 1;
        return new Integral.Literal(Integral.narrowed(value(start, scope) + steps * step + offset, isLong), isLong);
    }

    private static long value(Integral e, Scope scope) {
        Map<String, Long> values = new LinkedHashMap<>();
        scope.locals.forEach((name, literal) -> values.put(name, literal.value()));
        return Integral.eval(e, values);
    }

    /**
     * How many times a loop from {@code start} while {@code counter op bound}, stepping by
     * {@code step}, runs, as Java runs it; {@link #MAX_TRIPS} + 1 for any more.
     */
    static int trips(long start, String op, long bound, long step, boolean isLong) {
        long counter = start;
        int trips = 0;
        while (Integral.holds(counter, op, bound) && trips <= MAX_TRIPS) {
            trips++;
            counter = Integral.narrowed(counter + step, isLong);
        }
        return trips;
    }
}
