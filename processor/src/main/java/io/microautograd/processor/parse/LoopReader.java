package io.microautograd.processor.parse;

import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Exprs;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the four loop forms. An enhanced {@code for} over an array becomes a counted
 * {@code for} over its indices whose body starts by reading the element.
 */
final class LoopReader {

    private final BodyReader body;

    LoopReader(BodyReader body) {
        this.body = body;
    }

    /**
     * Reads a loop. A rejected part of its header is recorded and the rest still read, its body
     * included, before the loop is given up.
     */
    Stmt.Loop loop(StatementTree tree) {
        body.scope().enter();
        try {
            if (tree instanceof ForLoopTree loop) {
                return forLoop(loop);
            }
            if (tree instanceof WhileLoopTree loop) {
                Expr condition = attempt(() -> body.expressions().condition(loop.getCondition()));
                Stmt.Block loopBody = body.nested(loop.getStatement());
                return new Stmt.Loop(Stmt.LoopKind.WHILE, List.of(), whole(condition), List.of(), loopBody,
                        header(tree, "while " + loop.getCondition()));
            }
            if (tree instanceof DoWhileLoopTree loop) {
                Stmt.Block loopBody = body.nested(loop.getStatement());
                Expr condition = attempt(() -> body.expressions().condition(loop.getCondition()));
                return new Stmt.Loop(Stmt.LoopKind.DO_WHILE, List.of(), whole(condition), List.of(), loopBody,
                        header(tree, "do ... while " + loop.getCondition()));
            }
            return enhancedFor((EnhancedForLoopTree) tree);
        } finally {
            body.scope().exit();
        }
    }

    private Stmt.Loop forLoop(ForLoopTree loop) {
        boolean whole = true;
        List<Stmt> init = new ArrayList<>();
        for (StatementTree statement : loop.getInitializer()) {
            whole &= body.rejections().attempt(() -> body.statement(statement, init));
        }
        Expr condition = loop.getCondition() == null ? null
                : attempt(() -> body.expressions().condition(loop.getCondition()));
        whole &= loop.getCondition() == null || condition != null;
        List<Stmt> update = new ArrayList<>();
        for (ExpressionStatementTree statement : loop.getUpdate()) {
            Stmt read = attempt(() -> body.expressionStatement(statement.getExpression(), statement));
            whole &= read != null;
            update.add(read);
        }
        Stmt.Block loopBody = body.nested(loop.getStatement());
        if (!whole) {
            throw new Rejections.Abandoned();
        }
        return new Stmt.Loop(Stmt.LoopKind.FOR, List.copyOf(init), condition, List.copyOf(update), loopBody,
                header(loop, "for (" + loop.getInitializer() + "; " + loop.getCondition() + "; " + loop.getUpdate()
                        .stream().map(u -> u.getExpression().toString()).collect(Collectors.joining(", ")) + ")"));
    }

    private Stmt.Loop enhancedFor(EnhancedForLoopTree tree) {
        String name = tree.getVariable().getName().toString();
        Expr array = attempt(() -> {
            Expr iterated = body.expressions().read(tree.getExpression());
            Tree written = tree.getVariable().getType();
            Optional<Type> declared = written == null && iterated.type().hasElements()
                    ? Optional.of(iterated.type().elementType()) : LocalTypes.of(written);
            if (!iterated.type().hasElements() || !(iterated instanceof Expr.Read || iterated instanceof Expr.Element)
                    || declared.isEmpty() || declared.get() != iterated.type().elementType()) {
                throw new Rejection(Tag.UNSUPPORTED_LOOP, tree, "enhanced for over "
                        + body.source().of(tree.getExpression()) + "; loop with a double variable over a double[] "
                        + "variable, a double[] variable over a double[][], or an int variable over an int[] parameter");
            }
            return iterated;
        });
        if (array == null) {
            body.scope().declareRejected(name);
            body.nested(tree.getStatement());
            throw new Rejections.Abandoned();
        }
        Variable index = body.scope().introduce(name + "Index", Type.INT);
        Variable element = body.scope().declare(name, array.type().elementType(), Variable.Role.LOCAL);
        Stmt.Origin origin = header(tree, "for (" + tree.getVariable() + " : " + tree.getExpression() + ")");
        List<Stmt> statements = new ArrayList<>();
        statements.add(new Stmt.Assign(element, new Expr.Element(array, Exprs.read(index)), true, origin));
        statements.addAll(body.nested(tree.getStatement()).statements());
        return new Stmt.Loop(Stmt.LoopKind.FOR, List.of(new Stmt.Assign(index, Exprs.lit(0), true, origin)),
                Exprs.binary(BinaryOp.LT, Exprs.read(index), new Expr.Length(array)),
                List.of(new Stmt.Assign(index, Exprs.add(Exprs.read(index), Exprs.lit(1)), false, origin)),
                Stmt.Block.of(statements), origin);
    }

    private <T> T attempt(java.util.function.Supplier<T> part) {
        return body.rejections().attempt(part);
    }

    /** A loop condition read in full; the loop is given up when it was rejected. */
    private static Expr whole(Expr condition) {
        if (condition == null) {
            throw new Rejections.Abandoned();
        }
        return condition;
    }

    private Stmt.Origin header(StatementTree tree, String text) {
        return body.origin(tree, text);
    }
}
