package io.microautograd.processor.emit;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each local of a generated method is declared. The IR has no declarations; a variable is
 * declared at its first assignment when that assignment is a statement directly in the innermost
 * block (or for-loop header) holding every use, and otherwise at the top of the method. Variables
 * read in both sweeps are therefore declared at the top, values used in one place stay local. The
 * iterations a round of a checkpointed loop's reversal goes from and to are declared by the round.
 */
final class Declarations {

    private final Map<Variable, List<Object>> commonScope = new LinkedHashMap<>();
    private final Map<Variable, Stmt.Assign> firstAssignment = new LinkedHashMap<>();
    private final Map<Variable, Object> firstStatementScope = new LinkedHashMap<>();
    private final Set<Variable> seen = new LinkedHashSet<>();
    private final Set<Stmt.Assign> inline = new HashSet<>();
    private final List<Variable> hoisted = new ArrayList<>();
    private final Set<Variable> declaredInPlace = new HashSet<>();

    /**
     * Finds the declaration point of every variable of {@code body} not in {@code parameters}.
     *
     * @param readAtReturn variables that generated code reads at the method's return, beyond the body
     */
    static Declarations of(Stmt.Block body, Set<Variable> parameters, Set<Variable> readAtReturn) {
        Declarations d = new Declarations();
        d.block(body, new ArrayList<>());
        readAtReturn.forEach(v -> d.use(v, List.of(body)));
        for (Variable v : d.seen) {
            if (parameters.contains(v) || d.declaredInPlace.contains(v)) {
                continue;
            }
            List<Object> scope = d.commonScope.get(v);
            Stmt.Assign first = d.firstAssignment.get(v);
            if (first != null && !scope.isEmpty() && scope.get(scope.size() - 1) == d.firstStatementScope.get(v)) {
                d.inline.add(first);
            } else {
                d.hoisted.add(v);
            }
        }
        return d;
    }

    /** Whether this assignment declares its variable. */
    boolean declares(Stmt.Assign assign) {
        return inline.contains(assign);
    }

    /** The variables declared, zero-initialized, at the top of the method, in order of first use. */
    List<Variable> hoisted() {
        return hoisted;
    }

    private void block(Stmt.Block block, List<Object> path) {
        List<Object> inner = new ArrayList<>(path);
        inner.add(block);
        for (Stmt s : block.statements()) {
            statement(s, inner, block);
        }
    }

    private void statement(Stmt s, List<Object> path, Object directScope) {
        s.accept(new Stmt.Visitor<Void>() {
            @Override
            public Void assign(Stmt.Assign a) {
                expression(a.value(), path);
                if (!seen.contains(a.target())) {
                    firstAssignment.put(a.target(), a);
                    firstStatementScope.put(a.target(), directScope);
                }
                use(a.target(), path);
                return null;
            }

            @Override
            public Void store(Stmt.Store st) {
                return evaluated(st);
            }

            @Override
            public Void block(Stmt.Block b) {
                Declarations.this.block(b, path);
                return null;
            }

            @Override
            public Void ifStatement(Stmt.If i) {
                expression(i.condition(), path);
                Declarations.this.block(i.thenBlock(), path);
                Declarations.this.block(i.elseBlock(), path);
                return null;
            }

            @Override
            public Void loop(Stmt.Loop l) {
                List<Object> inner = new ArrayList<>(path);
                inner.add(l);
                for (Stmt init : l.init()) {
                    statement(init, inner, l.init().size() == 1 ? l : null);
                }
                if (l.condition() != null) {
                    expression(l.condition(), inner);
                }
                for (Stmt update : l.update()) {
                    statement(update, inner, null);
                }
                Declarations.this.block(l.body(), inner);
                return null;
            }

            @Override
            public Void breakStatement(Stmt.Break b) {
                return null;
            }

            @Override
            public Void continueStatement(Stmt.Continue c) {
                return null;
            }

            @Override
            public Void returnStatement(Stmt.Return r) {
                return evaluated(r);
            }

            @Override
            public Void throwStatement(Stmt.Throw t) {
                return evaluated(t);
            }

            @Override
            public Void evaluate(Stmt.Evaluate e) {
                return evaluated(e);
            }

            @Override
            public Void push(Stmt.Push p) {
                return evaluated(p);
            }

            @Override
            public Void forwardSweep(Stmt.ForwardSweep f) {
                Declarations.this.block(f.body(), path);
                return null;
            }

            @Override
            public Void leaveForward(Stmt.LeaveForward l) {
                return null;
            }

            @Override
            public Void comment(Stmt.Comment c) {
                return null;
            }

            @Override
            public Void keepSnapshots(Stmt.KeepSnapshots k) {
                evaluated(k);
                return loop(k.loop());
            }

            @Override
            public Void reverseSegments(Stmt.ReverseSegments r) {
                List<Object> inner = new ArrayList<>(path);
                inner.add(r);
                IrWalk.expressionsOf(r).forEach(e -> expression(e, inner));
                declaredInPlace.addAll(List.of(r.from(), r.target(), r.segmentEnd()));
                statement(r.advance(), inner, null);
                Declarations.this.block(r.segment(), inner);
                return null;
            }

            /** A statement that declares nothing and only evaluates its expressions. */
            private Void evaluated(Stmt s) {
                IrWalk.expressionsOf(s).forEach(e -> expression(e, path));
                return null;
            }
        });
    }

    private void expression(Expr e, List<Object> path) {
        if (e instanceof Expr.Read r) {
            use(r.variable(), path);
        }
        for (Expr child : IrWalk.children(e)) {
            expression(child, path);
        }
    }

    private void use(Variable v, List<Object> path) {
        seen.add(v);
        List<Object> common = commonScope.get(v);
        if (common == null) {
            commonScope.put(v, new ArrayList<>(path));
            return;
        }
        int n = 0;
        while (n < common.size() && n < path.size() && common.get(n) == path.get(n)) {
            n++;
        }
        common.subList(n, common.size()).clear();
    }
}
