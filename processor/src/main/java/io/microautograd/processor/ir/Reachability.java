package io.microautograd.processor.ir;

import java.util.List;

/** Java's rule for whether a statement can complete normally, for the subset's statements. */
public final class Reachability {

    private Reachability() {
    }

    /** Whether running {@code s} can go on to the statement after it. */
    public static boolean canCompleteNormally(Stmt s) {
        return s.accept(COMPLETES);
    }

    private static final Stmt.Visitor<Boolean> COMPLETES = new SourceVisitor<>() {
        @Override
        public Boolean assign(Stmt.Assign s) {
            return true;
        }

        @Override
        public Boolean store(Stmt.Store s) {
            return true;
        }

        @Override
        public Boolean block(Stmt.Block s) {
            List<Stmt> statements = s.statements();
            return statements.isEmpty() || statements.get(statements.size() - 1).accept(this);
        }

        @Override
        public Boolean ifStatement(Stmt.If s) {
            return s.thenBlock().accept(this) || s.elseBlock().accept(this);
        }

        @Override
        public Boolean loop(Stmt.Loop s) {
            boolean alwaysTrue = s.condition() == null
                    || s.condition() instanceof Expr.Literal lit && lit.text().equals("true");
            return !alwaysTrue || Iteration.of(s.body()).breaks();
        }

        @Override
        public Boolean breakStatement(Stmt.Break s) {
            return false;
        }

        @Override
        public Boolean continueStatement(Stmt.Continue s) {
            return false;
        }

        @Override
        public Boolean returnStatement(Stmt.Return s) {
            return false;
        }

        @Override
        public Boolean throwStatement(Stmt.Throw s) {
            return false;
        }
    };
}
