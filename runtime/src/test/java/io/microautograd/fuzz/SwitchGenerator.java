package io.microautograd.fuzz;

import io.microautograd.fuzz.EverydayScope.Exit;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Break;
import io.microautograd.fuzz.Program.Case;
import io.microautograd.fuzz.Program.Counter;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.FloorMod;
import io.microautograd.fuzz.Program.Index;
import io.microautograd.fuzz.Program.IntLiteral;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Remainder;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Switch;
import io.microautograd.fuzz.Program.SwitchValue;
import io.microautograd.fuzz.Program.Truncate;
import io.microautograd.fuzz.Program.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes the switches of everyday programs ({@link EverydayProgramGenerator}). A selector is a
 * loop counter or its remainder, or a double cut to an int ({@code (int) (1.5 * x)}, maybe
 * through {@code Math.floorMod}); labels are drawn from the values it takes, one or two to a case,
 * with a default at any place (always, in a switch expression). A classic switch statement's case
 * ends with a break half the time and otherwise runs on into the next, and one without statements
 * stacks its labels on the next (or, last, enters nothing); a case with labels may be a throw, so
 * that a switch throws at some of the points and not at most. Breaks in a case's ifs leave the
 * switch, continues go on to the loop around it. A switch expression's case yields a value after
 * its statements, or throws, or (classic, not last) runs on into the next; one of its cases, drawn
 * beforehand, yields, as Java wants a switch expression to have a value.
 */
final class SwitchGenerator {

    /** A switch statement and whether it can complete normally (JLS 14.22). */
    record Written(Switch statement, boolean completesNormally) {
    }

    /** A selector and the values it takes, to draw labels from. */
    private record Selector(Index index, List<Integer> values) {
    }

    private final Random random;
    private final EverydayProgramGenerator program;

    SwitchGenerator(Random random, EverydayProgramGenerator program) {
        this.random = random;
        this.program = program;
    }

    /** A switch statement, classic or with arrows. */
    Written statement(EverydayScope scope) {
        Selector selector = selector(scope);
        boolean arrows = random.nextBoolean();
        Exit exit = new Exit();
        List<List<Integer>> labels = labels(selector, random.nextBoolean());
        List<Case> cases = new ArrayList<>();
        boolean completes = !labels.contains(List.of());
        for (int i = 0; i < labels.size(); i++) {
            List<Stmt> body = new ArrayList<>();
            boolean open;
            if (throwsHere(labels.get(i))) {
                body.add(program.throwing(scope));
                open = false;
            } else if (!arrows && random.nextInt(5) == 0) {
                open = true;
            } else {
                open = program.block(body, scope.switchCase(exit), 1 + random.nextInt(2));
                if (open && !arrows && random.nextBoolean()) {
                    body.add(new Break());
                    exit.taken = true;
                    open = false;
                }
            }
            completes |= arrows ? open : i == labels.size() - 1 && open;
            cases.add(new Case(labels.get(i), List.copyOf(body), null));
        }
        return new Written(new Switch(selector.index(), arrows, List.copyOf(cases)), completes || exit.taken);
    }

    /** A switch expression, classic or with arrows, with a default case. */
    SwitchValue value(EverydayScope scope) {
        Selector selector = selector(scope);
        boolean arrows = random.nextBoolean();
        List<List<Integer>> labels = labels(selector, true);
        int yielding = random.nextInt(labels.size());
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            EverydayScope inner = scope.switchValueCase();
            List<Stmt> body = new ArrayList<>();
            if (i != yielding && throwsHere(labels.get(i))) {
                body.add(program.throwing(inner));
                cases.add(new Case(labels.get(i), List.copyOf(body), null));
                continue;
            }
            boolean open = random.nextInt(3) == 0 || program.block(body, inner, 1 + random.nextInt(2));
            if (!open && i == yielding) {
                body.clear();
                open = true;
            }
            boolean runsOn = !arrows && open && i < labels.size() - 1 && i != yielding && random.nextInt(4) == 0;
            Expr yielded = open && !runsOn ? program.expr(inner, 2) : null;
            cases.add(new Case(labels.get(i), List.copyOf(body), yielded));
        }
        return new SwitchValue(selector.index(), arrows, List.copyOf(cases));
    }

    /** Whether a case with {@code labels} is a throw: one with labels in eight, never the default. */
    private boolean throwsHere(List<Integer> labels) {
        return !labels.isEmpty() && random.nextInt(8) == 0;
    }

    /**
     * A counter in scope (two times in three when there is one), as it is or its remainder; or a
     * variable scaled and cut to an int, as it is or through floorMod.
     */
    private Selector selector(EverydayScope scope) {
        List<String> counters = new ArrayList<>(scope.counters.keySet());
        if (!counters.isEmpty() && random.nextInt(3) > 0) {
            String counter = counters.get(random.nextInt(counters.size()));
            int[] range = scope.counters.get(counter);
            if (random.nextBoolean()) {
                return new Selector(new Counter(counter), values(range[0], range[1]));
            }
            int divisor = 2 + random.nextInt(2);
            return new Selector(new Remainder(new Counter(counter), new IntLiteral(divisor)), values(0, divisor - 1));
        }
        Expr scaled = scope.readable.isEmpty() ? new Literal(1.5)
                : new Binary("*", new Literal(1.0 + random.nextInt(3) * 0.5),
                        new Var(scope.readable.get(random.nextInt(scope.readable.size()))));
        if (random.nextBoolean()) {
            return new Selector(new Truncate(scaled), values(-3, 3));
        }
        int divisor = 2 + random.nextInt(3);
        return new Selector(new FloorMod(new Truncate(scaled), divisor), values(0, divisor - 1));
    }

    private static List<Integer> values(int from, int to) {
        List<Integer> values = new ArrayList<>();
        for (int v = from; v <= to; v++) {
            values.add(v);
        }
        return values;
    }

    /**
     * The labels of one to three cases, each one or two of the selector's values, with a default
     * (an empty list) at a random place when {@code withDefault}.
     */
    private List<List<Integer>> labels(Selector selector, boolean withDefault) {
        List<Integer> values = new ArrayList<>(selector.values());
        Collections.shuffle(values, random);
        List<List<Integer>> labels = new ArrayList<>();
        int cases = Math.min(values.size(), 1 + random.nextInt(3));
        for (int i = 0, next = 0; i < cases && next < values.size(); i++) {
            int take = Math.min(values.size() - next, 1 + (random.nextInt(3) == 0 ? 1 : 0));
            labels.add(List.copyOf(values.subList(next, next + take)));
            next += take;
        }
        if (withDefault) {
            labels.add(random.nextInt(labels.size() + 1), List.of());
        }
        return labels;
    }
}
