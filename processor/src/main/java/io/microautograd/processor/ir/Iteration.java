package io.microautograd.processor.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * What one iteration of a loop holds, outside the loops nested in it: its {@code if}s, and
 * whether it may leave the loop early (by a {@code break}, or by a {@code return} or the jump out
 * of the forward sweep that stands for one) or end early ({@code continue}). A nested loop's exits
 * are its own, and so are a checkpointed loop's. A {@code throw} leaves the method with no reverse sweep after it, so it counts as
 * none of these. Works on source bodies and on the forward sweeps differentiation writes.
 */
public final class Iteration {

    private final List<Stmt.If> ifs = new ArrayList<>();
    private boolean breaks;
    private boolean returns;
    private boolean continues;

    private Iteration() {
    }

    /** The iteration of a loop with this body. */
    public static Iteration of(Stmt.Block body) {
        Iteration iteration = new Iteration();
        body.accept(iteration.scan);
        return iteration;
    }

    /** The ifs of the iteration, in source order; those of nested loops are not among them. */
    public List<Stmt.If> ifs() {
        return ifs;
    }

    /** Whether the iteration may break out of its loop, so that the loop completes normally. */
    public boolean breaks() {
        return breaks;
    }

    /** Whether the iteration may leave its loop before the loop's condition fails. */
    public boolean leaves() {
        return breaks || returns;
    }

    /** Whether the iteration may leave its loop or skip to the next iteration. */
    public boolean exits() {
        return leaves() || continues;
    }

    private final Stmt.Visitor<Void> scan = new Stmt.Visitor<>() {
        @Override
        public Void assign(Stmt.Assign s) {
            return null;
        }

        @Override
        public Void store(Stmt.Store s) {
            return null;
        }

        @Override
        public Void block(Stmt.Block s) {
            s.statements().forEach(child -> child.accept(this));
            return null;
        }

        @Override
        public Void ifStatement(Stmt.If s) {
            ifs.add(s);
            s.thenBlock().accept(this);
            s.elseBlock().accept(this);
            return null;
        }

        @Override
        public Void loop(Stmt.Loop s) {
            return null;
        }

        @Override
        public Void breakStatement(Stmt.Break s) {
            breaks = true;
            return null;
        }

        @Override
        public Void continueStatement(Stmt.Continue s) {
            continues = true;
            return null;
        }

        @Override
        public Void returnStatement(Stmt.Return s) {
            returns = true;
            return null;
        }

        @Override
        public Void throwStatement(Stmt.Throw s) {
            return null;
        }

        @Override
        public Void evaluate(Stmt.Evaluate s) {
            return null;
        }

        @Override
        public Void push(Stmt.Push s) {
            return null;
        }

        @Override
        public Void forwardSweep(Stmt.ForwardSweep s) {
            return s.body().accept(this);
        }

        @Override
        public Void leaveForward(Stmt.LeaveForward s) {
            returns = true;
            return null;
        }

        @Override
        public Void comment(Stmt.Comment s) {
            return null;
        }

        @Override
        public Void keepSnapshots(Stmt.KeepSnapshots s) {
            return null;
        }

        @Override
        public Void reverseSegments(Stmt.ReverseSegments s) {
            return null;
        }
    };
}
