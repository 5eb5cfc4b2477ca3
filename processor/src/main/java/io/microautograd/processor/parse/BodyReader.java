package io.microautograd.processor.parse;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads the body of a {@code @Differentiable} method into the IR: the fence that admits the
 * supported subset of Java and rejects everything else at the exact tree.
 */
public final class BodyReader {

    private final Scope scope = new Scope();
    private final ExpressionReader expressions;
    private final LoopReader loops = new LoopReader(this);
    private int loopDepth;
    private final CompilationUnitTree unit;
    private final SourcePositions positions;

    private BodyReader(Trees trees, Elements elements, FactsReader facts, TypeElement enclosingClass,
            CompilationUnitTree unit) {
        this.unit = unit;
        this.positions = trees.getSourcePositions();
        this.expressions = new ExpressionReader(scope, new Symbols(elements, facts, enclosingClass, unit));
    }

    /**
     * Reads an annotated method into a function, with the source trees of its calls.
     *
     * @param facts the facts of the differentiable methods it may call that were compiled elsewhere
     * @throws Rejection at the first construct outside the subset
     */
    public static ParsedMethod read(Trees trees, Elements elements, FactsReader facts, ExecutableElement method,
            MethodTree tree, CompilationUnitTree unit) {
        Signature signature = Signature.of(method, tree);
        BodyReader reader = new BodyReader(trees, elements, facts, (TypeElement) method.getEnclosingElement(), unit);
        List<Variable> parameters = new ArrayList<>();
        Set<Variable> differentiated = new LinkedHashSet<>();
        for (int i = 0; i < signature.types().size(); i++) {
            Variable parameter = reader.scope.declare(tree.getParameters().get(i).getName().toString(),
                    signature.types().get(i), Variable.Role.PARAMETER);
            parameters.add(parameter);
            if (signature.differentiated().get(i)) {
                differentiated.add(parameter);
            }
        }
        Stmt.Block body = reader.block(tree.getBody());
        Function function = new Function(method.getSimpleName().toString(), List.copyOf(parameters),
                Set.copyOf(differentiated), body, reader.scope.nextId());
        return new ParsedMethod(function, reader.expressions.callSites());
    }

    /** Reads a block in a scope of its own. */
    Stmt.Block block(BlockTree tree) {
        scope.enter();
        List<Stmt> statements = new ArrayList<>();
        for (StatementTree statement : tree.getStatements()) {
            statement(statement, statements);
        }
        scope.exit();
        return Stmt.Block.of(statements);
    }

    /** Reads a statement that forms a block of its own (a branch or a loop body). */
    Stmt.Block nested(StatementTree tree) {
        if (tree instanceof BlockTree block) {
            return block(block);
        }
        scope.enter();
        List<Stmt> statements = new ArrayList<>();
        statement(tree, statements);
        scope.exit();
        return Stmt.Block.of(statements);
    }

    void statement(StatementTree tree, List<Stmt> out) {
        switch (tree.getKind()) {
            case BLOCK:
                out.add(block((BlockTree) tree));
                break;
            case EMPTY_STATEMENT:
                break;
            case VARIABLE:
                declaration((VariableTree) tree, out);
                break;
            case EXPRESSION_STATEMENT:
                out.add(expressionStatement(((ExpressionStatementTree) tree).getExpression(), tree));
                break;
            case IF:
                IfTree ifTree = (IfTree) tree;
                Expr condition = expressions.condition(ifTree.getCondition());
                Stmt.Block thenBlock = nested(ifTree.getThenStatement());
                Stmt.Block elseBlock = ifTree.getElseStatement() == null ? Stmt.Block.of(List.of())
                        : nested(ifTree.getElseStatement());
                out.add(new Stmt.If(condition, thenBlock, elseBlock, origin(tree, "if " + ifTree.getCondition())));
                break;
            case RETURN:
                if (loopDepth > 0) {
                    throw new Rejection(Tag.UNSUPPORTED_LOOP, tree, "return inside a loop is not supported; keep "
                            + "the result in a variable, break out of the loop and return after it");
                }
                out.add(new Stmt.Return(expressions.numeric(((ReturnTree) tree).getExpression()), origin(tree)));
                break;
            default:
                loopOrReject(tree, out);
        }
    }

    private void loopOrReject(StatementTree tree, List<Stmt> out) {
        switch (tree.getKind()) {
            case FOR_LOOP:
            case ENHANCED_FOR_LOOP:
            case WHILE_LOOP:
            case DO_WHILE_LOOP:
                loopDepth++;
                out.add(loops.loop(tree));
                loopDepth--;
                break;
            case BREAK:
            case CONTINUE:
                boolean isBreak = tree.getKind() == Tree.Kind.BREAK;
                Name label = isBreak ? ((BreakTree) tree).getLabel() : ((ContinueTree) tree).getLabel();
                if (label != null) {
                    throw new Rejection(Tag.UNSUPPORTED_LOOP, tree, "labeled " + (isBreak ? "break" : "continue")
                            + " is not supported; break and continue the innermost loop only");
                }
                out.add(isBreak ? new Stmt.Break(origin(tree)) : new Stmt.Continue(origin(tree)));
                break;
            default:
                String kind = tree.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                throw new Rejection(Tag.UNSUPPORTED_STATEMENT, tree, kind + (kind.endsWith("statement") ? "" : " statement")
                        + " is not supported; use local variables, assignments, if/else, loops and return");
        }
    }

    private void declaration(VariableTree tree, List<Stmt> out) {
        if (IntArrays.isIntArray(tree.getType())) {
            throw tree.getInitializer() instanceof NewArrayTree allocation ? IntArrays.allocation(allocation)
                    : IntArrays.local(tree);
        }
        Optional<Type> type = LocalTypes.of(tree.getType());
        if (type.isEmpty()) {
            String declared = tree.getType() == null ? "is declared with var" : "has type " + tree.getType();
            throw new Rejection(Tag.UNSUPPORTED_TYPE, tree.getType() == null ? tree : tree.getType(), "local "
                    + tree.getName() + " " + declared + "; supported local types are " + Types.SUPPORTED
                    + ", written out");
        }
        Expr init = tree.getInitializer() == null ? null : initializer(type.get(), tree.getInitializer());
        if (type.get().isArray() && (init == null || loopDepth > 0 && !isReference(init))) {
            throw new Rejection(Tag.UNSUPPORTED_ARRAY, tree, init == null
                    ? "array local " + tree.getName() + " needs an initial value; declare it with new, {...} or "
                            + "another array"
                    : "array local " + tree.getName() + " is allocated inside a loop; allocate it before the loop "
                            + "(inside loops, array locals may only refer to existing arrays or rows)");
        }
        Variable variable = scope.declare(tree.getName().toString(), type.get(), Variable.Role.LOCAL);
        if (init != null) {
            out.add(new Stmt.Assign(variable, init, true, origin(tree)));
        }
    }

    private Expr initializer(Type type, ExpressionTree tree) {
        if (type.isArray()) {
            return expressions.arrayValue(type, tree);
        }
        return assignable(type, expressions.read(tree), tree);
    }

    private static boolean isReference(Expr e) {
        return e instanceof Expr.Read || e instanceof Expr.Element;
    }

    /** Reads an expression statement: an assignment, a compound assignment or an increment. */
    Stmt expressionStatement(ExpressionTree tree, StatementTree statement) {
        switch (tree.getKind()) {
            case ASSIGNMENT: {
                AssignmentTree assignment = (AssignmentTree) tree;
                return assignment(assignment.getVariable(), expressions.read(assignment.getExpression()),
                        assignment.getExpression(), statement);
            }
            case PREFIX_INCREMENT:
            case POSTFIX_INCREMENT:
            case PREFIX_DECREMENT:
            case POSTFIX_DECREMENT: {
                ExpressionTree target = ((UnaryTree) tree).getExpression();
                boolean up = tree.getKind() == Tree.Kind.PREFIX_INCREMENT
                        || tree.getKind() == Tree.Kind.POSTFIX_INCREMENT;
                Expr current = expressions.numeric(target);
                Expr updated = new Expr.Binary(up ? BinaryOp.ADD : BinaryOp.SUB, current,
                        new Expr.Literal("1", Type.INT));
                return assignment(target, narrowed(current.type(), updated), tree, statement);
            }
            default:
                if (tree instanceof CompoundAssignmentTree compound) {
                    BinaryOp op = Operators.binary(tree.getKind()).orElseThrow(() -> new Rejection(
                            Tag.UNSUPPORTED_EXPRESSION, tree, "operator " + Operators.symbol(tree)
                            + " is not supported; use += -= *= /= %="));
                    Expr current = expressions.numeric(compound.getVariable());
                    Expr operand = expressions.numeric(compound.getExpression());
                    if (op == BinaryOp.REM && Type.promote(current.type(), operand.type()) == Type.DOUBLE) {
                        throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "%= on double values has no "
                                + "derivative rule; use % on int or long values only");
                    }
                    Expr updated = narrowed(current.type(), new Expr.Binary(op, current, operand));
                    return assignment(compound.getVariable(), updated, tree, statement);
                }
                throw new Rejection(Tag.UNSUPPORTED_STATEMENT, tree, "expression statement " + tree
                        + " is not supported; statements may assign, increment, branch, loop or return");
        }
    }

    /** A compound assignment's implicit cast back to the variable's type. */
    private static Expr narrowed(Type target, Expr value) {
        return value.type() == target ? value : new Expr.Cast(target, value);
    }

    private Stmt assignment(ExpressionTree target, Expr value, Tree valueTree, StatementTree statement) {
        if (target instanceof IdentifierTree identifier) {
            Variable variable = scope.lookup(identifier.getName().toString()).orElseThrow(() -> new Rejection(
                    Tag.UNKNOWN_NAME, target, "assignment to " + target + ", which is not a local variable or "
                    + "parameter; a differentiable method may assign only those"));
            if (variable.type() == Type.INT_ARRAY) {
                throw IntArrays.write(target);
            }
            if (variable.type().isArray()) {
                throw new Rejection(Tag.UNSUPPORTED_ARRAY, statement, "array variable " + variable.name()
                        + " is assigned again; declare a new array variable instead");
            }
            return new Stmt.Assign(variable, assignable(variable.type(), value, valueTree), false,
                    origin(statement));
        }
        if (target instanceof ArrayAccessTree access) {
            Expr element = expressions.read(access);
            if (((Expr.Element) element).array().type() == Type.INT_ARRAY) {
                throw IntArrays.write(target);
            }
            if (element.type() != Type.DOUBLE) {
                throw new Rejection(Tag.UNSUPPORTED_ARRAY, target, "assignment of a row to " + target
                        + "; assign elements of arrays one by one");
            }
            Expr.Element slot = (Expr.Element) element;
            return new Stmt.Store(slot.array(), slot.index(), assignable(Type.DOUBLE, value, valueTree),
                    origin(statement));
        }
        throw new Rejection(Tag.UNSUPPORTED_STATEMENT, target, "assignment to " + target
                + "; only local variables, parameters and array elements can be assigned");
    }

    /** Checks Java's assignment conversion for the subset's types. */
    static Expr assignable(Type target, Expr value, Tree at) {
        boolean widening = target.isNumeric() && value.type().isNumeric()
                && Type.promote(target, value.type()) == target;
        if (value.type() != target && !widening) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, at, "a " + value.type().javaName()
                    + " value assigned to a " + target.javaName() + "; add a cast or change the variable's type");
        }
        return value;
    }

    Stmt.Origin origin(Tree tree) {
        return origin(tree, tree.toString());
    }

    /** Where a tree starts, described by {@code text} on one line. */
    Stmt.Origin origin(Tree tree, String text) {
        LineMap lines = unit.getLineMap();
        long line = lines.getLineNumber(positions.getStartPosition(unit, tree));
        return new Stmt.Origin(line, text.replaceAll("\\s+", " ").trim());
    }

    Scope scope() {
        return scope;
    }

    ExpressionReader expressions() {
        return expressions;
    }
}
