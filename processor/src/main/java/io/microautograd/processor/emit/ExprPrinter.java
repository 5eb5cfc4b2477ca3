package io.microautograd.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.UnaryOp;
import java.util.List;

/**
 * Prints IR expressions as Java, with exactly the parentheses that keep the IR's evaluation
 * order: floating-point arithmetic is not associative, so {@code a + (b + c)} stays as written.
 */
final class ExprPrinter {

    private static final int PRIMARY = 16;
    private static final int UNARY = 14;
    private static final int CONDITIONAL = 2;

    private final LocalNames names;
    private final Tapes tapes;
    private final Helpers helpers;

    ExprPrinter(LocalNames names, Tapes tapes, Helpers helpers) {
        this.names = names;
        this.tapes = tapes;
        this.helpers = helpers;
    }

    CodeBlock print(Expr e) {
        if (e instanceof Expr.Literal l) {
            return CodeBlock.of("$L", l.text());
        }
        if (e instanceof Expr.Read r) {
            return CodeBlock.of("$N", names.of(r.variable()));
        }
        if (e instanceof Expr.Constant c) {
            return CodeBlock.of("$T.$N", ClassName.bestGuess(c.ownerClass()), c.field());
        }
        if (e instanceof Expr.Unary u) {
            return CodeBlock.of("$L$L", u.op().symbol(), operand(u.operand(), UNARY, true));
        }
        if (e instanceof Expr.Binary b) {
            int p = b.op().precedence();
            return CodeBlock.of("$L $L $L", operand(b.left(), p, false), b.op().symbol(), operand(b.right(), p, true));
        }
        if (e instanceof Expr.Conditional c) {
            return CodeBlock.of("$L ? $L : $L", operand(c.condition(), CONDITIONAL, true),
                    operand(c.whenTrue(), CONDITIONAL, true), operand(c.whenFalse(), CONDITIONAL, true));
        }
        if (e instanceof Expr.MathCall m) {
            return CodeBlock.of("$T.$N($L)", Math.class, m.function().javaName(), arguments(m.arguments()));
        }
        if (e instanceof Expr.Cast c) {
            return CodeBlock.of("($L) $L", c.type().javaName(), operand(c.operand(), UNARY, true));
        }
        if (e instanceof Expr.Element el) {
            return CodeBlock.of("$L[$L]", print(el.array()), print(el.index()));
        }
        if (e instanceof Expr.Length l) {
            return CodeBlock.of("$L.length", print(l.array()));
        }
        if (e instanceof Expr.Call c) {
            return CodeBlock.of("$T.$N($L)", ClassName.bestGuess(c.callee().ownerClass()), c.callee().name(),
                    arguments(c.arguments()));
        }
        if (e instanceof Expr.NewArray n) {
            return newArray(n);
        }
        if (e instanceof Expr.ArrayLiteral a) {
            return CodeBlock.of("new $L $L", a.type().javaName(), initializer(a));
        }
        if (e instanceof Expr.Clone c) {
            if (c.type() == Type.DOUBLE_MATRIX) {
                return CodeBlock.of("$N($L)", helpers.use(Helpers.Helper.DEEP_COPY), print(c.array()));
            }
            return CodeBlock.of("$L.clone()", print(c.array()));
        }
        return tapes.pop(((Expr.Pop) e).tape());
    }

    private CodeBlock newArray(Expr.NewArray n) {
        CodeBlock.Builder code = CodeBlock.builder().add("new double");
        for (Expr dimension : n.dimensions()) {
            code.add("[$L]", print(dimension));
        }
        if (n.type() == Type.DOUBLE_MATRIX && n.dimensions().size() == 1) {
            code.add("[]");
        }
        return code.build();
    }

    private CodeBlock initializer(Expr.ArrayLiteral a) {
        CodeBlock.Builder code = CodeBlock.builder().add("{");
        for (int i = 0; i < a.elements().size(); i++) {
            Expr element = a.elements().get(i);
            code.add(i == 0 ? "$L" : ", $L", element instanceof Expr.ArrayLiteral inner ? initializer(inner)
                    : print(element));
        }
        return code.add("}").build();
    }

    private CodeBlock arguments(List<Expr> arguments) {
        return arguments.stream().map(this::print).collect(CodeBlock.joining(", "));
    }

    /** An operand, parenthesized when its own precedence would regroup it. */
    private CodeBlock operand(Expr e, int context, boolean rightOrUnary) {
        int p = precedence(e);
        boolean parens = rightOrUnary ? p <= context : p < context;
        if (context == UNARY && (e instanceof Expr.Unary || p > UNARY)) {
            parens = e instanceof Expr.Unary u && u.op() != UnaryOp.NOT || isNegativeLiteral(e);
        }
        return parens ? CodeBlock.of("($L)", print(e)) : print(e);
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Binary b) {
            return b.op().precedence();
        }
        if (e instanceof Expr.Conditional) {
            return CONDITIONAL;
        }
        if (e instanceof Expr.Unary || e instanceof Expr.Cast || isNegativeLiteral(e)) {
            return UNARY;
        }
        return PRIMARY;
    }

    private static boolean isNegativeLiteral(Expr e) {
        return e instanceof Expr.Literal l && l.text().startsWith("-");
    }
}
