package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * What one iteration of a loop holds, outside the loops nested in it: its {@code if}s, and
 * whether it may leave the loop early ({@code break}, or the jump out of the forward sweep that
 * stands for a {@code return}) or end early ({@code continue}). A nested loop's exits are its
 * own. Works on source bodies and on the forward sweeps differentiation writes.
 */
final class Iteration {

    private final List<Stmt.If> ifs = new ArrayList<>();
    private boolean leaves;
    private boolean continues;

    private Iteration() {
    }

    /** The iteration of a loop with this body. */
    static Iteration of(Stmt.Block body) {
        Iteration iteration = new Iteration();
        body.accept(iteration.scan);
        return iteration;
    }

    /** The ifs of the iteration, in source order; those of nested loops are not among them. */
    List<Stmt.If> ifs() {
        return ifs;
    }

    /** Whether the iteration may leave its loop before the loop's condition fails. */
    boolean leaves() {
        return leaves;
    }

    /** Whether the iteration may leave its loop or skip to the next iteration. */
    boolean exits() {
        return leaves || continues;
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
            leaves = true;
            return null;
        }

        @Override
        public Void continueStatement(Stmt.Continue s) {
            continues = true;
            return null;
        }

        @Override
        public Void returnStatement(Stmt.Return s) {
            leaves = true;
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
            leaves = true;
            return null;
        }

        @Override
        public Void comment(Stmt.Comment s) {
            return null;
        }
    };
}
