package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import io.microautograd.processor.ir.VariableBits;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which scalar adjoints hold zero where: a forward data-flow analysis over a pullback's body.
 * Every adjoint is zero when the method starts, becomes zero where it is reset ({@code dX = 0.0})
 * and may be anything after any other assignment; where paths meet, an adjoint is zero when it is
 * zero on each. An adjoint known to be zero before a statement can as well be declared afresh
 * there, which is how {@link PullbackCleanup} gives each the smallest scope it can have. The sets
 * are bits over the variables' numbers ({@link VariableBits}), never changed once made.
 */
final class ZeroAdjoints {

    private final Set<Variable> adjoints;
    private final VariableBits numbering = new VariableBits();
    private final BitSet adjointBits;
    private final Map<Stmt, BitSet> before = new HashMap<>();
    private final Deque<BitSet[]> loops = new ArrayDeque<>();
    private BitSet leavingForward;

    private ZeroAdjoints(Set<Variable> adjoints) {
        this.adjoints = adjoints;
        this.adjointBits = numbering.bitsOf(adjoints);
    }

    /** The analysis of {@code body} for the scalar adjoints {@code adjoints}, all zero at its start. */
    static ZeroAdjoints of(Stmt.Block body, Set<Variable> adjoints) {
        ZeroAdjoints analysis = new ZeroAdjoints(adjoints);
        analysis.statement(body, analysis.adjointBits);
        return analysis;
    }

    /** The adjoints known to be zero just before {@code s} runs (all of them where it cannot run). */
    Set<Variable> zeroBefore(Stmt s) {
        BitSet zero = before.get(s);
        return zero == null ? adjoints : numbering.asSet(zero);
    }

    /**
     * What is zero after {@code s}, given what is zero before it; null where the statement does not
     * complete normally, which a join ignores.
     */
    private BitSet statement(Stmt s, BitSet in) {
        if (in == null) {
            return null;
        }
        BitSet known = before.get(s);
        before.put(s, known == null ? in : intersection(known, in));
        return s.accept(new Transfer(in));
    }

    private BitSet sequence(List<Stmt> statements, BitSet in) {
        BitSet state = in;
        for (Stmt s : statements) {
            state = statement(s, state);
        }
        return state;
    }

    /** The effect of each kind of statement. */
    private final class Transfer implements Stmt.Visitor<BitSet> {

        private final BitSet in;

        Transfer(BitSet in) {
            this.in = in;
        }

        @Override
        public BitSet assign(Stmt.Assign s) {
            BitSet out = (BitSet) in.clone();
            out.set(numbering.numberOf(s.target()), s.value() instanceof Expr.Literal l && l.text().equals("0.0")
                    && adjoints.contains(s.target()));
            return out;
        }

        @Override
        public BitSet store(Stmt.Store s) {
            return in;
        }

        @Override
        public BitSet block(Stmt.Block s) {
            return sequence(s.statements(), in);
        }

        @Override
        public BitSet ifStatement(Stmt.If s) {
            return join(statement(s.thenBlock(), in), statement(s.elseBlock(), in));
        }

        @Override
        public BitSet loop(Stmt.Loop s) {
            return ZeroAdjoints.this.loop(s, in);
        }

        @Override
        public BitSet breakStatement(Stmt.Break s) {
            loops.element()[0] = join(loops.element()[0], in);
            return null;
        }

        @Override
        public BitSet continueStatement(Stmt.Continue s) {
            loops.element()[1] = join(loops.element()[1], in);
            return null;
        }

        @Override
        public BitSet returnStatement(Stmt.Return s) {
            return null;
        }

        @Override
        public BitSet throwStatement(Stmt.Throw s) {
            return null;
        }

        @Override
        public BitSet evaluate(Stmt.Evaluate s) {
            return in;
        }

        @Override
        public BitSet push(Stmt.Push s) {
            return in;
        }

        @Override
        public BitSet forwardSweep(Stmt.ForwardSweep s) {
            BitSet outer = leavingForward;
            leavingForward = null;
            BitSet out = join(statement(s.body(), in), leavingForward);
            leavingForward = outer;
            return out;
        }

        @Override
        public BitSet leaveForward(Stmt.LeaveForward s) {
            leavingForward = join(leavingForward, in);
            return null;
        }

        @Override
        public BitSet comment(Stmt.Comment s) {
            return in;
        }

        @Override
        public BitSet keepSnapshots(Stmt.KeepSnapshots s) {
            return statement(s.loop(), in);
        }

        /** Rounds to a fixed point: each runs {@code advance} and then may run {@code segment}. */
        @Override
        public BitSet reverseSegments(Stmt.ReverseSegments s) {
            BitSet head = in;
            while (true) {
                BitSet advanced = statement(s.advance(), head);
                BitSet next = join(head, join(advanced, statement(s.segment(), advanced)));
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
    private BitSet loop(Stmt.Loop loop, BitSet in) {
        BitSet entry = sequence(loop.init(), in);
        BitSet head = entry;
        while (true) {
            BitSet[] exits = new BitSet[2];
            loops.push(exits);
            BitSet test = loop.kind() == Stmt.LoopKind.DO_WHILE ? null : head;
            BitSet end = statement(loop.body(), loop.kind() == Stmt.LoopKind.DO_WHILE ? head : test);
            loops.pop();
            BitSet next = join(entry, sequence(loop.update(), join(end, exits[1])));
            if (next == null || next.equals(head)) {
                BitSet out = loop.condition() == null ? null
                        : loop.kind() == Stmt.LoopKind.DO_WHILE ? join(end, exits[1]) : head;
                return join(out, exits[0]);
            }
            head = next;
        }
    }

    /** Where two paths meet: zero when zero on each; a path that cannot get there (null) counts for nothing. */
    private static BitSet join(BitSet a, BitSet b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return intersection(a, b);
    }

    private static BitSet intersection(BitSet a, BitSet b) {
        BitSet out = (BitSet) a.clone();
        out.and(b);
        return out;
    }
}
