package io.microautograd.processor.parse;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads a guard, {@code throw new SomeException(message)}: an unchecked exception whose message
 * joins string literals and values with {@code +}. The generated methods throw it at the same
 * point of their forward sweep, before any adjoint is touched.
 */
final class GuardReader {

    private static final String FORM = "throw new SomeException(message), an unchecked exception with no "
            + "argument or a message joining string literals and values with +";

    private final BodyReader body;

    GuardReader(BodyReader body) {
        this.body = body;
    }

    Stmt.Throw read(ThrowTree tree) {
        if (!(tree.getExpression() instanceof NewClassTree creation) || creation.getClassBody() != null
                || creation.getEnclosingExpression() != null || !creation.getTypeArguments().isEmpty()
                || creation.getArguments().size() > 1) {
            throw new Rejection(Tag.UNSUPPORTED_STATEMENT, tree.getExpression(), "throw of "
                    + body.source().of(tree.getExpression()) + "; a @Differentiable method may throw only " + FORM);
        }
        TypeElement exception = body.expressions().symbols().resolveClass(creation.getIdentifier())
                .orElseThrow(() -> new Rejection(Tag.UNKNOWN_NAME, creation.getIdentifier(), "no class "
                        + body.source().of(creation.getIdentifier()) + " is visible here"));
        for (Element e = exception; e instanceof TypeElement type; e = e.getEnclosingElement()) {
            if (type.getModifiers().contains(Modifier.PRIVATE)) {
                throw new Rejection(Tag.UNSUPPORTED_STATEMENT, creation.getIdentifier(), "throw of the private "
                        + "class " + type.getSimpleName() + ", which the generated class cannot create; make it "
                        + "package-private");
            }
        }
        if (!isUnchecked(exception)) {
            throw new Rejection(Tag.UNSUPPORTED_STATEMENT, creation.getIdentifier(), exception.getSimpleName()
                    + " is a checked exception, which the generated methods do not declare; throw a subclass of "
                    + "RuntimeException, such as IllegalArgumentException");
        }
        Expr message = creation.getArguments().isEmpty() ? null : message(creation.getArguments().get(0));
        return new Stmt.Throw(exception.getQualifiedName().toString(), message,
                body.origin(tree, body.source().of(tree)));
    }

    /** A message: string literals joined with numbers and booleans by {@code +}, as Java joins them. */
    private Expr message(ExpressionTree tree) {
        Expr message = part(tree);
        if (message.type() != Type.STRING) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "exception message " + body.source().of(tree)
                    + " is not a string; join a string literal and the values with +");
        }
        return message;
    }

    private Expr part(ExpressionTree tree) {
        if (tree instanceof ParenthesizedTree parenthesized) {
            return part(parenthesized.getExpression());
        }
        if (tree instanceof LiteralTree literal && literal.getKind() == Tree.Kind.STRING_LITERAL) {
            return new Expr.Literal(CodeBlock.of("$S", literal.getValue()).toString(), Type.STRING);
        }
        if (tree instanceof BinaryTree plus && tree.getKind() == Tree.Kind.PLUS && isString(plus)) {
            var parts = body.rejections().each(java.util.List.of(plus.getLeftOperand(), plus.getRightOperand()),
                    this::part);
            return new Expr.Binary(BinaryOp.ADD, parts.get(0), parts.get(1));
        }
        Expr value = body.expressions().read(tree);
        if (!value.type().isNumeric() && value.type() != Type.BOOLEAN) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "exception message part "
                    + body.source().of(tree) + "; join string literals with numbers and booleans");
        }
        return value;
    }

    /** Whether a {@code +} joins strings: either side is a string literal or joins strings itself. */
    private static boolean isString(ExpressionTree tree) {
        if (tree instanceof ParenthesizedTree parenthesized) {
            return isString(parenthesized.getExpression());
        }
        if (tree.getKind() == Tree.Kind.STRING_LITERAL) {
            return true;
        }
        return tree instanceof BinaryTree plus && tree.getKind() == Tree.Kind.PLUS
                && (isString(plus.getLeftOperand()) || isString(plus.getRightOperand()));
    }

    private static boolean isUnchecked(TypeElement type) {
        for (TypeElement t = type; t != null; t = superclass(t)) {
            String name = t.getQualifiedName().toString();
            if (name.equals("java.lang.RuntimeException") || name.equals("java.lang.Error")) {
                return true;
            }
        }
        return false;
    }

    private static TypeElement superclass(TypeElement type) {
        TypeMirror parent = type.getSuperclass();
        return parent.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) parent).asElement() : null;
    }
}
