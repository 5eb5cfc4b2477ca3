package io.microautograd.processor.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Visits the parts of IR trees: every sub-expression, every nested statement. The three
 * structural questions (an expression's operands, a statement's nested statements, the
 * expressions a statement evaluates itself) are answered by visitors, so a new kind of node is a
 * compile error here until its parts are named.
 */
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

    /** The direct sub-expressions of an expression, in evaluation order. */
    public static List<Expr> children(Expr e) {
        return e.accept(CHILDREN);
    }

    /**
     * The expression with each direct sub-expression replaced by {@code replace} of it; the
     * expression itself when nothing changed.
     */
    public static Expr withChildren(Expr e, UnaryOperator<Expr> replace) {
        List<Expr> children = children(e);
        List<Expr> replaced = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expr child : children) {
            Expr next = replace.apply(child);
            replaced.add(next);
            changed |= next != child;
        }
        return changed ? rebuilt(e, replaced) : e;
    }

    /** An expression of the same kind as {@code e} with {@code children} as its operands, in {@link #children} order. */
    public static Expr rebuilt(Expr e, List<Expr> children) {
        return e.accept(new Rebuild(children));
    }

    /**
     * The statement with the statements of every block in it replaced by {@code rewrite} of them,
     * outer blocks first (so {@code rewrite} sees each statement as it was before any rewriting
     * inside it), then within the statements it returns; the statement itself when nothing changed.
     */
    public static Stmt withBlocks(Stmt s, UnaryOperator<List<Stmt>> rewrite) {
        return s.accept(new RewriteBlocks(rewrite));
    }

    /** Calls {@code action} on {@code s} and every statement nested in it. */
    public static void statements(Stmt s, Consumer<Stmt> action) {
        action.accept(s);
        for (Stmt child : children(s)) {
            statements(child, action);
        }
    }

    /** The statements directly nested in a statement (a loop's: its init, its update, its body). */
    public static List<Stmt> children(Stmt s) {
        return s.accept(NESTED);
    }

    /** The expressions a statement evaluates directly (not those of nested statements). */
    public static List<Expr> expressionsOf(Stmt s) {
        return s.accept(EVALUATED);
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

    private static final Expr.Visitor<List<Expr>> CHILDREN = new Expr.Visitor<>() {
        @Override
        public List<Expr> literal(Expr.Literal e) {
            return List.of();
        }

        @Override
        public List<Expr> read(Expr.Read e) {
            return List.of();
        }

        @Override
        public List<Expr> constant(Expr.Constant e) {
            return List.of();
        }

        @Override
        public List<Expr> unary(Expr.Unary e) {
            return List.of(e.operand());
        }

        @Override
        public List<Expr> binary(Expr.Binary e) {
            return List.of(e.left(), e.right());
        }

        @Override
        public List<Expr> conditional(Expr.Conditional e) {
            return List.of(e.condition(), e.whenTrue(), e.whenFalse());
        }

        @Override
        public List<Expr> mathCall(Expr.MathCall e) {
            return e.arguments();
        }

        @Override
        public List<Expr> cast(Expr.Cast e) {
            return List.of(e.operand());
        }

        @Override
        public List<Expr> element(Expr.Element e) {
            return List.of(e.array(), e.index());
        }

        @Override
        public List<Expr> length(Expr.Length e) {
            return List.of(e.array());
        }

        @Override
        public List<Expr> call(Expr.Call e) {
            return e.arguments();
        }

        @Override
        public List<Expr> newArray(Expr.NewArray e) {
            return e.dimensions();
        }

        @Override
        public List<Expr> arrayLiteral(Expr.ArrayLiteral e) {
            return e.elements();
        }

        @Override
        public List<Expr> cloneArray(Expr.Clone e) {
            return List.of(e.array());
        }

        @Override
        public List<Expr> pop(Expr.Pop e) {
            return List.of();
        }
    };

    /** Builds an expression of the visited kind from new sub-expressions, in {@link #CHILDREN}'s order. */
    private record Rebuild(List<Expr> parts) implements Expr.Visitor<Expr> {
        @Override
        public Expr literal(Expr.Literal e) {
            return e;
        }

        @Override
        public Expr read(Expr.Read e) {
            return e;
        }

        @Override
        public Expr constant(Expr.Constant e) {
            return e;
        }

        @Override
        public Expr unary(Expr.Unary e) {
            return new Expr.Unary(e.op(), parts.get(0));
        }

        @Override
        public Expr binary(Expr.Binary e) {
            return new Expr.Binary(e.op(), parts.get(0), parts.get(1));
        }

        @Override
        public Expr conditional(Expr.Conditional e) {
            return new Expr.Conditional(parts.get(0), parts.get(1), parts.get(2));
        }

        @Override
        public Expr mathCall(Expr.MathCall e) {
            return new Expr.MathCall(e.function(), List.copyOf(parts), e.strict());
        }

        @Override
        public Expr cast(Expr.Cast e) {
            return new Expr.Cast(e.type(), parts.get(0));
        }

        @Override
        public Expr element(Expr.Element e) {
            return new Expr.Element(parts.get(0), parts.get(1));
        }

        @Override
        public Expr length(Expr.Length e) {
            return new Expr.Length(parts.get(0));
        }

        @Override
        public Expr call(Expr.Call e) {
            return new Expr.Call(e.callee(), List.copyOf(parts));
        }

        @Override
        public Expr newArray(Expr.NewArray e) {
            return new Expr.NewArray(e.type(), List.copyOf(parts));
        }

        @Override
        public Expr arrayLiteral(Expr.ArrayLiteral e) {
            return new Expr.ArrayLiteral(e.type(), List.copyOf(parts));
        }

        @Override
        public Expr cloneArray(Expr.Clone e) {
            return new Expr.Clone(parts.get(0));
        }

        @Override
        public Expr pop(Expr.Pop e) {
            return e;
        }
    }

    /** Rebuilds the statements whose blocks change, in {@link #withBlocks}. */
    private record RewriteBlocks(UnaryOperator<List<Stmt>> rewrite) implements Stmt.Visitor<Stmt> {
        @Override
        public Stmt assign(Stmt.Assign s) {
            return s;
        }

        @Override
        public Stmt store(Stmt.Store s) {
            return s;
        }

        @Override
        public Stmt block(Stmt.Block s) {
            List<Stmt> chosen = rewrite.apply(s.statements());
            boolean changed = chosen.size() != s.statements().size();
            for (int i = 0; i < chosen.size() && !changed; i++) {
                changed = chosen.get(i) != s.statements().get(i);
            }
            List<Stmt> statements = new ArrayList<>(chosen.size());
            for (Stmt t : chosen) {
                Stmt next = t.accept(this);
                changed |= next != t;
                statements.add(next);
            }
            return changed ? Stmt.Block.of(statements) : s;
        }

        @Override
        public Stmt ifStatement(Stmt.If s) {
            Stmt.Block whenTrue = (Stmt.Block) s.thenBlock().accept(this);
            Stmt.Block whenFalse = (Stmt.Block) s.elseBlock().accept(this);
            return whenTrue == s.thenBlock() && whenFalse == s.elseBlock() ? s
                    : new Stmt.If(s.condition(), whenTrue, whenFalse, s.origin());
        }

        @Override
        public Stmt loop(Stmt.Loop s) {
            Stmt.Block body = (Stmt.Block) s.body().accept(this);
            return body == s.body() ? s
                    : new Stmt.Loop(s.kind(), s.init(), s.condition(), s.update(), body, s.origin());
        }

        @Override
        public Stmt breakStatement(Stmt.Break s) {
            return s;
        }

        @Override
        public Stmt continueStatement(Stmt.Continue s) {
            return s;
        }

        @Override
        public Stmt returnStatement(Stmt.Return s) {
            return s;
        }

        @Override
        public Stmt throwStatement(Stmt.Throw s) {
            return s;
        }

        @Override
        public Stmt evaluate(Stmt.Evaluate s) {
            return s;
        }

        @Override
        public Stmt push(Stmt.Push s) {
            return s;
        }

        @Override
        public Stmt forwardSweep(Stmt.ForwardSweep s) {
            Stmt.Block body = (Stmt.Block) s.body().accept(this);
            return body == s.body() ? s : new Stmt.ForwardSweep(body);
        }

        @Override
        public Stmt leaveForward(Stmt.LeaveForward s) {
            return s;
        }

        @Override
        public Stmt comment(Stmt.Comment s) {
            return s;
        }

        @Override
        public Stmt keepSnapshots(Stmt.KeepSnapshots s) {
            Stmt.Loop loop = (Stmt.Loop) s.loop().accept(this);
            return loop == s.loop() ? s : new Stmt.KeepSnapshots(s.checkpoints(), loop);
        }

        @Override
        public Stmt reverseSegments(Stmt.ReverseSegments s) {
            Stmt.Loop advance = (Stmt.Loop) s.advance().accept(this);
            Stmt.Block segment = (Stmt.Block) s.segment().accept(this);
            return advance == s.advance() && segment == s.segment() ? s
                    : new Stmt.ReverseSegments(s.checkpoints(), s.from(), s.target(), s.segmentEnd(), advance, segment);
        }
    }

    private static final Stmt.Visitor<List<Stmt>> NESTED = new Stmt.Visitor<>() {
        @Override
        public List<Stmt> assign(Stmt.Assign s) {
            return List.of();
        }

        @Override
        public List<Stmt> store(Stmt.Store s) {
            return List.of();
        }

        @Override
        public List<Stmt> block(Stmt.Block s) {
            return s.statements();
        }

        @Override
        public List<Stmt> ifStatement(Stmt.If s) {
            return List.of(s.thenBlock(), s.elseBlock());
        }

        @Override
        public List<Stmt> loop(Stmt.Loop s) {
            List<Stmt> all = new ArrayList<>(s.init());
            all.addAll(s.update());
            all.add(s.body());
            return all;
        }

        @Override
        public List<Stmt> breakStatement(Stmt.Break s) {
            return List.of();
        }

        @Override
        public List<Stmt> continueStatement(Stmt.Continue s) {
            return List.of();
        }

        @Override
        public List<Stmt> returnStatement(Stmt.Return s) {
            return List.of();
        }

        @Override
        public List<Stmt> throwStatement(Stmt.Throw s) {
            return List.of();
        }

        @Override
        public List<Stmt> evaluate(Stmt.Evaluate s) {
            return List.of();
        }

        @Override
        public List<Stmt> push(Stmt.Push s) {
            return List.of();
        }

        @Override
        public List<Stmt> forwardSweep(Stmt.ForwardSweep s) {
            return List.of(s.body());
        }

        @Override
        public List<Stmt> leaveForward(Stmt.LeaveForward s) {
            return List.of();
        }

        @Override
        public List<Stmt> comment(Stmt.Comment s) {
            return List.of();
        }

        @Override
        public List<Stmt> keepSnapshots(Stmt.KeepSnapshots s) {
            return List.of(s.loop());
        }

        @Override
        public List<Stmt> reverseSegments(Stmt.ReverseSegments s) {
            return List.of(s.advance(), s.segment());
        }
    };

    private static final Stmt.Visitor<List<Expr>> EVALUATED = new Stmt.Visitor<>() {
        @Override
        public List<Expr> assign(Stmt.Assign s) {
            return List.of(s.value());
        }

        @Override
        public List<Expr> store(Stmt.Store s) {
            return List.of(s.array(), s.index(), s.value());
        }

        @Override
        public List<Expr> block(Stmt.Block s) {
            return List.of();
        }

        @Override
        public List<Expr> ifStatement(Stmt.If s) {
            return List.of(s.condition());
        }

        @Override
        public List<Expr> loop(Stmt.Loop s) {
            return s.condition() == null ? List.of() : List.of(s.condition());
        }

        @Override
        public List<Expr> breakStatement(Stmt.Break s) {
            return List.of();
        }

        @Override
        public List<Expr> continueStatement(Stmt.Continue s) {
            return List.of();
        }

        @Override
        public List<Expr> returnStatement(Stmt.Return s) {
            return List.of(s.value());
        }

        @Override
        public List<Expr> throwStatement(Stmt.Throw s) {
            return s.message() == null ? List.of() : List.of(s.message());
        }

        @Override
        public List<Expr> evaluate(Stmt.Evaluate s) {
            return List.of(s.call());
        }

        @Override
        public List<Expr> push(Stmt.Push s) {
            return List.of(s.value());
        }

        @Override
        public List<Expr> forwardSweep(Stmt.ForwardSweep s) {
            return List.of();
        }

        @Override
        public List<Expr> leaveForward(Stmt.LeaveForward s) {
            return List.of();
        }

        @Override
        public List<Expr> comment(Stmt.Comment s) {
            return List.of();
        }

        @Override
        public List<Expr> keepSnapshots(Stmt.KeepSnapshots s) {
            List<Expr> evaluated = new ArrayList<>(List.of(s.checkpoints().trips()));
            evaluated.addAll(state(s.checkpoints()));
            return evaluated;
        }

        @Override
        public List<Expr> reverseSegments(Stmt.ReverseSegments s) {
            return state(s.checkpoints());
        }

        /** The state a snapshot keeps, read to keep it (a restore writes it back). */
        private List<Expr> state(Checkpoints checkpoints) {
            List<Expr> state = new ArrayList<>();
            checkpoints.scalars().forEach(v -> state.add(new Expr.Read(v)));
            checkpoints.arrays().forEach(v -> state.add(new Expr.Read(v)));
            return state;
        }
    };
}
