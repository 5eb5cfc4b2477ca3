package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Exprs;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Reachability;
import io.microautograd.processor.ir.SourceVisitor;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns each statement into its forward and reverse sweeps. Outside loops a statement runs at
 * most once, so an overwritten value is kept in a fresh local and a branch decision in a boolean;
 * inside loops they go on the tape. Only values the reverse sweep reads are kept.
 */
final class Sweeper {

    private final DiffContext context;
    private final ExpressionAdjoints adjoints;
    private final Variable value;
    private final Variable resultAdjoint;
    private final Variable returnPoint;
    private int returnsSoFar;
    private LoopFrame loop;
    private final Map<String, Variable> loopCounters = new HashMap<>();
    private int depth;

    /**
     * @param value the variable receiving the returned value
     * @param resultAdjoint the adjoint of the returned value
     * @param returnPoint which return was taken, or null when the method has one return, at its end
     */
    Sweeper(DiffContext context, Variable value, Variable resultAdjoint, Variable returnPoint) {
        this.context = context;
        this.adjoints = new ExpressionAdjoints(context);
        this.value = value;
        this.resultAdjoint = resultAdjoint;
        this.returnPoint = returnPoint;
    }

    /**
     * The sweeps of a statement sequence; the reverse runs the statements' reversals backwards.
     * After a statement that may leave (return, break, continue), the reversals of the statements
     * that follow are guarded by whether the leaving happened later: consecutive ones share a guard.
     */
    Sweeps sequence(List<Stmt> statements) {
        List<Stmt> forward = new ArrayList<>();
        List<Integer> exitsBefore = new ArrayList<>();
        List<List<Stmt>> reversals = new ArrayList<>();
        int start = exitsSoFar();
        for (Stmt statement : statements) {
            exitsBefore.add(exitsSoFar());
            Sweeps sweeps = statement(statement);
            forward.addAll(sweeps.forward());
            reversals.add(sweeps.reverse());
        }
        List<Stmt> reverse = new ArrayList<>();
        for (int i = reversals.size() - 1; i >= 0; ) {
            int guard = exitsBefore.get(i);
            List<Stmt> group = new ArrayList<>();
            for (; i >= 0 && exitsBefore.get(i) == guard; i--) {
                group.addAll(reversals.get(i));
            }
            if (guard > start && !group.isEmpty()) {
                reverse.add(new Stmt.If(reached(guard), Stmt.Block.of(group), Stmt.Block.of(List.of()),
                        Stmt.Origin.NONE));
            } else {
                reverse.addAll(group);
            }
        }
        return new Sweeps(forward, reverse);
    }

    /**
     * The sweeps of a sequence whose returns end it ({@link TailReturns}): the sequence itself,
     * with its last statement, an {@code if} holding returns, running each branch's forward
     * sweep and then at once its reverse sweep, so that nothing records which branch it took. A
     * branch that can only throw has no reverse sweep.
     */
    Sweeps tail(Stmt.Block sequence) {
        List<Stmt> statements = sequence.statements();
        if (statements.isEmpty() || !(statements.get(statements.size() - 1) instanceof Stmt.If last)
                || !TailReturns.returns(last)) {
            return sequence(statements);
        }
        Sweeps before = sequence(statements.subList(0, statements.size() - 1));
        List<Stmt> forward = new ArrayList<>(before.forward());
        forward.add(new Stmt.If(last.condition(), Stmt.Block.of(swept(last.thenBlock())),
                Stmt.Block.of(swept(last.elseBlock())), last.origin()));
        return new Sweeps(forward, before.reverse());
    }

    /** A branch in tail position: its forward sweep followed by its reverse sweep. */
    private List<Stmt> swept(Stmt.Block branch) {
        Sweeps sweeps = tail(branch);
        List<Stmt> code = new ArrayList<>(sweeps.forward());
        if (TailReturns.returns(branch) || Reachability.canCompleteNormally(branch)) {
            code.addAll(sweeps.reverse());
        }
        return code;
    }

    private int exitsSoFar() {
        return loop != null ? loop.exitsSoFar() : returnsSoFar;
    }

    private Expr reached(int exitsBefore) {
        return loop != null ? loop.reached(exitsBefore)
                : Exprs.binary(BinaryOp.GT, read(returnPoint), lit(exitsBefore));
    }

    private Sweeps statement(Stmt s) {
        return s.accept(statementSweeps);
    }

    /** The sweeps of each kind of source statement. */
    private final Stmt.Visitor<Sweeps> statementSweeps = new SourceVisitor<>() {
        @Override
        public Sweeps assign(Stmt.Assign s) {
            return recorded(s, Sweeper.this.assign(s));
        }

        @Override
        public Sweeps store(Stmt.Store s) {
            return recorded(s, Sweeper.this.store(s));
        }

        @Override
        public Sweeps block(Stmt.Block s) {
            Sweeps inner = sequence(s.statements());
            return new Sweeps(List.of(Stmt.Block.of(inner.forward())), inner.reverse());
        }

        @Override
        public Sweeps ifStatement(Stmt.If s) {
            return branch(s);
        }

        @Override
        public Sweeps loop(Stmt.Loop s) {
            return new LoopSweeper(context, Sweeper.this).loop(s);
        }

        @Override
        public Sweeps breakStatement(Stmt.Break s) {
            return leaving(s, true);
        }

        @Override
        public Sweeps continueStatement(Stmt.Continue s) {
            return leaving(s, false);
        }

        @Override
        public Sweeps returnStatement(Stmt.Return s) {
            return recorded(s, Sweeper.this.returnStatement(s));
        }

        @Override
        public Sweeps throwStatement(Stmt.Throw s) {
            return new Sweeps(List.of(s), List.of());
        }
    };

    /** A break or continue: the iteration records how it ended, then leaves. */
    private Sweeps leaving(Stmt s, boolean isBreak) {
        List<Stmt> forward = new ArrayList<>(loop.endIteration(loop.exitId(isBreak)));
        forward.add(s);
        return new Sweeps(forward, List.of());
    }

    /** Notes what a statement's reverse code reads, for the next round's choice of values to keep. */
    private Sweeps recorded(Stmt statement, Sweeps sweeps) {
        context.recordReads(statement, sweeps.reverse());
        return sweeps;
    }

    private Sweeps assign(Stmt.Assign a) {
        Variable x = a.target();
        Activity activity = context.activity();
        List<Stmt> forward = new ArrayList<>();
        List<Stmt> reverse = new ArrayList<>();
        boolean overwrites = loop != null || !a.declaration() || x.role() == Variable.Role.PARAMETER;
        boolean keep = context.isNeededAt(x, a) || x.type().isArray() && activity.isActive(x);
        List<Stmt> outputs = new ArrayList<>();
        Expr forwardValue = x.type() == Type.DOUBLE && activity.isActive(x)
                ? adjoints.recordOutputs(a.value(), loop != null, forward, outputs) : a.value();
        if (keep && overwrites) {
            if (x.type().isArray() && activity.isActive(x)) {
                Variable dx = context.adjoint(x);
                List<Stmt> restoreAdjoint = new ArrayList<>();
                save(read(x), x, forward, restoreAdjoint);
                save(read(dx), dx, forward, reverse);
                reverse.addAll(restoreAdjoint);
            } else if (!recomputed(a) && !inverted(a, reverse)) {
                save(read(x), x, forward, reverse);
            }
        }
        forward.add(forwardValue == a.value() ? a : new Stmt.Assign(x, forwardValue, a.declaration(), a.origin()));
        reverse.addAll(outputs);
        if (x.type().isArray() && activity.isActive(x)) {
            forward.add(new Stmt.Assign(context.adjoint(x), ArrayShapes.adjointOf(a.value(), context), true,
                    Stmt.Origin.NONE));
            if (a.value() instanceof Expr.ArrayLiteral literal) {
                ArrayShapes.propagateLiteral(literal, read(context.adjoint(x)), adjoints, reverse);
            }
        } else if (x.type() == Type.DOUBLE && activity.isActive(x) && increment(a.value(), read(x)) != null) {
            Expr.Binary increment = increment(a.value(), read(x));
            Expr dx = read(context.adjoint(x));
            adjoints.propagate(increment.right(), increment.op() == BinaryOp.ADD ? dx : Exprs.neg(dx), reverse);
        } else if (x.type() == Type.DOUBLE && activity.isActive(x)) {
            Variable dx = context.adjoint(x);
            boolean readsItself = IrWalk.reads(a.value(), x);
            Expr adjoint = readsItself ? adjoints.copy(read(dx), dx.name() + "After", reverse) : read(dx);
            if (readsItself && overwrites) {
                reverse.add(new Stmt.Assign(dx, lit(0.0), false, Stmt.Origin.NONE));
            }
            adjoints.propagate(a.value(), adjoint, reverse);
            if (!readsItself && overwrites) {
                reverse.add(new Stmt.Assign(dx, lit(0.0), false, Stmt.Origin.NONE));
            }
        }
        return new Sweeps(forward, commented(a.origin(), ExpressionAdjoints.folded(reverse)));
    }

    private Sweeps store(Stmt.Store st) {
        Variable root = IrWalk.root(st.array());
        List<Stmt> forward = new ArrayList<>();
        List<Stmt> reverse = new ArrayList<>();
        List<Stmt> outputs = new ArrayList<>();
        Expr forwardValue = context.activity().isActive(root)
                ? adjoints.recordOutputs(st.value(), loop != null, forward, outputs) : st.value();
        if (context.isNeededAt(root, st) && st.value().type() == Type.DOUBLE) {
            Expr old = new Expr.Element(st.array(), st.index());
            if (loop != null) {
                forward.add(new Stmt.Push(TapeKind.DOUBLE, old));
                reverse.add(new Stmt.Store(st.array(), st.index(), new Expr.Pop(TapeKind.DOUBLE), Stmt.Origin.NONE));
            } else {
                Variable slot = context.fresh(root.name() + "Before", Type.DOUBLE);
                forward.add(new Stmt.Assign(slot, old, true, Stmt.Origin.NONE));
                reverse.add(new Stmt.Store(st.array(), st.index(), read(slot), Stmt.Origin.NONE));
            }
        }
        forward.add(forwardValue == st.value() ? st
                : new Stmt.Store(st.array(), st.index(), forwardValue, st.origin()));
        reverse.addAll(outputs);
        Expr.Binary increment = increment(st.value(), new Expr.Element(st.array(), st.index()));
        if (context.activity().isActive(root) && increment != null && !IrWalk.reads(increment.right(), root)) {
            Expr d = new Expr.Element(context.adjointArray(st.array()), st.index());
            adjoints.propagate(increment.right(), increment.op() == BinaryOp.ADD ? d : Exprs.neg(d), reverse);
        } else if (context.activity().isActive(root) && !context.readsStorageOf(st.value(), root)) {
            Expr d = context.adjointArray(st.array());
            adjoints.propagate(st.value(), new Expr.Element(d, st.index()), reverse);
            reverse.add(new Stmt.Store(d, st.index(), lit(0.0), Stmt.Origin.NONE));
        } else if (context.activity().isActive(root)) {
            Expr d = context.adjointArray(st.array());
            Expr adjoint = adjoints.copy(new Expr.Element(d, st.index()), "d" + capitalized(root.name()) + "After",
                    reverse);
            reverse.add(new Stmt.Store(d, st.index(), lit(0.0), Stmt.Origin.NONE));
            adjoints.propagate(st.value(), adjoint, reverse);
        }
        return new Sweeps(forward, commented(st.origin(), ExpressionAdjoints.folded(reverse)));
    }

    private Sweeps branch(Stmt.If i) {
        Sweeps whenTrue = sequence(i.thenBlock().statements());
        Sweeps whenFalse = sequence(i.elseBlock().statements());
        if (whenTrue.reverse().isEmpty() && whenFalse.reverse().isEmpty()) {
            return new Sweeps(List.of(new Stmt.If(i.condition(), Stmt.Block.of(whenTrue.forward()),
                    Stmt.Block.of(whenFalse.forward()), i.origin())), List.of());
        }
        context.recordDecision(i);
        Variable decision = loop != null ? loop.decision(i) : null;
        if (decision == null) {
            decision = context.fresh(Hints.decision(i.condition()), Type.BOOLEAN);
        }
        List<Stmt> forward = List.of(new Stmt.Assign(decision, i.condition(), true, Stmt.Origin.NONE),
                new Stmt.If(read(decision), Stmt.Block.of(whenTrue.forward()), Stmt.Block.of(whenFalse.forward()),
                        i.origin()));
        List<Stmt> reverse = List.of(new Stmt.If(read(decision), Stmt.Block.of(whenTrue.reverse()),
                Stmt.Block.of(whenFalse.reverse()), Stmt.Origin.NONE));
        return new Sweeps(forward, commented(i.origin(), reverse));
    }

    private Sweeps returnStatement(Stmt.Return r) {
        List<Stmt> forward = new ArrayList<>();
        List<Stmt> reverse = new ArrayList<>();
        Expr forwardValue = adjoints.recordOutputs(r.value(), false, forward, reverse);
        forward.add(new Stmt.Assign(value, forwardValue, returnPoint == null, r.origin()));
        if (returnPoint != null) {
            forward.add(new Stmt.Assign(returnPoint, lit(++returnsSoFar), false, Stmt.Origin.NONE));
            forward.add(new Stmt.LeaveForward());
        }
        adjoints.propagate(r.value(), read(resultAdjoint), reverse);
        return new Sweeps(forward, commented(r.origin(), ExpressionAdjoints.folded(reverse)));
    }

    /**
     * Whether the reverse sweep recomputes the value this declaration gives instead of restoring
     * the one it overwrites; the recomputation's reads count as the declaration's.
     */
    private boolean recomputed(Stmt.Assign declaration) {
        Stmt again = loop != null ? loop.recompute(declaration) : null;
        if (again != null) {
            context.recordReads(declaration, List.of(again));
        }
        return again != null;
    }

    /**
     * An integer moved by a constant inside a loop: the reverse moves it back instead of taping
     * it, since integer arithmetic undoes exactly, overflow included.
     */
    private boolean inverted(Stmt.Assign a, List<Stmt> reverse) {
        if (loop == null || !CounterMoves.isMovedBack(a)) {
            return false;
        }
        reverse.add(CounterMoves.moveBack(a));
        return true;
    }

    /** Keeps the current value of {@code x} before it is overwritten; the reverse gets it back. */
    void save(Expr current, Variable x, List<Stmt> forward, List<Stmt> reverse) {
        if (loop != null) {
            TapeKind tape = TapeKind.forType(x.type());
            Expr pushed = x.type() == Type.BOOLEAN ? Exprs.cond(current, lit(1), lit(0)) : current;
            forward.add(new Stmt.Push(tape, pushed));
            Expr popped = x.type() == Type.BOOLEAN
                    ? Exprs.binary(BinaryOp.NE, new Expr.Pop(tape), lit(0)) : new Expr.Pop(tape);
            reverse.add(new Stmt.Assign(x, popped, false, Stmt.Origin.NONE));
        } else {
            Variable slot = context.fresh(x.name() + "Before", x.type());
            forward.add(new Stmt.Assign(slot, current, true, Stmt.Origin.NONE));
            reverse.add(new Stmt.Assign(x, read(slot), false, Stmt.Origin.NONE));
        }
    }

    /** Enters a loop body; returns the enclosing frame, to give back to {@link #leaveLoop}. */
    LoopFrame enterLoop(LoopFrame frame) {
        LoopFrame outer = loop;
        loop = frame;
        depth++;
        return outer;
    }

    /** Leaves a loop body. */
    void leaveLoop(LoopFrame outer) {
        loop = outer;
        depth--;
    }

    /**
     * The counter called {@code name} of a loop at the current depth, for a trip count the reverse
     * sweep pops or a reversed loop's trip: one per depth and name, since loops at one depth never
     * run at once, while a loop inside another must not reuse the outer one's, which still counts.
     */
    Variable loopCounter(String name) {
        return loopCounters.computeIfAbsent(depth + " " + name, key -> context.fresh(name, Type.LONG));
    }

    /** Whether the code being transformed is inside a loop. */
    boolean inLoop() {
        return loop != null;
    }

    /**
     * Reverse code headed by the source line it comes from, so readers can find it; the two in a
     * block of their own, so that the comment goes when the cleanup leaves no code under it.
     */
    static List<Stmt> commented(Stmt.Origin origin, List<Stmt> reverse) {
        if (reverse.isEmpty() || origin == Stmt.Origin.NONE) {
            return reverse;
        }
        List<Stmt> out = new ArrayList<>();
        out.add(new Stmt.Comment("line " + origin.line() + ": " + origin.text()));
        out.addAll(reverse);
        return List.of(Stmt.Block.of(out));
    }

    /**
     * {@code target + e} or {@code target - e} where {@code e} does not read {@code target}: its
     * reverse leaves the target's adjoint as it is and passes it on to {@code e}. Else null.
     */
    private static Expr.Binary increment(Expr value, Expr target) {
        if (value instanceof Expr.Binary b && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB)
                && b.left().equals(target) && b.type() == Type.DOUBLE
                && !IrWalk.reads(b.right(), IrWalk.root(target))) {
            return b;
        }
        return null;
    }

    static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
