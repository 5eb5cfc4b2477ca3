package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.Assign;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Break;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Compare;
import io.microautograd.fuzz.Program.Cond;
import io.microautograd.fuzz.Program.Continue;
import io.microautograd.fuzz.Program.Counter;
import io.microautograd.fuzz.Program.Declare;
import io.microautograd.fuzz.Program.DeclareArray;
import io.microautograd.fuzz.Program.Element;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.For;
import io.microautograd.fuzz.Program.ForEach;
import io.microautograd.fuzz.Program.If;
import io.microautograd.fuzz.Program.Index;
import io.microautograd.fuzz.Program.Inferred;
import io.microautograd.fuzz.Program.IntLiteral;
import io.microautograd.fuzz.Program.IntegerValue;
import io.microautograd.fuzz.Program.Invoke;
import io.microautograd.fuzz.Program.Length;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Negate;
import io.microautograd.fuzz.Program.Remainder;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Store;
import io.microautograd.fuzz.Program.Throw;
import io.microautograd.fuzz.Program.Var;
import io.microautograd.fuzz.Program.While;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the programs of mode {@code everyday}, Java as people write it: double parameters and
 * maybe a {@code double[]}; locals declared with their type or with {@code var} (loop variables
 * too); switch statements, classic (falling through, with breaks) and with arrows, and switch
 * expressions (with arrows or classic, yielding), on loop counters, their remainders and doubles
 * cut to ints, in loops and around them ({@link SwitchGenerator}); guards that throw on some of
 * the points ({@code if (x > 1.4) throw new IllegalArgumentException("x must be at most 1.4, got "
 * + x);}); Math calls spelled with their class, with StrictMath, in full or through static imports
 * ({@link CallSpellings}); {@code fma}, {@code toRadians}, {@code toDegrees}, {@code copySign},
 * {@code scalb} and {@code round}; and calls of overloaded helpers, sometimes named like a Math
 * function ({@link HelperFamilies}).
 *
 * <p>Values stay finite as in the arrays mode: expressions come from {@link ProgramGenerator},
 * loops run at most {@value #MAX_TRIPS} times, and what a loop updates it updates by a
 * contraction. A guard compares a variable with a threshold between 1.3 and 1.9 (or -1.9 and
 * -1.3), so that a parameter drawn from [-2, 2] passes it at most points and fails it at some.
 */
final class EverydayProgramGenerator {

    private static final String[] ARRAY_NAMES = {"a", "xs", "speeds", "heights"};
    private static final String[] EXCEPTIONS = {"IllegalArgumentException", "IllegalStateException",
        "ArithmeticException"};
    static final int MAX_TRIPS = 5;
    private static final int MAX_LOOP_DEPTH = 2;
    private static final int MAX_NESTING = 3;

    private final Random random;
    private final ProgramGenerator expressions;
    private final HelperFamilies families;
    private final SwitchGenerator switches;
    /** The spellings of the program being written, which its expressions' Math calls go through. */
    private CallSpellings spellings;
    /** The helpers of the program being written. */
    private List<Method> helpers;
    private int names;

    EverydayProgramGenerator(long seed) {
        this.random = new Random(seed);
        this.expressions = new ProgramGenerator(random, call -> spellings.spell(call));
        this.families = new HelperFamilies(random, expressions);
        this.switches = new SwitchGenerator(random, this);
    }

    /** A random method called {@code name}, with the helpers and static imports it needs. */
    Method method(String name) {
        names = 0;
        List<String> parameters = new ArrayList<>(expressions.distinctNames(ProgramGenerator.parameterNames(),
                1 + random.nextInt(3)));
        EverydayScope scope = new EverydayScope();
        scope.readable.addAll(parameters);
        scope.assignable.addAll(parameters);
        int length = 2 + random.nextInt(3);
        List<String> arrays = random.nextInt(3) == 0 ? List.of() : List.of(ARRAY_NAMES[random.nextInt(ARRAY_NAMES.length)]);
        for (String array : arrays) {
            parameters.add(random.nextInt(parameters.size() + 1), array);
            scope.arrays.put(array, length);
        }
        String family = families.name(name);
        spellings = new CallSpellings(random, HelperFamilies.isMathName(family) ? family : null);
        helpers = family == null ? List.of() : families.members(family, length, !arrays.isEmpty());
        List<Stmt> body = new ArrayList<>();
        if (block(body, scope, 2 + random.nextInt(4))) {
            body.add(new Return(random.nextInt(6) == 0 ? switches.value(scope) : result(scope)));
        }
        return new Method(name, List.copyOf(parameters), arrays, length, List.copyOf(body), helpers, List.of(),
                List.of(), spellings.imports());
    }

    /** An expression over the scope plus a call of each helper, where the scope can call it. */
    private Expr result(EverydayScope scope) {
        Expr result = expr(scope, 3);
        for (Method member : helpers) {
            Invoke call = families.call(helpers, member, scope.readable, scope.arrays);
            if (call != null) {
                result = new Binary("+", result, call);
            }
        }
        return result;
    }

    /**
     * Appends up to {@code length} statements; returns whether the block can complete normally
     * (Java rejects statements after one that cannot, so generation stops there).
     */
    boolean block(List<Stmt> out, EverydayScope scope, int length) {
        for (int i = 0; i < length; i++) {
            boolean deep = scope.nesting >= MAX_NESTING;
            int kind = random.nextInt(deep ? 7 : 11);
            if (kind < 3 || kind < 5 && scope.assignable.isEmpty()) {
                declare(out, scope);
            } else if (kind < 5) {
                String target = scope.assignable.get(random.nextInt(scope.assignable.size()));
                out.add(!deep && random.nextInt(6) == 0 ? new Assign(target, "", switches.value(scope))
                        : update(target, scope));
            } else if (kind == 5 && random.nextBoolean()) {
                out.add(guard(scope));
            } else if (kind == 6 && !scope.arrays.isEmpty()) {
                out.add(store(scope));
            } else if (kind < 8) {
                if (!branch(out, scope)) {
                    return false;
                }
            } else if (kind == 8) {
                SwitchGenerator.Written written = switches.statement(scope);
                out.add(written.statement());
                if (!written.completesNormally()) {
                    return false;
                }
            } else if (kind == 9 && scope.loopDepth < MAX_LOOP_DEPTH) {
                out.add(loop(scope));
            } else if (scope.loopDepth == 0) {
                String array = "b" + names++;
                int size = 2 + random.nextInt(3);
                out.add(maybeInferred(new DeclareArray(array, new IntLiteral(size))));
                scope.arrays.put(array, size);
            } else {
                declare(out, scope);
            }
        }
        return true;
    }

    /** A new local, with its type or with var, from an expression or (now and then) a switch expression. */
    private void declare(List<Stmt> out, EverydayScope scope) {
        String local = "v" + names++;
        if (scope.nesting < MAX_NESTING && random.nextInt(6) == 0) {
            out.add(new Declare(local, switches.value(scope)));
        } else {
            out.add(maybeInferred(new Declare(local, expr(scope, 3))));
        }
        scope.readable.add(local);
        scope.assignable.add(local);
    }

    /** {@code declaration}, half the time with var in place of its type. */
    private Stmt maybeInferred(Stmt declaration) {
        return random.nextBoolean() ? new Inferred(declaration) : declaration;
    }

    private Assign update(String target, EverydayScope scope) {
        ProgramGenerator.Update update = expressions.update(new Var(target), scope.readable, () -> leaves(scope),
                scope.loopDepth > 0);
        return new Assign(target, update.op(), update.value());
    }

    private Store store(EverydayScope scope) {
        List<String> arrays = new ArrayList<>(scope.arrays.keySet());
        String array = arrays.get(random.nextInt(arrays.size()));
        Index index = index(scope, array);
        ProgramGenerator.Update update = expressions.update(new Element(array, index), scope.readable,
                () -> leaves(scope), scope.loopDepth > 0);
        return new Store(array, index, update.op(), update.value());
    }

    /**
     * Appends an if, maybe with an else, whose then branch may end with a return, break or
     * continue where one is allowed; returns whether it can complete normally.
     */
    private boolean branch(List<Stmt> out, EverydayScope scope) {
        List<Stmt> then = new ArrayList<>();
        boolean thenCompletes = block(then, scope.child(), 1 + random.nextInt(2));
        if (thenCompletes && random.nextInt(3) == 0) {
            List<Stmt> jumps = new ArrayList<>();
            if (scope.returns) {
                jumps.add(new Return(expr(scope, 2)));
            }
            if (scope.exit != null) {
                jumps.add(new Break());
            }
            if (scope.continues) {
                jumps.add(new Continue());
            }
            if (!jumps.isEmpty()) {
                Stmt jump = jumps.get(random.nextInt(jumps.size()));
                then.add(jump);
                thenCompletes = false;
                if (jump instanceof Break) {
                    scope.exit.taken = true;
                }
            }
        }
        List<Stmt> otherwise = new ArrayList<>();
        boolean otherwiseCompletes = !random.nextBoolean() || block(otherwise, scope.child(), 1 + random.nextInt(2));
        out.add(new If(expressions.cond(scope.readable, leaves(scope), 2), List.copyOf(then), List.copyOf(otherwise)));
        return thenCompletes || otherwiseCompletes;
    }

    /**
     * {@code if (v > 1.4) throw new E("v must be at most 1.4, got " + v);} for a variable in
     * scope (or below a negative threshold); now and then on a random condition, or with a
     * message without a value.
     */
    If guard(EverydayScope scope) {
        return new If(guardCondition(scope), List.of(throwing(scope)), List.of());
    }

    /** A guard's condition: a variable against a threshold mostly, a random comparison now and then. */
    private Cond guardCondition(EverydayScope scope) {
        if (scope.readable.isEmpty() || random.nextInt(10) == 0) {
            return expressions.cond(scope.readable, leaves(scope), 1);
        }
        String variable = scope.readable.get(random.nextInt(scope.readable.size()));
        Literal threshold = new Literal(Math.round((1.3 + random.nextDouble() * 0.6) * 100) / 100.0);
        return random.nextBoolean() ? new Compare(">", new Var(variable), threshold)
                : new Compare("<", new Var(variable), new Negate(threshold));
    }

    /** {@code throw new E("..." + value);} for a value of the scope, or with the text alone. */
    Throw throwing(EverydayScope scope) {
        String exception = EXCEPTIONS[random.nextInt(EXCEPTIONS.length)];
        if (scope.readable.isEmpty() || random.nextInt(5) == 0) {
            return new Throw(exception, "out of range", null);
        }
        String variable = scope.readable.get(random.nextInt(scope.readable.size()));
        return random.nextBoolean() ? new Throw(exception, variable + " is out of range: ", new Var(variable))
                : new Throw(exception, "the value is ", expr(scope, 1));
    }

    /**
     * A loop of at most {@value #MAX_TRIPS} trips, its variable declared with its type or var: a
     * counted for, a for over an array, a while whose counter steps first, or an enhanced for;
     * its body opens half the time with a switch on its counter.
     */
    private Stmt loop(EverydayScope scope) {
        EverydayScope inner = scope.loopBody();
        List<String> arrays = new ArrayList<>(scope.arrays.keySet());
        String array = arrays.isEmpty() ? null : arrays.get(random.nextInt(arrays.size()));
        List<Stmt> body = new ArrayList<>();
        int kind = random.nextInt(array == null ? 2 : 4);
        String counter = (kind == 1 ? "k" : "i") + names++;
        if (kind == 3) {
            String element = "e" + names++;
            inner.readable.add(element);
            block(body, inner, 1 + random.nextInt(3));
            return maybeInferred(new ForEach(element, array, List.copyOf(body)));
        }
        int trips = kind == 2 ? scope.arrays.get(array) : 1 + random.nextInt(MAX_TRIPS);
        inner.counters.put(counter, kind == 1 ? new int[] {1, trips} : new int[] {0, trips - 1});
        if (random.nextBoolean()) {
            SwitchGenerator.Written opening = switches.statement(inner);
            body.add(opening.statement());
            if (opening.completesNormally()) {
                block(body, inner, random.nextInt(3));
            }
        } else {
            block(body, inner, 1 + random.nextInt(3));
        }
        Stmt loop = kind == 1 ? new While(counter, new IntLiteral(trips), List.copyOf(body))
                : new For(counter, kind == 2 ? new Length(array) : new IntLiteral(trips), List.copyOf(body));
        return maybeInferred(loop);
    }

    /** An index in bounds for {@code array}: a literal, or a counter (modulo the length when its range does not fit). */
    private Index index(EverydayScope scope, String array) {
        int length = scope.arrays.get(array);
        List<String> counters = new ArrayList<>(scope.counters.keySet());
        if (counters.isEmpty() || random.nextInt(4) == 0) {
            return new IntLiteral(random.nextInt(length));
        }
        String counter = counters.get(random.nextInt(counters.size()));
        return scope.counters.get(counter)[1] < length ? new Counter(counter)
                : new Remainder(new Counter(counter), new Length(array));
    }

    /** An expression of at most {@code depth} levels over the scope. */
    Expr expr(EverydayScope scope, int depth) {
        return expressions.expr(scope.readable, leaves(scope), depth);
    }

    /**
     * Leaves beyond variables: an element of each array, and now and then a helper call and a
     * call of one of the functions the older modes lack.
     */
    private List<Expr> leaves(EverydayScope scope) {
        List<Expr> out = new ArrayList<>();
        scope.arrays.keySet().forEach(array -> out.add(new Element(array, index(scope, array))));
        if (!helpers.isEmpty() && random.nextInt(3) == 0) {
            Invoke call = families.call(helpers, helpers.get(random.nextInt(helpers.size())), scope.readable,
                    scope.arrays);
            if (call != null) {
                out.add(call);
            }
        }
        if (!scope.readable.isEmpty() && random.nextInt(3) == 0) {
            out.add(newFunction(scope));
        }
        return out;
    }

    /** fma, toRadians (of degrees), toDegrees, copySign, scalb or round, of variables in scope. */
    private Expr newFunction(EverydayScope scope) {
        Expr x = variable(scope);
        switch (random.nextInt(6)) {
            case 0:
                return spelled("fma", x, variable(scope), variable(scope));
            case 1:
                return spelled("toRadians", new Binary("*", new Literal(45.0), x));
            case 2:
                return spelled("toDegrees", x);
            case 3:
                return spelled("copySign", x, variable(scope));
            case 4:
                return spelled("scalb", x, new IntegerValue(new Integral.Literal(random.nextInt(7) - 3, false)));
            default:
                return spelled("round", new Binary("*", new Literal(2.5), x));
        }
    }

    private Var variable(EverydayScope scope) {
        return new Var(scope.readable.get(random.nextInt(scope.readable.size())));
    }

    private Call spelled(String function, Expr... arguments) {
        return spellings.spell(new Call(function, List.of(arguments)));
    }
}
