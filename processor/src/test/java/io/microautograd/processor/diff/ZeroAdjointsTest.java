package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.add;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which scalar adjoints are known to be zero before each statement, on IR written by hand. */
class ZeroAdjointsTest {

    private static final Variable X = new Variable("x", Type.DOUBLE, 0, Variable.Role.PARAMETER);
    private static final Variable D_X = generated("dX", Type.DOUBLE, 1);
    private static final Variable D_Y = generated("dY", Type.DOUBLE, 2);
    private static final Variable T = generated("t", Type.DOUBLE, 3);
    private static final Variable I = generated("i", Type.INT, 4);
    private static final Set<Variable> ADJOINTS = Set.of(D_X, D_Y);

    @Test
    void everyAdjointStartsAtZeroAndAnUpdateOrResetSaysWhetherItStays() {
        Stmt update = assign(D_X, add(read(D_X), read(X)));
        Stmt temporary = assign(T, lit(0.0));
        Stmt reset = assign(D_X, lit(0.0));
        Stmt ret = new Stmt.Return(read(D_X), Stmt.Origin.NONE);
        ZeroAdjoints zeros = ZeroAdjoints.of(Stmt.Block.of(List.of(update, temporary, reset, ret)), ADJOINTS);
        assertEquals(ADJOINTS, zeros.zeroBefore(update));
        assertEquals(Set.of(D_Y), zeros.zeroBefore(temporary));
        assertEquals(Set.of(D_Y), zeros.zeroBefore(reset));
        assertEquals(ADJOINTS, zeros.zeroBefore(ret));
    }

    @Test
    void afterAnIfAnAdjointIsZeroWhereItIsZeroAfterEachBranch() {
        Stmt.If branch = new Stmt.If(new Expr.Binary(BinaryOp.GT, read(X), lit(0.0)),
                Stmt.Block.of(List.of(assign(D_X, read(X)))), Stmt.Block.of(List.of(assign(D_Y, read(X)))),
                Stmt.Origin.NONE);
        Stmt after = assign(T, read(D_X));
        ZeroAdjoints zeros = ZeroAdjoints.of(Stmt.Block.of(List.of(branch, after)), ADJOINTS);
        assertEquals(ADJOINTS, zeros.zeroBefore(branch));
        assertEquals(Set.of(), zeros.zeroBefore(after));
    }

    @Test
    void aLoopsHeadKnowsWhatEveryIterationLeavesZeroAndABreakLeavesWithWhatItHas() {
        Stmt update = assign(D_X, add(read(D_X), read(X)));
        Stmt.If leave = new Stmt.If(new Expr.Binary(BinaryOp.GT, read(X), lit(0.0)),
                Stmt.Block.of(List.of(new Stmt.Break(Stmt.Origin.NONE))), Stmt.Block.of(List.of()), Stmt.Origin.NONE);
        Stmt reset = assign(D_Y, lit(0.0));
        Stmt grows = assign(D_Y, read(X));
        Stmt.Loop loop = new Stmt.Loop(Stmt.LoopKind.FOR, List.of(assign(I, lit(0))),
                new Expr.Binary(BinaryOp.LT, read(I), lit(3)), List.of(assign(I, add(read(I), lit(1)))),
                Stmt.Block.of(List.of(update, leave, grows, reset)), Stmt.Origin.NONE);
        Stmt after = assign(T, read(D_Y));
        ZeroAdjoints zeros = ZeroAdjoints.of(Stmt.Block.of(List.of(loop, after)), ADJOINTS);
        assertEquals(Set.of(D_Y), zeros.zeroBefore(update));
        assertEquals(Set.of(D_Y), zeros.zeroBefore(grows));
        assertEquals(Set.of(), zeros.zeroBefore(reset));
        assertEquals(Set.of(D_Y), zeros.zeroBefore(after));
    }

    @Test
    void aStatementThatCannotRunHasEveryAdjointZero() {
        Stmt ret = new Stmt.Return(read(X), Stmt.Origin.NONE);
        Stmt unreachable = assign(T, read(D_X));
        ZeroAdjoints zeros = ZeroAdjoints.of(Stmt.Block.of(List.of(assign(D_X, read(X)), ret, unreachable)),
                ADJOINTS);
        assertEquals(ADJOINTS, zeros.zeroBefore(unreachable));
    }

    private static Variable generated(String name, Type type, int id) {
        return new Variable(name, type, id, Variable.Role.GENERATED);
    }

    private static Stmt assign(Variable v, Expr value) {
        return new Stmt.Assign(v, value, false, Stmt.Origin.NONE);
    }
}
