package io.microautograd.processor.parse;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
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
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import io.microautograd.Differentiable;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Exprs;
import io.microautograd.processor.ir.FloatTyping;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads the body of a {@code @Differentiable} method into the IR: the fence that admits the
 * supported subset of Java and rejects everything else at the exact tree. After a rejection it
 * reads on, statement by statement and operand by operand, so that one compile reports every
 * unsupported construct of the method ({@link Rejections}).
 */
public final class BodyReader {

    private final Scope scope = new Scope();
    private final Rejections rejections;
    private final SourceText source;
    private final ExpressionReader expressions;
    private final LoopReader loops = new LoopReader(this);
    private final GuardReader guards = new GuardReader(this);
    private final SwitchReader switches = new SwitchReader(this);
    private final Map<Stmt.Loop, Tree> loopSites = new HashMap<>();
    private int loopDepth;
    private final CompilationUnitTree unit;
    private final SourcePositions positions;

    private BodyReader(Trees trees, Elements elements, FactsReader facts, CustomRules rules,
            TypeElement enclosingClass, CompilationUnitTree unit, int order, Rejections rejections) {
        this.unit = unit;
        this.positions = trees.getSourcePositions();
        this.rejections = rejections;
        this.source = new SourceText(trees, unit);
        this.expressions = new ExpressionReader(scope, new Symbols(elements, facts, rules, enclosingClass, unit,
                order),
                rejections, source);
    }

    /**
     * Reads an annotated method into a function, with the source trees of its calls.
     *
     * @param facts the facts of the differentiable methods it may call that were compiled elsewhere
     * @param rules the users' derivatives of the methods it may call
     * @throws MethodRejected with every construct outside the subset, when there is one
     */
    public static ParsedMethod read(Trees trees, Elements elements, FactsReader facts, CustomRules rules,
            ExecutableElement method, MethodTree tree, CompilationUnitTree unit) {
        Rejections rejections = new Rejections();
        Signature signature = Signature.of(method, tree, rejections);
        int order = DerivativeOrder.of(method, tree, rejections);
        OutputArrays.checkSignature(method, tree, signature.types(), order, rejections);
        if (tree.getBody() == null) {
            throw new MethodRejected(rejections.all());
        }
        BodyReader reader = new BodyReader(trees, elements, facts, rules, (TypeElement) method.getEnclosingElement(),
                unit, order, rejections);
        List<Variable> parameters = new ArrayList<>();
        Set<Variable> differentiated = new LinkedHashSet<>();
        for (int i = 0; i < signature.types().size(); i++) {
            String name = tree.getParameters().get(i).getName().toString();
            Type type = signature.types().get(i);
            if (type == null) {
                reader.scope.declareRejected(name);
                continue;
            }
            Variable parameter = reader.scope.declare(name, type, Variable.Role.PARAMETER);
            parameters.add(parameter);
            if (signature.differentiated().get(i)) {
                differentiated.add(parameter);
            }
        }
        Stmt.Block body = reader.block(tree.getBody());
        List<Variable> outputs = OutputArrays.of(method, tree, parameters, body, rejections);
        if (!rejections.isEmpty()) {
            throw new MethodRejected(rejections.all());
        }
        Function function = new Function(method.getSimpleName().toString(), List.copyOf(parameters),
                Set.copyOf(differentiated), order, body, reader.scope.nextId(),
                method.getAnnotation(Differentiable.class).checkpoints(), outputs);
        return new ParsedMethod(function, reader.expressions.callSites(), reader.loopSites);
    }

    /** Reads a block in a scope of its own. */
    Stmt.Block block(BlockTree tree) {
        scope.enter();
        List<Stmt> statements = new ArrayList<>();
        for (StatementTree statement : tree.getStatements()) {
            rejections.attempt(() -> statement(statement, statements));
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
        rejections.attempt(() -> statement(tree, statements));
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
                Expr condition = rejections.attempt(() -> expressions.condition(ifTree.getCondition()));
                Stmt.Block thenBlock = nested(ifTree.getThenStatement());
                Stmt.Block elseBlock = ifTree.getElseStatement() == null ? Stmt.Block.of(List.of())
                        : nested(ifTree.getElseStatement());
                if (condition == null) {
                    throw new Rejections.Abandoned();
                }
                out.add(new Stmt.If(condition, thenBlock, elseBlock, origin(tree, "if " + ifTree.getCondition())));
                break;
            case THROW:
                out.add(guards.read((ThrowTree) tree));
                break;
            case SWITCH:
                out.addAll(switches.statement((SwitchTree) tree, loopDepth));
                break;
            case YIELD:
                out.addAll(switches.yield((YieldTree) tree, loopDepth));
                break;
            case RETURN:
                returnStatement((ReturnTree) tree, out);
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
                try {
                    Stmt.Loop loop = loops.loop(tree);
                    loopSites.put(loop, tree);
                    out.add(loop);
                } finally {
                    loopDepth--;
                }
                break;
            case BREAK:
            case CONTINUE:
                boolean isBreak = tree.getKind() == Tree.Kind.BREAK;
                Name label = isBreak ? ((BreakTree) tree).getLabel() : ((ContinueTree) tree).getLabel();
                if (label != null) {
                    throw new Rejection(Tag.UNSUPPORTED_LOOP, tree, "labeled " + (isBreak ? "break" : "continue")
                            + " is not supported; break and continue the innermost loop or switch only");
                }
                if (isBreak && switches.breaksSwitch(loopDepth)) {
                    out.add(switches.exit(tree));
                } else {
                    out.add(isBreak ? new Stmt.Break(origin(tree)) : new Stmt.Continue(origin(tree)));
                }
                break;
            default:
                String kind = tree.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                throw new Rejection(Tag.UNSUPPORTED_STATEMENT, tree, kind + (kind.endsWith("statement") ? "" : " statement")
                        + " is not supported; use local variables, assignments, if/else, loops and return");
        }
    }

    private void returnStatement(ReturnTree tree, List<Stmt> out) {
        if (loopDepth > 0) {
            throw new Rejection(Tag.UNSUPPORTED_LOOP, tree, "return inside a loop is not supported; keep "
                    + "the result in a variable, break out of the loop and return after it");
        }
        if (tree.getExpression() instanceof SwitchExpressionTree choice) {
            Variable result = scope.introduce("result", Type.DOUBLE);
            out.addAll(switches.assigned(choice, result, loopDepth));
            out.add(new Stmt.Return(Exprs.read(result), origin(tree, source.of(tree))));
            return;
        }
        out.add(new Stmt.Return(expressions.numeric(tree.getExpression()), origin(tree)));
    }

    /**
     * A local's declaration. When its type is rejected, later uses of the name are given up
     * silently; when only its initial value is, the variable is declared all the same, so that
     * its uses are read and checked.
     */
    private void declaration(VariableTree tree, List<Stmt> out) {
        String name = tree.getName().toString();
        if (tree.getType() == null) {
            inferredDeclaration(tree, out);
            return;
        }
        final Type type;
        try {
            type = declaredType(tree);
        } catch (Rejection rejection) {
            scope.declareRejected(name);
            throw rejection;
        }
        if (tree.getInitializer() instanceof SwitchExpressionTree choice && !type.isArray()) {
            out.addAll(switches.assigned(choice, scope.declare(name, type, Variable.Role.LOCAL), loopDepth));
            return;
        }
        Expr init = tree.getInitializer() == null ? null
                : rejections.attempt(() -> initializer(type, tree.getInitializer()));
        boolean initRejected = tree.getInitializer() != null && init == null;
        if (type.isArray() && !initRejected && (init == null || loopDepth > 0 && !isReference(init))) {
            scope.declareRejected(name);
            throw new Rejection(Tag.UNSUPPORTED_ARRAY, tree, init == null
                    ? "array local " + name + " needs an initial value; declare it with new, {...} or another array"
                    : "array local " + name + " is allocated inside a loop; allocate it before the loop "
                            + "(inside loops, array locals may only refer to existing arrays or rows)");
        }
        Variable variable = scope.declare(name, type, Variable.Role.LOCAL);
        if (initRejected) {
            throw new Rejections.Abandoned();
        }
        if (init != null) {
            out.add(new Stmt.Assign(variable, init, true, origin(tree)));
        }
    }

    /**
     * A local declared with {@code var}: its type is its initial value's, as Java infers it, and
     * the rules of a local of that type written out apply.
     */
    private void inferredDeclaration(VariableTree tree, List<Stmt> out) {
        String name = tree.getName().toString();
        ExpressionTree initializer = tree.getInitializer();
        if (initializer instanceof SwitchExpressionTree) {
            scope.declareRejected(name);
            throw new Rejection(Tag.UNSUPPORTED_TYPE, tree, "var takes its type from a switch expression here; "
                    + "declare " + name + " with its type (double, int or long)");
        }
        Expr init;
        try {
            init = initializer instanceof NewArrayTree allocation && allocation.getType() != null
                    ? expressions.arrayValue(allocatedType(allocation), allocation)
                    : expressions.read(initializer);
        } catch (Rejection | Rejections.Abandoned failure) {
            scope.declareRejected(name);
            throw failure;
        }
        if (init.type() == Type.INT_ARRAY) {
            scope.declareRejected(name);
            throw IntArrays.local(tree, "int[] (by var)");
        }
        if (FloatTyping.isFloat(init)) {
            scope.declareRejected(name);
            throw new Rejection(Tag.UNSUPPORTED_TYPE, tree, "var makes " + name + " a float local, from "
                    + source.of(initializer) + "; float locals are not supported: declare " + name
                    + " double, or int or long");
        }
        Type type = init.type();
        if (type.isArray() && (loopDepth > 0 && !isReference(init))) {
            scope.declareRejected(name);
            throw new Rejection(Tag.UNSUPPORTED_ARRAY, tree, "array local " + name + " is allocated inside a loop; "
                    + "allocate it before the loop (inside loops, array locals may only refer to existing arrays or "
                    + "rows)");
        }
        out.add(new Stmt.Assign(scope.declare(name, type, Variable.Role.LOCAL), init, true, origin(tree)));
    }

    /** The array type an allocation makes: {@code new double[n]} a double[], {@code new double[][] {...}} a matrix. */
    private Type allocatedType(NewArrayTree allocation) {
        if (IntArrays.isIntAllocation(allocation)) {
            throw IntArrays.allocation(allocation, source.of(allocation));
        }
        Type element = LocalTypes.of(allocation.getType()).orElse(null);
        int depth = (element == Type.DOUBLE ? 0 : element == Type.DOUBLE_ARRAY ? 1 : 2)
                + Math.max(1, allocation.getDimensions().size());
        if (depth > 2) {
            throw new Rejection(Tag.UNSUPPORTED_ARRAY, allocation, "allocation " + source.of(allocation)
                    + " does not make a double[] or a double[][]");
        }
        return depth == 1 ? Type.DOUBLE_ARRAY : Type.DOUBLE_MATRIX;
    }

    private Type declaredType(VariableTree tree) {
        if (IntArrays.isIntArray(tree.getType())) {
            throw tree.getInitializer() instanceof NewArrayTree allocation
                    ? IntArrays.allocation(allocation, source.of(allocation))
                    : IntArrays.local(tree, source.of(tree.getType()));
        }
        return LocalTypes.of(tree.getType()).orElseThrow(() -> new Rejection(Tag.UNSUPPORTED_TYPE,
                tree.getType() == null ? tree : tree.getType(), "local " + tree.getName() + " "
                + (tree.getType() == null ? "is declared with var" : "has type " + source.of(tree.getType()))
                + "; supported local types are " + Types.SUPPORTED + ", written out"));
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
    Stmt expressionStatement(ExpressionTree tree, Tree statement) {
        switch (tree.getKind()) {
            case ASSIGNMENT: {
                AssignmentTree assignment = (AssignmentTree) tree;
                if (assignment.getExpression() instanceof SwitchExpressionTree choice
                        && assignment.getVariable() instanceof IdentifierTree identifier) {
                    Variable target = scope.lookup(identifier.getName().toString()).orElse(null);
                    if (target != null && target.type().isNumeric()) {
                        return Stmt.Block.of(switches.assigned(choice, target, loopDepth));
                    }
                }
                Expr value = rejections.attempt(() -> expressions.read(assignment.getExpression()));
                return assignment(assignment.getVariable(), value, assignment.getExpression(), statement);
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
                    return compoundAssignment(compound, statement);
                }
                Optional<ExpressionReader.NestedGradient> gradient = expressions.nestedGradient(tree);
                if (gradient.isPresent()) {
                    return nestedGradient(gradient.get(), statement);
                }
                throw new Rejection(Tag.UNSUPPORTED_STATEMENT, tree, "expression statement " + source.of(tree)
                        + " is not supported; statements may assign, increment, branch, loop or return");
        }
    }

    /**
     * {@code FGrad.f(parameters, gradient)}: the storage's length checked as {@code f}'s gradient
     * method checks it, then each slot of the gradient gets its partial added.
     */
    private Stmt nestedGradient(ExpressionReader.NestedGradient gradient, Tree statement) {
        int slots = gradient.partials().size();
        Expr length = new Expr.Length(new Expr.Read(gradient.storage()));
        String text = gradient.storage().name() + " must have length " + slots
                + " (one slot per differentiated scalar: " + gradient.slotNames() + ") but has length ";
        Stmt.Throw wrongLength = new Stmt.Throw(IllegalArgumentException.class.getName(),
                new Expr.Binary(BinaryOp.ADD, new Expr.Literal(CodeBlock.of("$S", text).toString(), Type.STRING),
                        length), origin(statement));
        Expr slotCount = new Expr.Literal(Integer.toString(slots), Type.INT);
        List<Stmt> stores = new ArrayList<>();
        stores.add(new Stmt.If(new Expr.Binary(BinaryOp.NE, length, slotCount), Stmt.Block.of(List.of(wrongLength)),
                Stmt.Block.of(List.of()), origin(statement)));
        for (int slot = 0; slot < slots; slot++) {
            Expr index = new Expr.Literal(Integer.toString(slot), Type.INT);
            Expr element = new Expr.Element(new Expr.Read(gradient.storage()), index);
            stores.add(new Stmt.Store(new Expr.Read(gradient.storage()), index, new Expr.Binary(BinaryOp.ADD, element,
                    gradient.partials().get(slot)), origin(statement)));
        }
        return Stmt.Block.of(stores);
    }

    private Stmt compoundAssignment(CompoundAssignmentTree compound, Tree statement) {
        BinaryOp op = Operators.binary(compound.getKind()).orElseThrow(() -> new Rejection(
                Tag.UNSUPPORTED_EXPRESSION, compound, "operator " + Operators.symbol(compound)
                + " is not supported; use += -= *= /= %="));
        List<Expr> sides = rejections.each(List.of(compound.getVariable(), compound.getExpression()),
                expressions::numeric);
        Expr current = sides.get(0);
        Expr operand = sides.get(1);
        if (op == BinaryOp.REM && Type.promote(current.type(), operand.type()) == Type.DOUBLE) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, compound, "%= on double values has no "
                    + "derivative rule; use % on int or long values only");
        }
        Expr updated = narrowed(current.type(), FloatTyping.arithmetic(op, current, operand));
        return assignment(compound.getVariable(), updated, compound, statement);
    }

    /** A compound assignment's implicit cast back to the variable's type. */
    private static Expr narrowed(Type target, Expr value) {
        return value.type() == target ? value : new Expr.Cast(target, value);
    }

    /**
     * An assignment of {@code value} to {@code target}; a null {@code value} was rejected, and the
     * target is still checked before the statement is given up.
     */
    private Stmt assignment(ExpressionTree target, Expr value, Tree valueTree, Tree statement) {
        if (target instanceof IdentifierTree identifier) {
            Variable variable = scope.lookup(identifier.getName().toString()).orElseThrow(() -> new Rejection(
                    Tag.UNKNOWN_NAME, target, "assignment to " + source.of(target) + ", which is not a local "
                    + "variable or parameter; a differentiable method may assign only those"));
            if (variable.type() == Type.INT_ARRAY) {
                throw IntArrays.write(target, source.of(target));
            }
            if (variable.type().isArray()) {
                throw new Rejection(Tag.UNSUPPORTED_ARRAY, statement, "array variable " + variable.name()
                        + " is assigned again; declare a new array variable instead");
            }
            return new Stmt.Assign(variable, assignable(variable.type(), present(value), valueTree), false,
                    origin(statement));
        }
        if (target instanceof ArrayAccessTree access) {
            Expr element = expressions.read(access);
            if (((Expr.Element) element).array().type() == Type.INT_ARRAY) {
                throw IntArrays.write(target, source.of(target));
            }
            if (element.type() != Type.DOUBLE) {
                throw new Rejection(Tag.UNSUPPORTED_ARRAY, target, "assignment of a row to " + source.of(target)
                        + "; assign elements of arrays one by one");
            }
            Expr.Element slot = (Expr.Element) element;
            return new Stmt.Store(slot.array(), slot.index(), assignable(Type.DOUBLE, present(value), valueTree),
                    origin(statement));
        }
        throw new Rejection(Tag.UNSUPPORTED_STATEMENT, target, "assignment to " + source.of(target)
                + "; only local variables, parameters and array elements can be assigned");
    }

    /** The value read for a statement, which is given up when it was rejected. */
    private static Expr present(Expr value) {
        if (value == null) {
            throw new Rejections.Abandoned();
        }
        return value;
    }

    /** Checks Java's assignment conversion for the subset's types. */
    static Expr assignable(Type target, Expr value, Tree at) {
        boolean widening = target.isNumeric() && value.type().isNumeric()
                && Type.promote(target, value.type()) == target;
        if (value.type() != target && !widening) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, at, article(value.type()) + " value assigned to "
                    + article(target) + "; add a cast or change the variable's type");
        }
        return value;
    }

    /** A type with its indefinite article: "an int", "a double[]". */
    private static String article(Type type) {
        return (type.javaName().startsWith("i") ? "an " : "a ") + type.javaName();
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

    Rejections rejections() {
        return rejections;
    }

    SourceText source() {
        return source;
    }
}
