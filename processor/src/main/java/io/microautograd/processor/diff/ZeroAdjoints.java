package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which scalar adjoints hold zero where: a forward data-flow analysis over a pullback's body.
 * Every adjoint is zero when the method starts, becomes zero where it is reset ({@code dX = 0.0})
 * and may be anything after any other assignment; where paths meet, an adjoint is zero when it is
 * zero on each. An adjoint known to be zero before a statement can as well be declared afresh
 * there, which is how {@link PullbackCleanup} gives each the smallest scope it can have.
 */
final class ZeroAdjoints {

    private final Set<Variable> adjoints;
    private final Map<Stmt, Set<Variable>> before = new HashMap<>();
    private final Deque<Set<Variable>[]> loops = new ArrayDeque<>();
    private Set<Variable> leavingForward;

    private ZeroAdjoints(Set<Variable> adjoints) {
        this.adjoints = adjoints;
    }

    /** The analysis of {@code body} for the scalar adjoints {@code adjoints}, all zero at its start. */
    static ZeroAdjoints of(Stmt.Block body, Set<Variable> adjoints) {
        ZeroAdjoints analysis = new ZeroAdjoints(adjoints);
        analysis.statement(body, new HashSet<>(adjoints));
        return analysis;
    }

    /** The adjoints known to be zero just before {@code s} runs (all of them where it cannot run). */
    Set<Variable> zeroBefore(Stmt s) {
        return before.getOrDefault(s, adjoints);
    }

    /**
     * What is zero after {@code s}, given what is zero before it; null where the statement does not
     * complete normally, which a join ignores.
     */
    private Set<Variable> statement(Stmt s, Set<Variable> in) {
        if (in == null) {
            return null;
        }
        Set<Variable> known = before.get(s);
        before.put(s, known == null ? Set.copyOf(in) : intersection(known, in));
        return s.accept(new Transfer(in));
    }

    private Set<Variable> sequence(List<Stmt> statements, Set<Variable> in) {
        Set<Variable> state = in;
        for (Stmt s : statements) {
            state = statement(s, state);
        }
        return state;
    }

    /** The effect of each kind of statement. */
    private final class Transfer implements Stmt.Visitor<Set<Variable>> {

        private final Set<Variable> in;

        Transfer(Set<Variable> in) {
            this.in = in;
        }

        @Override
        public Set<Variable> assign(Stmt.Assign s) {
            Set<Variable> out = new HashSet<>(in);
            if (s.value() instanceof Expr.Literal l && l.text().equals("0.0") && adjoints.contains(s.target())) {
                out.add(s.target());
            } else {
                out.remove(s.target());
            }
            return out;
        }

        @Override
        public Set<Variable> store(Stmt.Store s) {
            return in;
        }

        @Override
        public Set<Variable> block(Stmt.Block s) {
            return sequence(s.statements(), in);
        }

        @Override
        public Set<Variable> ifStatement(Stmt.If s) {
            return join(statement(s.thenBlock(), in), statement(s.elseBlock(), in));
        }

        @Override
        public Set<Variable> loop(Stmt.Loop s) {
            return ZeroAdjoints.this.loop(s, in);
        }

        @Override
        public Set<Variable> breakStatement(Stmt.Break s) {
            loops.element()[0] = join(loops.element()[0], in);
            return null;
        }

        @Override
        public Set<Variable> continueStatement(Stmt.Continue s) {
            loops.element()[1] = join(loops.element()[1], in);
            return null;
        }

        @Override
        public Set<Variable> returnStatement(Stmt.Return s) {
            return null;
        }

        @Override
        public Set<Variable> throwStatement(Stmt.Throw s) {
            return null;
        }

        @Override
        public Set<Variable> evaluate(Stmt.Evaluate s) {
            return in;
        }

        @Override
        public Set<Variable> push(Stmt.Push s) {
            return in;
        }

        @Override
        public Set<Variable> forwardSweep(Stmt.ForwardSweep s) {
            Set<Variable> outer = leavingForward;
            leavingForward = null;
            Set<Variable> out = join(statement(s.body(), in), leavingForward);
            leavingForward = outer;
            return out;
        }

        @Override
        public Set<Variable> leaveForward(Stmt.LeaveForward s) {
            leavingForward = join(leavingForward, in);
            return null;
        }

        @Override
        public Set<Variable> comment(Stmt.Comment s) {
            return in;
        }

        @Override
        public Set<Variable> keepSnapshots(Stmt.KeepSnapshots s) {
            return statement(s.loop(), in);
        }

        /** Rounds to a fixed point: each runs {@code advance} and then may run {@code segment}. */
        @Override
        public Set<Variable> reverseSegments(Stmt.ReverseSegments s) {
            Set<Variable> head = in;
            while (true) {
                Set<Variable> advanced = statement(s.advance(), head);
                Set<Variable> next = join(head, join(advanced, statement(s.segment(), advanced)));
                if (next == null || next.equals(head)) {
                    return head;
                }
                head = next;
            }
        }
    }

    /**
     * A loop: what is zero at its head is what is zero on entry and after every iteration, found
     * by narrowing from the entry; it leaves by its test (unless it has none) and by its breaks.
     */
    @SuppressWarnings("unchecked")
    private Set<Variable> loop(Stmt.Loop loop, Set<Variable> in) {
        Set<Variable> entry = sequence(loop.init(), in);
        Set<Variable> head = entry;
        while (true) {
            Set<Variable>[] exits = new Set[2];
            loops.push(exits);
            Set<Variable> test = loop.kind() == Stmt.LoopKind.DO_WHILE ? null : head;
            Set<Variable> end = statement(loop.body(), loop.kind() == Stmt.LoopKind.DO_WHILE ? head : test);
            loops.pop();
            Set<Variable> next = join(entry, sequence(loop.update(), join(end, exits[1])));
            if (next == null || next.equals(head)) {
                Set<Variable> out = loop.condition() == null ? null
                        : loop.kind() == Stmt.LoopKind.DO_WHILE ? join(end, exits[1]) : head;
                return join(out, exits[0]);
            }
            head = next;
        }
    }

    /** Where two paths meet: zero when zero on each; a path that cannot get there (null) counts for nothing. */
    private static Set<Variable> join(Set<Variable> a, Set<Variable> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return intersection(a, b);
    }

    private static Set<Variable> intersection(Set<Variable> a, Set<Variable> b) {
        Set<Variable> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }
}
