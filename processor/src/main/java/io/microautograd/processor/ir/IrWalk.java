package io.microautograd.processor.ir;

import java.util.List;
import java.util.function.Consumer;

/** Visits the parts of IR trees: every sub-expression, every nested statement. */
public final class IrWalk {

    private IrWalk() {
    }

    /** Calls {@code action} on {@code e} and each of its sub-expressions. */
    public static void expressions(Expr e, Consumer<Expr> action) {
        action.accept(e);
        for (Expr child : children(e)) {
            expressions(child, action);
        }
    }

    /** The direct sub-expressions of an expression. */
    public static List<Expr> children(Expr e) {
        if (e instanceof Expr.Unary u) {
            return List.of(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof Expr.Conditional c) {
            return List.of(c.condition(), c.whenTrue(), c.whenFalse());
        }
        if (e instanceof Expr.MathCall m) {
            return m.arguments();
        }
        if (e instanceof Expr.Cast c) {
            return List.of(c.operand());
        }
        if (e instanceof Expr.Element el) {
            return List.of(el.array(), el.index());
        }
        if (e instanceof Expr.Length l) {
            return List.of(l.array());
        }
        if (e instanceof Expr.Call c) {
            return c.arguments();
        }
        if (e instanceof Expr.NewArray n) {
            return n.dimensions();
        }
        if (e instanceof Expr.ArrayLiteral a) {
            return a.elements();
        }
        if (e instanceof Expr.Clone c) {
            return List.of(c.array());
        }
        return List.of();
    }

    /** Calls {@code action} on {@code s} and every statement nested in it. */
    public static void statements(Stmt s, Consumer<Stmt> action) {
        action.accept(s);
        for (Stmt child : children(s)) {
            statements(child, action);
        }
    }

    /** The statements directly nested in a statement. */
    public static List<Stmt> children(Stmt s) {
        if (s instanceof Stmt.Block b) {
            return b.statements();
        }
        if (s instanceof Stmt.If i) {
            return List.of(i.thenBlock(), i.elseBlock());
        }
        if (s instanceof Stmt.Loop l) {
            List<Stmt> all = new java.util.ArrayList<>(l.init());
            all.addAll(l.update());
            all.add(l.body());
            return all;
        }
        if (s instanceof Stmt.ForwardSweep f) {
            return List.of(f.body());
        }
        return List.of();
    }

    /** The expressions a statement evaluates directly (not those of nested statements). */
    public static List<Expr> expressionsOf(Stmt s) {
        if (s instanceof Stmt.Assign a) {
            return List.of(a.value());
        }
        if (s instanceof Stmt.Store st) {
            return List.of(st.array(), st.index(), st.value());
        }
        if (s instanceof Stmt.If i) {
            return List.of(i.condition());
        }
        if (s instanceof Stmt.Loop l && l.condition() != null) {
            return List.of(l.condition());
        }
        if (s instanceof Stmt.Return r) {
            return List.of(r.value());
        }
        if (s instanceof Stmt.Evaluate ev) {
            return List.of(ev.call());
        }
        if (s instanceof Stmt.Push p) {
            return List.of(p.value());
        }
        return List.of();
    }

    /** The variable an array expression ultimately reads: {@code a} for {@code a[i][j]}. */
    public static Variable root(Expr array) {
        if (array instanceof Expr.Read r) {
            return r.variable();
        }
        if (array instanceof Expr.Element e) {
            return root(e.array());
        }
        throw new IllegalArgumentException("not an array variable or element: " + array);
    }

    /** Whether an expression reads the variable anywhere inside it. */
    public static boolean reads(Expr e, Variable v) {
        boolean[] found = {false};
        expressions(e, x -> found[0] |= x instanceof Expr.Read r && r.variable().equals(v));
        return found[0];
    }

    /** Whether a statement assigns the variable anywhere inside it. */
    public static boolean assigns(Stmt s, Variable v) {
        boolean[] found = {false};
        statements(s, t -> {
            if (t instanceof Stmt.Assign a && a.target().equals(v)) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
