package io.microautograd.processor.ir;

/**
 * A visitor of the statements a source method's body holds. The statements only differentiation
 * writes (tape pushes, pullback calls, the forward sweep's block and its exit, comments, checkpointed
 * loops' sweeps) never
 * reach a pass over source bodies; meeting one is a bug in the processor.
 *
 * @param <R> what the visitor computes
 */
public abstract class SourceVisitor<R> implements Stmt.Visitor<R> {

    @Override
    public final R evaluate(Stmt.Evaluate s) {
        throw notInSource(s);
    }

    @Override
    public final R push(Stmt.Push s) {
        throw notInSource(s);
    }

    @Override
    public final R forwardSweep(Stmt.ForwardSweep s) {
        throw notInSource(s);
    }

    @Override
    public final R leaveForward(Stmt.LeaveForward s) {
        throw notInSource(s);
    }

    @Override
    public final R comment(Stmt.Comment s) {
        throw notInSource(s);
    }

    @Override
    public final R keepSnapshots(Stmt.KeepSnapshots s) {
        throw notInSource(s);
    }

    @Override
    public final R reverseSegments(Stmt.ReverseSegments s) {
        throw notInSource(s);
    }

    private static IllegalStateException notInSource(Stmt s) {
        return new IllegalStateException("a source body holds no statement that differentiation writes: " + s);
    }
}
