package io.microautograd.processor.parse;

import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.StatementTree;
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

    Stmt.Loop loop(StatementTree tree) {
        body.scope().enter();
        try {
            if (tree instanceof ForLoopTree loop) {
                List<Stmt> init = new ArrayList<>();
                for (StatementTree statement : loop.getInitializer()) {
                    body.statement(statement, init);
                }
                Expr condition = loop.getCondition() == null ? null : body.expressions().condition(loop.getCondition());
                List<Stmt> update = new ArrayList<>();
                for (ExpressionStatementTree statement : loop.getUpdate()) {
                    update.add(body.expressionStatement(statement.getExpression(), statement));
                }
                return new Stmt.Loop(Stmt.LoopKind.FOR, List.copyOf(init), condition, List.copyOf(update),
                        body.nested(loop.getStatement()), header(tree, "for (" + loop.getInitializer() + "; "
                        + loop.getCondition() + "; " + loop.getUpdate().stream()
                        .map(u -> u.getExpression().toString()).collect(Collectors.joining(", ")) + ")"));
            }
            if (tree instanceof WhileLoopTree loop) {
                return new Stmt.Loop(Stmt.LoopKind.WHILE, List.of(), body.expressions().condition(loop.getCondition()),
                        List.of(), body.nested(loop.getStatement()), header(tree, "while " + loop.getCondition()));
            }
            if (tree instanceof DoWhileLoopTree loop) {
                Stmt.Block loopBody = body.nested(loop.getStatement());
                return new Stmt.Loop(Stmt.LoopKind.DO_WHILE, List.of(),
                        body.expressions().condition(loop.getCondition()), List.of(), loopBody,
                        header(tree, "do ... while " + loop.getCondition()));
            }
            return enhancedFor((EnhancedForLoopTree) tree);
        } finally {
            body.scope().exit();
        }
    }

    private Stmt.Loop enhancedFor(EnhancedForLoopTree tree) {
        Expr array = body.expressions().read(tree.getExpression());
        Optional<Type> declared = LocalTypes.of(tree.getVariable().getType());
        if (!array.type().hasElements() || !(array instanceof Expr.Read || array instanceof Expr.Element)
                || declared.isEmpty() || declared.get() != array.type().elementType()) {
            throw new Rejection(Tag.UNSUPPORTED_LOOP, tree, "enhanced for over " + tree.getExpression() + "; loop "
                    + "with a double variable over a double[] variable, a double[] variable over a double[][], "
                    + "or an int variable over an int[] parameter");
        }
        String name = tree.getVariable().getName().toString();
        Variable index = body.scope().introduce(name + "Index", Type.INT);
        Variable element = body.scope().declare(name, declared.get(), Variable.Role.LOCAL);
        Stmt.Origin origin = header(tree, "for (" + tree.getVariable() + " : " + tree.getExpression() + ")");
        List<Stmt> statements = new ArrayList<>();
        statements.add(new Stmt.Assign(element, new Expr.Element(array, Exprs.read(index)), true, origin));
        statements.addAll(body.nested(tree.getStatement()).statements());
        return new Stmt.Loop(Stmt.LoopKind.FOR, List.of(new Stmt.Assign(index, Exprs.lit(0), true, origin)),
                Exprs.binary(BinaryOp.LT, Exprs.read(index), new Expr.Length(array)),
                List.of(new Stmt.Assign(index, Exprs.add(Exprs.read(index), Exprs.lit(1)), false, origin)),
                Stmt.Block.of(statements), origin);
    }

    private Stmt.Origin header(StatementTree tree, String text) {
        return body.origin(tree, text);
    }
}
