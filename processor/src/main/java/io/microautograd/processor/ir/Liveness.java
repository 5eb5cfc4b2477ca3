package io.microautograd.processor.ir;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which variables are live where: read later, on some path, before they are assigned again. A
 * backward data-flow analysis over structured code, loops to a fixed point, {@code break},
 * {@code continue} and the jump out of a forward sweep to where they go. Array variables are
 * live where their reference is read, element reads and stores alike: the analysis says when a
 * variable's value is needed, not when an array's elements are.
 */
public final class Liveness {

    private final Map<Stmt, Set<Variable>> before = new HashMap<>();
    private final Map<Stmt, Set<Variable>> after = new HashMap<>();
    private final Set<Variable> readAtReturn;
    private final boolean contents;
    private final Deque<Set<Variable>> breakTargets = new ArrayDeque<>();
    private final Deque<Set<Variable>> continueTargets = new ArrayDeque<>();
    private Set<Variable> afterForwardSweep = Set.of();

    private Liveness(Set<Variable> readAtReturn, boolean contents) {
        this.readAtReturn = readAtReturn;
        this.contents = contents;
    }

    /**
     * The liveness of every statement of a method body.
     *
     * @param readAtReturn variables the method reads at its return beyond the returned value
     */
    public static Liveness of(Stmt.Block body, Set<Variable> readAtReturn) {
        Liveness liveness = new Liveness(readAtReturn, false);
        liveness.statement(body, new HashSet<>());
        return liveness;
    }

    /**
     * Where the elements of arrays are live: as {@link #of}, except that a store does not read the
     * array it stores into, only its indices and value, so an array is live where an element
     * may be read later through its variable (for arrays sharing storage, through any of theirs),
     * and the method's return reads none.
     */
    public static Liveness ofContents(Stmt.Block body) {
        Liveness liveness = new Liveness(Set.of(), true);
        liveness.statement(body, new HashSet<>());
        return liveness;
    }

    /** The variables live just before {@code s} runs. */
    public Set<Variable> before(Stmt s) {
        return before.getOrDefault(s, Set.of());
    }

    /** The variables live just after {@code s} completes normally. */
    public Set<Variable> after(Stmt s) {
        return after.getOrDefault(s, Set.of());
    }

    /** The variables an expression reads. */
    public static Set<Variable> reads(Expr e) {
        Set<Variable> read = new HashSet<>();
        if (e != null) {
            IrWalk.expressions(e, x -> {
                if (x instanceof Expr.Read r) {
                    read.add(r.variable());
                }
            });
        }
        return read;
    }

    private Set<Variable> statement(Stmt s, Set<Variable> out) {
        Set<Variable> in = s.accept(new Transfer(out));
        after.put(s, Set.copyOf(out));
        before.put(s, Set.copyOf(in));
        return in;
    }

    private Set<Variable> sequence(List<Stmt> statements, Set<Variable> out) {
        Set<Variable> live = out;
        for (int i = statements.size() - 1; i >= 0; i--) {
            live = statement(statements.get(i), live);
        }
        return new HashSet<>(live);
    }

    /** What is live before a statement, given what is live after it. */
    private final class Transfer implements Stmt.Visitor<Set<Variable>> {

        private final Set<Variable> out;

        Transfer(Set<Variable> out) {
            this.out = out;
        }

        @Override
        public Set<Variable> assign(Stmt.Assign s) {
            Set<Variable> in = new HashSet<>(out);
            if (!contents || !s.target().type().isArray()) {
                in.remove(s.target()); // a row variable given another row may be given this one back later
            }
            in.addAll(reads(s.value()));
            return in;
        }

        @Override
        public Set<Variable> store(Stmt.Store s) {
            if (!contents) {
                return evaluating(s);
            }
            Set<Variable> in = new HashSet<>(out);
            for (Expr array = s.array(); array instanceof Expr.Element row; array = row.array()) {
                in.addAll(reads(row.index()));
            }
            in.addAll(reads(s.index()));
            in.addAll(reads(s.value()));
            return in;
        }

        @Override
        public Set<Variable> block(Stmt.Block s) {
            return sequence(s.statements(), out);
        }

        @Override
        public Set<Variable> ifStatement(Stmt.If s) {
            Set<Variable> in = reads(s.condition());
            in.addAll(statement(s.thenBlock(), out));
            in.addAll(statement(s.elseBlock(), out));
            return in;
        }

        @Override
        public Set<Variable> loop(Stmt.Loop s) {
            return s.kind() == Stmt.LoopKind.DO_WHILE ? doWhile(s, out) : testedFirst(s, out);
        }

        @Override
        public Set<Variable> breakStatement(Stmt.Break s) {
            return new HashSet<>(breakTargets.element());
        }

        @Override
        public Set<Variable> continueStatement(Stmt.Continue s) {
            return new HashSet<>(continueTargets.element());
        }

        @Override
        public Set<Variable> returnStatement(Stmt.Return s) {
            Set<Variable> in = reads(s.value());
            in.addAll(readAtReturn);
            return in;
        }

        @Override
        public Set<Variable> throwStatement(Stmt.Throw s) {
            return reads(s.message());
        }

        @Override
        public Set<Variable> evaluate(Stmt.Evaluate s) {
            return evaluating(s);
        }

        @Override
        public Set<Variable> push(Stmt.Push s) {
            return evaluating(s);
        }

        @Override
        public Set<Variable> forwardSweep(Stmt.ForwardSweep s) {
            Set<Variable> outer = afterForwardSweep;
            afterForwardSweep = out;
            Set<Variable> in = statement(s.body(), out);
            afterForwardSweep = outer;
            return in;
        }

        @Override
        public Set<Variable> leaveForward(Stmt.LeaveForward s) {
            return new HashSet<>(afterForwardSweep);
        }

        @Override
        public Set<Variable> comment(Stmt.Comment s) {
            return new HashSet<>(out);
        }

        /**
         * A checkpointed loop's forward sweep: its loop, whose every iteration may first read the
         * state it keeps in a snapshot, so that state is live throughout the loop.
         */
        @Override
        public Set<Variable> keepSnapshots(Stmt.KeepSnapshots s) {
            Set<Variable> state = new HashSet<>(out);
            IrWalk.expressionsOf(s).forEach(e -> state.addAll(reads(e)));
            Set<Variable> in = statement(s.loop(), state);
            IrWalk.expressionsOf(s).forEach(e -> in.addAll(reads(e)));
            return in;
        }

        /**
         * A checkpointed loop's reverse sweep, rounds to a fixed point: each round may read the
         * state it keeps, runs {@code advance} and then may run {@code segment}; the iterations a
         * round goes from and to are set by the round, so are not live before it.
         */
        @Override
        public Set<Variable> reverseSegments(Stmt.ReverseSegments s) {
            Set<Variable> head = evaluating(s);
            while (true) {
                Set<Variable> afterAdvance = new HashSet<>(head);
                afterAdvance.addAll(statement(s.segment(), head));
                Set<Variable> next = new HashSet<>(head);
                next.addAll(statement(s.advance(), afterAdvance));
                next.removeAll(List.of(s.from(), s.target(), s.segmentEnd()));
                if (next.equals(head)) {
                    return head;
                }
                head = next;
            }
        }

        /** A statement that assigns no variable and reads those of its expressions. */
        private Set<Variable> evaluating(Stmt s) {
            Set<Variable> in = new HashSet<>(out);
            IrWalk.expressionsOf(s).forEach(e -> in.addAll(reads(e)));
            return in;
        }
    }

    /**
     * A for or while loop: at its head, what its test reads, what is live after it when the test
     * can fail, and what its body needs, whose end and continues go through the update to the head.
     */
    private Set<Variable> testedFirst(Stmt.Loop loop, Set<Variable> out) {
        Set<Variable> head = new HashSet<>(reads(loop.condition()));
        if (loop.condition() != null) {
            head.addAll(out);
        }
        while (true) {
            Set<Variable> update = sequence(loop.update(), head);
            Set<Variable> body = inLoop(loop.body(), update, update, out);
            Set<Variable> next = new HashSet<>(head);
            next.addAll(body);
            if (next.equals(head)) {
                break;
            }
            head = next;
        }
        return sequence(loop.init(), head);
    }

    /** A do-while loop: the body first, its end and continues going to the test. */
    private Set<Variable> doWhile(Stmt.Loop loop, Set<Variable> out) {
        Set<Variable> test = new HashSet<>(reads(loop.condition()));
        test.addAll(out);
        while (true) {
            Set<Variable> body = inLoop(loop.body(), test, test, out);
            Set<Variable> next = new HashSet<>(test);
            next.addAll(body);
            if (next.equals(test)) {
                return body;
            }
            test = next;
        }
    }

    private Set<Variable> inLoop(Stmt.Block body, Set<Variable> end, Set<Variable> continued, Set<Variable> broken) {
        breakTargets.push(broken);
        continueTargets.push(continued);
        Set<Variable> in = statement(body, end);
        continueTargets.pop();
        breakTargets.pop();
        return in;
    }
}
