package io.microautograd.processor.ir;

import java.util.ArrayDeque;
import java.util.BitSet;
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
 * variable's value is needed, not when an array's elements are. The sets are bits over the
 * variables' numbers ({@link VariableBits}).
 */
public final class Liveness {

    private final VariableBits numbering = new VariableBits();
    private final Map<Stmt, Set<Variable>> before = new HashMap<>();
    private final Map<Stmt, Set<Variable>> after = new HashMap<>();
    private final BitSet readAtReturn;
    private final boolean contents;
    private final Deque<BitSet> breakTargets = new ArrayDeque<>();
    private final Deque<BitSet> continueTargets = new ArrayDeque<>();
    private BitSet afterForwardSweep = new BitSet();

    private Liveness(Set<Variable> readAtReturn, boolean contents) {
        this.readAtReturn = numbering.bitsOf(readAtReturn);
        this.contents = contents;
    }

    /**
     * The liveness of every statement of a method body.
     *
     * @param readAtReturn variables the method reads at its return beyond the returned value
     */
    public static Liveness of(Stmt.Block body, Set<Variable> readAtReturn) {
        Liveness liveness = new Liveness(readAtReturn, false);
        liveness.statement(body, new BitSet());
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
        liveness.statement(body, new BitSet());
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
        readsInto(e, read);
        return read;
    }

    /** Adds the variables an expression reads to {@code read}; none for no expression. */
    public static void readsInto(Expr e, Set<Variable> read) {
        if (e != null) {
            IrWalk.expressions(e, x -> {
                if (x instanceof Expr.Read r) {
                    read.add(r.variable());
                }
            });
        }
    }

    private BitSet statement(Stmt s, BitSet out) {
        BitSet in = s.accept(new Transfer(out));
        after.put(s, numbering.asSet((BitSet) out.clone()));
        before.put(s, numbering.asSet((BitSet) in.clone()));
        return in;
    }

    private BitSet sequence(List<Stmt> statements, BitSet out) {
        BitSet live = out;
        for (int i = statements.size() - 1; i >= 0; i--) {
            live = statement(statements.get(i), live);
        }
        return (BitSet) live.clone();
    }

    /** Sets the bits of the variables {@code e} reads; none for no expression. */
    private void addReads(Expr e, BitSet live) {
        if (e != null) {
            IrWalk.expressions(e, x -> {
                if (x instanceof Expr.Read r) {
                    live.set(numbering.numberOf(r.variable()));
                }
            });
        }
    }

    private BitSet readsOf(Expr e) {
        BitSet read = new BitSet();
        addReads(e, read);
        return read;
    }

    /** What is live before a statement, given what is live after it. */
    private final class Transfer implements Stmt.Visitor<BitSet> {

        private final BitSet out;

        Transfer(BitSet out) {
            this.out = out;
        }

        @Override
        public BitSet assign(Stmt.Assign s) {
            BitSet in = (BitSet) out.clone();
            if (!contents || !s.target().type().isArray()) {
                // a row variable given another row may be given this one back later
                in.clear(numbering.numberOf(s.target()));
            }
            addReads(s.value(), in);
            return in;
        }

        @Override
        public BitSet store(Stmt.Store s) {
            if (!contents) {
                return evaluating(s);
            }
            BitSet in = (BitSet) out.clone();
            for (Expr array = s.array(); array instanceof Expr.Element row; array = row.array()) {
                addReads(row.index(), in);
            }
            addReads(s.index(), in);
            addReads(s.value(), in);
            return in;
        }

        @Override
        public BitSet block(Stmt.Block s) {
            return sequence(s.statements(), out);
        }

        @Override
        public BitSet ifStatement(Stmt.If s) {
            BitSet in = readsOf(s.condition());
            in.or(statement(s.thenBlock(), out));
            in.or(statement(s.elseBlock(), out));
            return in;
        }

        @Override
        public BitSet loop(Stmt.Loop s) {
            return s.kind() == Stmt.LoopKind.DO_WHILE ? doWhile(s, out) : testedFirst(s, out);
        }

        @Override
        public BitSet breakStatement(Stmt.Break s) {
            return (BitSet) breakTargets.element().clone();
        }

        @Override
        public BitSet continueStatement(Stmt.Continue s) {
            return (BitSet) continueTargets.element().clone();
        }

        @Override
        public BitSet returnStatement(Stmt.Return s) {
            BitSet in = readsOf(s.value());
            in.or(readAtReturn);
            return in;
        }

        @Override
        public BitSet throwStatement(Stmt.Throw s) {
            return readsOf(s.message());
        }

        @Override
        public BitSet evaluate(Stmt.Evaluate s) {
            return evaluating(s);
        }

        @Override
        public BitSet push(Stmt.Push s) {
            return evaluating(s);
        }

        @Override
        public BitSet forwardSweep(Stmt.ForwardSweep s) {
            BitSet outer = afterForwardSweep;
            afterForwardSweep = out;
            BitSet in = statement(s.body(), out);
            afterForwardSweep = outer;
            return in;
        }

        @Override
        public BitSet leaveForward(Stmt.LeaveForward s) {
            return (BitSet) afterForwardSweep.clone();
        }

        @Override
        public BitSet comment(Stmt.Comment s) {
            return (BitSet) out.clone();
        }

        /**
         * A checkpointed loop's forward sweep: its loop, whose every iteration may first read the
         * state it keeps in a snapshot, so that state is live throughout the loop.
         */
        @Override
        public BitSet keepSnapshots(Stmt.KeepSnapshots s) {
            BitSet state = (BitSet) out.clone();
            IrWalk.expressionsOf(s).forEach(e -> addReads(e, state));
            BitSet in = statement(s.loop(), state);
            IrWalk.expressionsOf(s).forEach(e -> addReads(e, in));
            return in;
        }

        /**
         * A checkpointed loop's reverse sweep, rounds to a fixed point: each round may read the
         * state it keeps, runs {@code advance} and then may run {@code segment}; the iterations a
         * round goes from and to are set by the round, so are not live before it.
         */
        @Override
        public BitSet reverseSegments(Stmt.ReverseSegments s) {
            BitSet head = evaluating(s);
            while (true) {
                BitSet afterAdvance = (BitSet) head.clone();
                afterAdvance.or(statement(s.segment(), head));
                BitSet next = (BitSet) head.clone();
                next.or(statement(s.advance(), afterAdvance));
                for (Variable set : List.of(s.from(), s.target(), s.segmentEnd())) {
                    next.clear(numbering.numberOf(set));
                }
                if (next.equals(head)) {
                    return head;
                }
                head = next;
            }
        }

        /** A statement that assigns no variable and reads those of its expressions. */
        private BitSet evaluating(Stmt s) {
            BitSet in = (BitSet) out.clone();
            IrWalk.expressionsOf(s).forEach(e -> addReads(e, in));
            return in;
        }
    }

    /**
     * A for or while loop: at its head, what its test reads, what is live after it when the test
     * can fail, and what its body needs, whose end and continues go through the update to the head.
     */
    private BitSet testedFirst(Stmt.Loop loop, BitSet out) {
        BitSet head = readsOf(loop.condition());
        if (loop.condition() != null) {
            head.or(out);
        }
        while (true) {
            BitSet update = sequence(loop.update(), head);
            BitSet body = inLoop(loop.body(), update, update, out);
            BitSet next = (BitSet) head.clone();
            next.or(body);
            if (next.equals(head)) {
                break;
            }
            head = next;
        }
        return sequence(loop.init(), head);
    }

    /** A do-while loop: the body first, its end and continues going to the test. */
    private BitSet doWhile(Stmt.Loop loop, BitSet out) {
        BitSet test = readsOf(loop.condition());
        test.or(out);
        while (true) {
            BitSet body = inLoop(loop.body(), test, test, out);
            BitSet next = (BitSet) test.clone();
            next.or(body);
            if (next.equals(test)) {
                return body;
            }
            test = next;
        }
    }

    private BitSet inLoop(Stmt.Block body, BitSet end, BitSet continued, BitSet broken) {
        breakTargets.push(broken);
        continueTargets.push(continued);
        BitSet in = statement(body, end);
        continueTargets.pop();
        breakTargets.pop();
        return in;
    }
}
