package io.microautograd.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.FloatTyping;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.UnaryOp;
import java.util.List;

/**
 * Prints IR expressions as Java, with exactly the parentheses that keep the IR's evaluation
 * order: floating-point arithmetic is not associative, so {@code a + (b + c)} stays as written.
 */
final class ExprPrinter implements Expr.Visitor<CodeBlock> {

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
        return shown(e).accept(this);
    }

    /**
     * The expression as printed: a rounding to float of what Java computes in float already is
     * left out, since Java's own float arithmetic does it, and so are a unary plus and a negation
     * of a negation, which change no number.
     */
    private static Expr shown(Expr e) {
        if (e instanceof Expr.Unary u && (u.op() == UnaryOp.TO_FLOAT && FloatTyping.isFloat(u.operand())
                || u.op() == UnaryOp.PLUS && u.operand().type().isNumeric())) {
            return shown(u.operand());
        }
        if (e instanceof Expr.Unary u && u.op() == UnaryOp.NEG && shown(u.operand()) instanceof Expr.Unary inner
                && inner.op() == UnaryOp.NEG) {
            return shown(inner.operand());
        }
        return e;
    }

    @Override
    public CodeBlock literal(Expr.Literal e) {
        return CodeBlock.of("$L", e.text());
    }

    @Override
    public CodeBlock read(Expr.Read e) {
        return CodeBlock.of("$N", names.of(e.variable()));
    }

    @Override
    public CodeBlock constant(Expr.Constant e) {
        return CodeBlock.of("$T.$N", ClassName.bestGuess(e.ownerClass()), e.field());
    }

    @Override
    public CodeBlock unary(Expr.Unary e) {
        return CodeBlock.of("$L$L", e.op().symbol(), operand(e.operand(), UNARY, true));
    }

    @Override
    public CodeBlock binary(Expr.Binary e) {
        int p = e.op().precedence();
        return CodeBlock.of("$L $L $L", operand(e.left(), p, false), e.op().symbol(), operand(e.right(), p, true));
    }

    @Override
    public CodeBlock conditional(Expr.Conditional e) {
        return CodeBlock.of("$L ? $L : $L", operand(e.condition(), CONDITIONAL, true),
                operand(e.whenTrue(), CONDITIONAL, true), operand(e.whenFalse(), CONDITIONAL, true));
    }

    @Override
    public CodeBlock mathCall(Expr.MathCall e) {
        return CodeBlock.of("$T.$N($L)", e.strict() ? StrictMath.class : Math.class, e.function().javaName(),
                arguments(e.arguments()));
    }

    @Override
    public CodeBlock cast(Expr.Cast e) {
        return CodeBlock.of("($L) $L", e.type().javaName(), operand(e.operand(), UNARY, true));
    }

    @Override
    public CodeBlock element(Expr.Element e) {
        return CodeBlock.of("$L[$L]", print(e.array()), print(e.index()));
    }

    @Override
    public CodeBlock length(Expr.Length e) {
        return CodeBlock.of("$L.length", print(e.array()));
    }

    @Override
    public CodeBlock call(Expr.Call e) {
        return CodeBlock.of("$T.$N($L)", ClassName.bestGuess(e.callee().ownerClass()), e.callee().name(),
                arguments(e.arguments()));
    }

    @Override
    public CodeBlock newArray(Expr.NewArray e) {
        CodeBlock.Builder code = CodeBlock.builder().add("new double");
        for (Expr dimension : e.dimensions()) {
            code.add("[$L]", print(dimension));
        }
        if (e.type() == Type.DOUBLE_MATRIX && e.dimensions().size() == 1) {
            code.add("[]");
        }
        return code.build();
    }

    @Override
    public CodeBlock arrayLiteral(Expr.ArrayLiteral e) {
        return CodeBlock.of("new $L $L", e.type().javaName(), initializer(e));
    }

    @Override
    public CodeBlock cloneArray(Expr.Clone e) {
        if (e.type() == Type.DOUBLE_MATRIX) {
            return CodeBlock.of("$N($L)", helpers.use(Helpers.Helper.DEEP_COPY), print(e.array()));
        }
        return CodeBlock.of("$L.clone()", print(e.array()));
    }

    @Override
    public CodeBlock pop(Expr.Pop e) {
        return tapes.pop(e.tape());
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
    private CodeBlock operand(Expr operand, int context, boolean rightOrUnary) {
        Expr e = shown(operand);
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
