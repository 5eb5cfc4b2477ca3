package io.microautograd.processor.ir;

import static io.microautograd.processor.ir.Exprs.add;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which variables are live where, on IR written by hand. */
class LivenessTest {

    private static final Variable X = new Variable("x", Type.DOUBLE, 0, Variable.Role.PARAMETER);
    private static final Variable N = new Variable("n", Type.INT, 1, Variable.Role.PARAMETER);
    private static final Variable Y = new Variable("y", Type.DOUBLE, 2, Variable.Role.LOCAL);
    private static final Variable S = new Variable("s", Type.DOUBLE, 3, Variable.Role.LOCAL);
    private static final Variable I = new Variable("i", Type.INT, 4, Variable.Role.LOCAL);
    private static final Variable A = new Variable("a", Type.DOUBLE_ARRAY, 5, Variable.Role.PARAMETER);

    @Test
    void aVariableIsLiveFromItsAssignmentToItsLastRead() {
        Stmt copy = assign(Y, read(X));
        Stmt overwrite = assign(X, lit(1.0));
        Stmt ret = new Stmt.Return(add(read(Y), read(X)), Stmt.Origin.NONE);
        Liveness liveness = Liveness.of(Stmt.Block.of(List.of(copy, overwrite, ret)), Set.of(S));
        assertEquals(Set.of(X, S), liveness.before(copy));
        assertEquals(Set.of(Y, S), liveness.after(copy));
        assertEquals(Set.of(X, Y, S), liveness.after(overwrite));
    }

    @Test
    void whatALoopReadsOnItsNextIterationIsLiveAtTheEndOfItsBody() {
        Stmt update = assign(S, add(read(S), read(Y)));
        Stmt read = assign(Y, read(X));
        Stmt.Loop loop = new Stmt.Loop(Stmt.LoopKind.FOR, List.of(assign(I, lit(0))),
                new Expr.Binary(BinaryOp.LT, read(I), read(N)), List.of(assign(I, add(read(I), lit(1)))),
                Stmt.Block.of(List.of(update, read)), Stmt.Origin.NONE);
        Stmt ret = new Stmt.Return(read(S), Stmt.Origin.NONE);
        Liveness liveness = Liveness.of(Stmt.Block.of(List.of(assign(S, lit(0.0)), loop, ret)), Set.of());
        assertEquals(Set.of(S, Y, I, N, X), liveness.after(read));
        assertEquals(Set.of(S, Y, I, N, X), liveness.before(update));
        assertEquals(Set.of(S), liveness.after(loop));
        assertEquals(Set.of(S, N, X, Y), liveness.before(loop));
    }

    @Test
    void aStoreReadsItsArraysValueButNotItsElements() {
        Stmt store = new Stmt.Store(read(A), lit(0), read(X), Stmt.Origin.NONE);
        Stmt ret = new Stmt.Return(lit(0.0), Stmt.Origin.NONE);
        Stmt.Block body = Stmt.Block.of(List.of(store, ret));
        assertEquals(Set.of(A, X), Liveness.of(body, Set.of()).before(store));
        assertEquals(Set.of(X), Liveness.ofContents(body).before(store));
    }

    private static Stmt assign(Variable v, Expr value) {
        return new Stmt.Assign(v, value, false, Stmt.Origin.NONE);
    }
}
