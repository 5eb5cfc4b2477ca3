package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.add;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.mul;
import static io.microautograd.processor.ir.Exprs.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which work of a pullback's body is dead, on IR written by hand. */
class DeadCodeTest {

    private static final Variable X = new Variable("x", Type.DOUBLE, 0, Variable.Role.PARAMETER);
    private static final Variable T1 = generated("t1", Type.DOUBLE, 1);
    private static final Variable T2 = generated("t2", Type.DOUBLE, 2);
    private static final Variable T3 = generated("t3", Type.DOUBLE, 3);
    private static final Variable D_A = generated("dA", Type.DOUBLE_ARRAY, 4);
    private static final Variable ALIAS = generated("alias", Type.DOUBLE_ARRAY, 5);
    private static final Variable I = generated("i", Type.INT, 6);
    private static final DeadCode DEAD_CODE = new DeadCode(Set.of(X), Set.of(D_A));

    @Test
    void aDeadChainGoesInOneSweep() {
        Stmt ret = new Stmt.Return(read(X), Stmt.Origin.NONE);
        Stmt.Block body = Stmt.Block.of(List.of(assign(T1, mul(read(X), lit(2.0))), assign(T2, add(read(T1), lit(1.0))),
                assign(T3, mul(read(T2), read(T2))), ret));
        assertEquals(Optional.of(List.of(ret)), DEAD_CODE.swept(body).map(Stmt.Block::statements));
    }

    @Test
    void theUsersStatementsStayAndSoDoesWhatTheyRead() {
        Stmt first = assign(T1, read(X));
        Stmt users = new Stmt.Assign(T2, read(T1), false, new Stmt.Origin(3, "double t2 = t1;"));
        Stmt ret = new Stmt.Return(read(X), Stmt.Origin.NONE);
        Stmt.Block body = Stmt.Block.of(List.of(first, users, ret));
        assertEquals(List.of(first, users, ret), DEAD_CODE.dropped(body).statements());
    }

    @Test
    void anIfLeftEmptyGoesWithTheCommentThatHeadsIt() {
        Stmt.If branch = new Stmt.If(new Expr.Binary(BinaryOp.GT, read(X), lit(0.0)),
                Stmt.Block.of(List.of(assign(T1, read(X)))), Stmt.Block.of(List.of()), Stmt.Origin.NONE);
        Stmt ret = new Stmt.Return(read(X), Stmt.Origin.NONE);
        Stmt.Block body = Stmt.Block.of(List.of(Stmt.Block.of(List.of(new Stmt.Comment("line 2: if (x > 0)"), branch)),
                ret));
        assertEquals(List.of(ret), DEAD_CODE.dropped(body).statements());
    }

    @Test
    void aStoreIsKeptWhileAnotherNameOfItsArrayIsReadAfterIt() {
        Stmt alias = assign(ALIAS, read(D_A));
        Stmt store = new Stmt.Store(read(D_A), lit(0), read(X), Stmt.Origin.NONE);
        Stmt ret = new Stmt.Return(new Expr.Element(read(ALIAS), lit(0)), Stmt.Origin.NONE);
        Stmt.Block body = Stmt.Block.of(List.of(alias, store, ret));
        assertEquals(List.of(alias, store, ret), DEAD_CODE.dropped(body).statements());
    }

    /** Without the alias the store is dead too, which the sweep, taking aliases from the whole body, cannot tell. */
    @Test
    void anArrayAssignmentThatGoesLeavesTheRestToPasses() {
        Stmt store = new Stmt.Store(read(D_A), lit(0), read(X), Stmt.Origin.NONE);
        Stmt ret = new Stmt.Return(read(X), Stmt.Origin.NONE);
        Stmt.Block body = Stmt.Block.of(List.of(assign(ALIAS, read(D_A)), store, ret));
        assertEquals(Optional.empty(), DEAD_CODE.swept(body));
        assertEquals(List.of(ret), DEAD_CODE.dropped(body).statements());
    }

    @Test
    void aLoopLeftWithNothingToDoGoesByPasses() {
        Stmt.Loop loop = new Stmt.Loop(Stmt.LoopKind.FOR, List.of(assign(I, lit(0))),
                new Expr.Binary(BinaryOp.LT, read(I), lit(3)), List.of(assign(I, add(read(I), lit(1)))),
                Stmt.Block.of(List.of(assign(T1, read(X)), assign(T2, read(T1)))), Stmt.Origin.NONE);
        Stmt ret = new Stmt.Return(read(X), Stmt.Origin.NONE);
        Stmt.Block body = Stmt.Block.of(List.of(loop, ret));
        assertTrue(DEAD_CODE.swept(body).isEmpty());
        assertEquals(List.of(ret), DEAD_CODE.dropped(body).statements());
    }

    private static Variable generated(String name, Type type, int id) {
        return new Variable(name, type, id, Variable.Role.GENERATED);
    }

    private static Stmt assign(Variable v, Expr value) {
        return new Stmt.Assign(v, value, false, Stmt.Origin.NONE);
    }
}
