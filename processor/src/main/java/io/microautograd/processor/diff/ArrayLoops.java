package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.add;
import static io.microautograd.processor.ir.Exprs.binary;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.mul;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.List;
import java.util.function.Function;

/** Whole-array operations the pullback and the tangent need around the sweeps, written as IR loops. */
final class ArrayLoops {

    private final FreshVariables variables;

    ArrayLoops(FreshVariables variables) {
        this.variables = variables;
    }

    /** {@code target = } a zeroed array shaped like {@code like} (rows of the same lengths). */
    void zerosLike(Variable target, Expr like, List<Stmt> out) {
        out.add(new Stmt.Assign(target, new Expr.NewArray(like.type(), List.of(new Expr.Length(like))), true,
                Stmt.Origin.NONE));
        if (like.type() == Type.DOUBLE_MATRIX) {
            out.add(forEachIndex(like, row -> new Stmt.Store(read(target), row, new Expr.NewArray(Type.DOUBLE_ARRAY,
                    List.of(new Expr.Length(new Expr.Element(like, row)))), Stmt.Origin.NONE)));
        }
    }

    /** {@code target[k] = 0.0} for every element of the vector {@code target}. */
    void zero(Expr target, List<Stmt> out) {
        out.add(forEachIndex(target, k -> new Stmt.Store(target, k, lit(0.0), Stmt.Origin.NONE)));
    }

    /** Replaces the array parameter {@code p} by a copy, so writes do not reach the caller. */
    void copyInPlace(Variable p, List<Stmt> out) {
        if (p.type() == Type.DOUBLE_ARRAY) {
            out.add(new Stmt.Assign(p, new Expr.Clone(read(p)), false, Stmt.Origin.NONE));
            return;
        }
        Variable copy = variables.fresh(p.name() + "Copy", Type.DOUBLE_MATRIX);
        out.add(new Stmt.Assign(copy, new Expr.NewArray(Type.DOUBLE_MATRIX, List.of(new Expr.Length(read(p)))), true,
                Stmt.Origin.NONE));
        out.add(forEachIndex(read(p), row -> new Stmt.Store(read(copy), row,
                new Expr.Clone(new Expr.Element(read(p), row)), Stmt.Origin.NONE)));
        out.add(new Stmt.Assign(p, read(copy), false, Stmt.Origin.NONE));
    }

    /** {@code target += source}, element by element, for arrays of the same shape. */
    void addInto(Expr target, Expr source, List<Stmt> out) {
        out.add(forEachIndex(source, k -> {
            Expr from = new Expr.Element(source, k);
            Expr to = new Expr.Element(target, k);
            if (source.type() == Type.DOUBLE_MATRIX) {
                List<Stmt> inner = new java.util.ArrayList<>();
                addInto(to, from, inner);
                return Stmt.Block.of(inner);
            }
            return new Stmt.Store(target, k, add(to, from), Stmt.Origin.NONE);
        }));
    }

    /** {@code sum += a · b}, the sum of the element-wise products of arrays of the same shape. */
    void addDot(Variable sum, Expr a, Expr b, List<Stmt> out) {
        out.add(forEachIndex(a, k -> {
            Expr x = new Expr.Element(a, k);
            Expr y = new Expr.Element(b, k);
            if (a.type() == Type.DOUBLE_MATRIX) {
                List<Stmt> inner = new java.util.ArrayList<>();
                addDot(sum, x, y, inner);
                return Stmt.Block.of(inner);
            }
            return new Stmt.Assign(sum, add(read(sum), mul(x, y)), false, Stmt.Origin.NONE);
        }));
    }

    private Stmt forEachIndex(Expr array, Function<Expr, Stmt> body) {
        Variable k = variables.fresh("k", Type.INT);
        return new Stmt.Loop(Stmt.LoopKind.FOR, List.of(new Stmt.Assign(k, lit(0), true, Stmt.Origin.NONE)),
                binary(BinaryOp.LT, read(k), new Expr.Length(array)),
                List.of(new Stmt.Assign(k, add(read(k), lit(1)), false, Stmt.Origin.NONE)),
                Stmt.Block.of(List.of(body.apply(read(k)))), Stmt.Origin.NONE);
    }
}
