package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which arrays a pullback may keep between calls, on IR written by hand: it covers the arrays the
 * parser rejects today (assigned again, allocated in a loop, given a row), so that the pullback
 * stays safe if the parser ever admits them.
 */
class ReusableArraysTest {

    private static final Variable N = new Variable("n", Type.INT, 0, Variable.Role.PARAMETER);
    private static final Variable V = local("v", Type.DOUBLE_ARRAY, 1);
    private static final Variable M = local("m", Type.DOUBLE_MATRIX, 2);
    private static final Variable OTHER = local("other", Type.DOUBLE_ARRAY, 3);
    private static final Variable ALIAS = local("alias", Type.DOUBLE_MATRIX, 4);
    private static final Variable D_V = new Variable("dV", Type.DOUBLE_ARRAY, 5, Variable.Role.GENERATED);
    private static final Variable D_M = new Variable("dM", Type.DOUBLE_MATRIX, 6, Variable.Role.GENERATED);
    private static final Variable SUM = local("sum", Type.DOUBLE, 7);
    private static final Variable K = local("k", Type.INT, 8);

    @Test
    void aVectorAndAMatrixAreKeptWithTheirAdjoints() {
        List<Stmt> body = List.of(declare(V, vector()), declare(D_V, vector()), declare(M, matrix()),
                declare(D_M, matrix()));
        assertEquals(List.of(V, D_V, M, D_M), kept(body, Map.of(V, D_V, M, D_M)));
    }

    @Test
    void anAdjointAssignedAgainIsNotKept() {
        List<Stmt> body = List.of(declare(V, vector()), declare(D_V, vector()),
                new Stmt.Assign(D_V, read(OTHER), false, Stmt.Origin.NONE), declare(OTHER, vector()));
        assertEquals(List.of(V, OTHER), kept(body, Map.of(V, D_V)));
    }

    @Test
    void anArrayAssignedAgainIsNotKept() {
        List<Stmt> body = List.of(declare(V, vector()), new Stmt.Assign(V, vector(), false, Stmt.Origin.NONE));
        assertEquals(List.of(), kept(body, Map.of()));
    }

    @Test
    void anArrayAllocatedInALoopIsNotKept() {
        Stmt.Loop loop = new Stmt.Loop(Stmt.LoopKind.FOR, List.of(declare(K, lit(0))),
                new Expr.Binary(BinaryOp.LT, read(K), read(N)), List.of(),
                Stmt.Block.of(List.of(declare(V, vector()))), Stmt.Origin.NONE);
        assertEquals(List.of(M), kept(List.of(loop, declare(M, matrix())), Map.of()));
    }

    @Test
    void aMatrixGivenARowAndTheRowAreNotKept() {
        List<Stmt> body = List.of(declare(M, matrix()), declare(OTHER, vector()), declare(V, vector()),
                new Stmt.Store(read(M), lit(0), read(OTHER), Stmt.Origin.NONE));
        assertEquals(List.of(V), kept(body, Map.of()));
    }

    @Test
    void aMatrixGivenARowThroughAnotherNameIsNotKeptNorAnyArrayTheRowMayBe() {
        Expr either = new Expr.Conditional(new Expr.Literal("true", Type.BOOLEAN), read(OTHER), read(V));
        List<Stmt> body = List.of(declare(M, matrix()), declare(ALIAS, read(M)), declare(OTHER, vector()),
                declare(V, vector()), new Stmt.Store(read(ALIAS), lit(0), either, Stmt.Origin.NONE));
        assertEquals(List.of(), kept(body, Map.of()));
    }

    @Test
    void anArrayOrARowOfItPassedToAMethodIsNotKept() {
        Callee g = new Callee("p.C", null, "g", List.of("row"), List.of(Type.DOUBLE_ARRAY), List.of(false),
                Type.DOUBLE);
        List<Stmt> body = List.of(declare(M, matrix()), declare(V, vector()), declare(OTHER, vector()),
                declare(SUM, new Expr.Call(g, List.of(new Expr.Element(read(M), lit(1))))),
                new Stmt.Evaluate(new Expr.Call(g, List.of(read(V)))));
        assertEquals(List.of(OTHER), kept(body, Map.of()));
    }

    @Test
    void anArrayPassedToAMethodThatHoldsNoArrayIsKept() {
        Callee keepsNothing = new Callee("p.C", "p.CGrad", "keepsNothing", List.of("v"), List.of(Type.DOUBLE_ARRAY),
                List.of(true), Type.DOUBLE);
        List<Stmt> body = List.of(declare(V, vector()), declare(SUM, new Expr.Call(keepsNothing, List.of(read(V)))));
        assertEquals(List.of(V), kept(body, Map.of()));
    }

    @Test
    void anElementPassedToAMethodLeavesItsArrayKept() {
        Callee h = new Callee("p.C", null, "h", List.of("x"), List.of(Type.DOUBLE), List.of(false), Type.DOUBLE);
        List<Stmt> body = List.of(declare(M, matrix()),
                declare(SUM, new Expr.Call(h, List.of(new Expr.Element(new Expr.Element(read(M), lit(0)), lit(1))))));
        assertEquals(List.of(M), kept(body, Map.of()));
    }

    @Test
    void initializersAndMatricesWithoutRowLengthAreNotKept() {
        List<Stmt> body = List.of(declare(V, new Expr.ArrayLiteral(Type.DOUBLE_ARRAY, List.of(lit(1.0), lit(2.0)))),
                declare(M, new Expr.NewArray(Type.DOUBLE_MATRIX, List.of(read(N)))));
        assertEquals(List.of(), kept(body, Map.of()));
    }

    /**
     * The kept arrays of a function whose body is also, for this test, its pullback's, and whose
     * callees may all hold on to arrays but {@code keepsNothing}.
     */
    private static List<Variable> kept(List<Stmt> statements, Map<Variable, Variable> adjoints) {
        Stmt.Block body = Stmt.Block.of(statements);
        return ReusableArrays.of(new Function("f", List.of(N), Set.of(), 1, body, 9, 0), body, adjoints,
                callee -> !callee.name().equals("keepsNothing"));
    }

    private static Variable local(String name, Type type, int id) {
        return new Variable(name, type, id, Variable.Role.LOCAL);
    }

    private static Stmt.Assign declare(Variable v, Expr value) {
        return new Stmt.Assign(v, value, true, Stmt.Origin.NONE);
    }

    private static Expr vector() {
        return new Expr.NewArray(Type.DOUBLE_ARRAY, List.of(read(N)));
    }

    private static Expr matrix() {
        return new Expr.NewArray(Type.DOUBLE_MATRIX, List.of(read(N), lit(3)));
    }
}
