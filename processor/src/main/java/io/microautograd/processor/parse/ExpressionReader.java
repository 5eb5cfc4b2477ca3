package io.microautograd.processor.parse;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.MathFunction;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/** Reads expression trees into IR expressions, rejecting whatever the subset does not support. */
final class ExpressionReader {

    private final Scope scope;
    private final Symbols symbols;

    ExpressionReader(Scope scope, Symbols symbols) {
        this.scope = scope;
        this.symbols = symbols;
    }

    /** Reads an expression that must be numeric. */
    Expr numeric(ExpressionTree tree) {
        Expr expr = read(tree);
        if (!expr.type().isNumeric()) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "expected a number here, found a "
                    + expr.type().javaName() + " expression");
        }
        return expr;
    }

    /** Reads an expression that must be boolean. */
    Expr condition(ExpressionTree tree) {
        Expr expr = read(tree);
        if (expr.type() != Type.BOOLEAN) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "expected a boolean condition here, found a "
                    + expr.type().javaName() + " expression");
        }
        return expr;
    }

    /** Reads any supported expression. */
    Expr read(ExpressionTree tree) {
        switch (tree.getKind()) {
            case PARENTHESIZED:
                return read(((ParenthesizedTree) tree).getExpression());
            case INT_LITERAL:
            case LONG_LITERAL:
            case DOUBLE_LITERAL:
            case BOOLEAN_LITERAL:
                return literal((LiteralTree) tree);
            case IDENTIFIER:
                return identifier((IdentifierTree) tree);
            case MEMBER_SELECT:
                return memberSelect((MemberSelectTree) tree);
            case UNARY_MINUS:
                return new Expr.Unary(UnaryOp.NEG, numeric(((UnaryTree) tree).getExpression()));
            case UNARY_PLUS:
                return new Expr.Unary(UnaryOp.PLUS, numeric(((UnaryTree) tree).getExpression()));
            case LOGICAL_COMPLEMENT:
                return new Expr.Unary(UnaryOp.NOT, condition(((UnaryTree) tree).getExpression()));
            case CONDITIONAL_EXPRESSION:
                return conditional((ConditionalExpressionTree) tree);
            case METHOD_INVOCATION:
                return invocation((MethodInvocationTree) tree);
            case TYPE_CAST:
                return cast((TypeCastTree) tree);
            case PREFIX_INCREMENT:
            case PREFIX_DECREMENT:
            case POSTFIX_INCREMENT:
            case POSTFIX_DECREMENT:
            case ASSIGNMENT:
            case PLUS_ASSIGNMENT:
            case MINUS_ASSIGNMENT:
            case MULTIPLY_ASSIGNMENT:
            case DIVIDE_ASSIGNMENT:
                throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "assignment inside an expression ("
                        + tree + "); write the assignment or increment as a statement of its own");
            case ARRAY_ACCESS:
            case NEW_ARRAY:
                throw new Rejection(Tag.UNSUPPORTED_ARRAY, tree, "array expression " + tree
                        + " is not supported yet; use double parameters and locals");
            default:
                if (tree instanceof BinaryTree binary) {
                    return binary(binary);
                }
                throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, describe(tree) + " is not supported; "
                        + "use numeric literals, variables, + - * / %, comparisons, && || !, ?:, casts and "
                        + "Math functions");
        }
    }

    private static String describe(Tree tree) {
        return tree.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (" + tree + ")";
    }

    private Expr literal(LiteralTree tree) {
        Type type = tree.getKind() == Tree.Kind.INT_LITERAL ? Type.INT
                : tree.getKind() == Tree.Kind.LONG_LITERAL ? Type.LONG
                : tree.getKind() == Tree.Kind.DOUBLE_LITERAL ? Type.DOUBLE : Type.BOOLEAN;
        return Literals.of(tree.getValue(), type);
    }

    private Expr identifier(IdentifierTree tree) {
        String name = tree.getName().toString();
        Optional<io.microautograd.processor.ir.Variable> variable = scope.lookup(name);
        if (variable.isPresent()) {
            return new Expr.Read(variable.get());
        }
        return symbols.constant(symbols.enclosingClass(), name, tree).orElseThrow(() -> new Rejection(
                Tag.UNKNOWN_NAME, tree, "unknown name " + name + "; a differentiable method may read its "
                + "parameters, its locals and static final constants"));
    }

    private Expr memberSelect(MemberSelectTree tree) {
        String field = tree.getIdentifier().toString();
        Optional<TypeElement> owner = symbols.resolveClass(tree.getExpression());
        if (owner.isPresent()) {
            return symbols.constant(owner.get(), field, tree).orElseThrow(() -> new Rejection(Tag.UNKNOWN_NAME,
                    tree, "no static final constant " + tree + "; a differentiable method may read its "
                    + "parameters, its locals and static final constants"));
        }
        return arrayMember(tree);
    }

    Expr arrayMember(MemberSelectTree tree) {
        throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "unknown name " + tree + "; a differentiable "
                + "method may read its parameters, its locals and static final constants");
    }

    private Expr conditional(ConditionalExpressionTree tree) {
        Expr condition = condition(tree.getCondition());
        Expr whenTrue = read(tree.getTrueExpression());
        Expr whenFalse = read(tree.getFalseExpression());
        if (whenTrue.type().isNumeric() != whenFalse.type().isNumeric()
                || !whenTrue.type().isNumeric() && whenTrue.type() != whenFalse.type()) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "the branches of ?: have types "
                    + whenTrue.type().javaName() + " and " + whenFalse.type().javaName()
                    + "; give both branches numeric types or the same type");
        }
        return new Expr.Conditional(condition, whenTrue, whenFalse);
    }

    private Expr binary(BinaryTree tree) {
        BinaryOp op = Operators.binary(tree.getKind()).orElseThrow(() -> new Rejection(
                Tag.UNSUPPORTED_EXPRESSION, tree, "operator " + Operators.symbol(tree) + " is not supported; use "
                + "+ - * / %, comparisons and && || !"));
        if (op.isLogical()) {
            return new Expr.Binary(op, condition(tree.getLeftOperand()), condition(tree.getRightOperand()));
        }
        Expr left = read(tree.getLeftOperand());
        Expr right = read(tree.getRightOperand());
        boolean booleanEquality = (op == BinaryOp.EQ || op == BinaryOp.NE)
                && left.type() == Type.BOOLEAN && right.type() == Type.BOOLEAN;
        if (!booleanEquality && (!left.type().isNumeric() || !right.type().isNumeric())) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "operator " + op.symbol() + " on "
                    + left.type().javaName() + " and " + right.type().javaName() + "; it takes numbers");
        }
        if (op == BinaryOp.REM && Type.promote(left.type(), right.type()) == Type.DOUBLE) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "% on double values has no derivative rule; "
                    + "use % on int or long values only");
        }
        return new Expr.Binary(op, left, right);
    }

    private Expr cast(TypeCastTree tree) {
        Tree target = tree.getType();
        Type type = LocalTypes.of(target).orElse(null);
        if (type == null || !type.isNumeric()) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "cast to " + target
                    + "; casts are supported to double, int and long");
        }
        return new Expr.Cast(type, numeric(tree.getExpression()));
    }

    private Expr invocation(MethodInvocationTree tree) {
        ExpressionTree select = tree.getMethodSelect();
        List<Expr> arguments = new ArrayList<>();
        for (ExpressionTree argument : tree.getArguments()) {
            arguments.add(read(argument));
        }
        if (select instanceof MemberSelectTree member) {
            String name = member.getIdentifier().toString();
            TypeElement owner = symbols.resolveClass(member.getExpression()).orElseThrow(() -> new Rejection(
                    Tag.UNSUPPORTED_CALL, tree, "call of " + select + "; only static methods called through "
                    + "their class name are supported"));
            if (owner.getQualifiedName().contentEquals("java.lang.Math")) {
                return mathCall(tree, name, arguments);
            }
            return call(tree, owner, name, arguments);
        }
        return call(tree, symbols.enclosingClass(), ((IdentifierTree) select).getName().toString(), arguments);
    }

    private Expr mathCall(MethodInvocationTree tree, String name, List<Expr> arguments) {
        MathFunction function = MathFunction.find(name, arguments.size()).orElseThrow(() -> new Rejection(
                Tag.UNSUPPORTED_MATH, tree, "Math." + name + " with " + arguments.size() + " arguments has no "
                + "derivative rule; supported Math functions: " + MathFunction.supportedNames()));
        for (int i = 0; i < arguments.size(); i++) {
            if (!arguments.get(i).type().isNumeric()) {
                throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree.getArguments().get(i), "Math." + name
                        + " takes numbers, not " + arguments.get(i).type().javaName());
            }
        }
        return new Expr.MathCall(function, List.copyOf(arguments));
    }

    Expr call(MethodInvocationTree tree, TypeElement owner, String name, List<Expr> arguments) {
        throw new Rejection(Tag.UNSUPPORTED_CALL, tree, "call of " + owner.getSimpleName() + "." + name
                + "; only Math functions can be called from a @Differentiable method");
    }
}
