package io.microautograd.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.FloatTyping;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.UnaryOp;
import java.util.List;

/**
 * Prints IR expressions as Java, with exactly the parentheses that keep the IR's evaluation
 * order: floating-point arithmetic is not associative, so {@code a + (b + c)} stays as written.
 * An expression's code is its text in one piece between the type names JavaPoet must see to
 * import them, not a code block per operation, since JavaPoet writes each piece of a code block on
 * its own, twice per file.
 */
final class ExprPrinter {

    private static final int PRIMARY = 16;
    private static final int UNARY = 14;
    private static final int CONDITIONAL = 2;
    private static final ClassName MATH = ClassName.get(Math.class);
    private static final ClassName STRICT_MATH = ClassName.get(StrictMath.class);

    private final LocalNames names;
    private final Tapes tapes;
    private final Helpers helpers;

    ExprPrinter(LocalNames names, Tapes tapes, Helpers helpers) {
        this.names = names;
        this.tapes = tapes;
        this.helpers = helpers;
    }

    CodeBlock print(Expr e) {
        return new Code().expression(e).build();
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

    /** The code of one expression, written as its operations are visited: text, and type names apart. */
    private final class Code implements Expr.Visitor<Code> {

        private final CodeBlock.Builder code = CodeBlock.builder();
        private final StringBuilder text = new StringBuilder();

        CodeBlock build() {
            flush();
            return code.build();
        }

        Code expression(Expr e) {
            return shown(e).accept(this);
        }

        private Code text(String s) {
            text.append(s);
            return this;
        }

        private Code type(TypeName type) {
            flush();
            code.add("$T", type);
            return this;
        }

        private Code code(CodeBlock block) {
            flush();
            code.add("$L", block);
            return this;
        }

        private void flush() {
            if (!text.isEmpty()) {
                code.add("$L", text.toString());
                text.setLength(0);
            }
        }

        @Override
        public Code literal(Expr.Literal e) {
            return text(e.text());
        }

        @Override
        public Code read(Expr.Read e) {
            return text(names.of(e.variable()));
        }

        @Override
        public Code constant(Expr.Constant e) {
            return type(ClassName.bestGuess(e.ownerClass())).text(".").text(e.field());
        }

        @Override
        public Code unary(Expr.Unary e) {
            return text(e.op().symbol()).operand(e.operand(), UNARY, true);
        }

        @Override
        public Code binary(Expr.Binary e) {
            int p = e.op().precedence();
            return operand(e.left(), p, false).text(" ").text(e.op().symbol()).text(" ").operand(e.right(), p, true);
        }

        @Override
        public Code conditional(Expr.Conditional e) {
            return operand(e.condition(), CONDITIONAL, true).text(" ? ").operand(e.whenTrue(), CONDITIONAL, true)
                    .text(" : ").operand(e.whenFalse(), CONDITIONAL, true);
        }

        @Override
        public Code mathCall(Expr.MathCall e) {
            return type(e.strict() ? STRICT_MATH : MATH).text(".").text(e.function().javaName()).arguments(e.arguments());
        }

        @Override
        public Code cast(Expr.Cast e) {
            return text("(").text(e.type().javaName()).text(") ").operand(e.operand(), UNARY, true);
        }

        @Override
        public Code element(Expr.Element e) {
            return expression(e.array()).text("[").expression(e.index()).text("]");
        }

        @Override
        public Code length(Expr.Length e) {
            return expression(e.array()).text(".length");
        }

        @Override
        public Code call(Expr.Call e) {
            return type(ClassName.bestGuess(e.callee().ownerClass())).text(".").text(e.callee().name())
                    .arguments(e.arguments());
        }

        @Override
        public Code newArray(Expr.NewArray e) {
            text("new double");
            for (Expr dimension : e.dimensions()) {
                text("[").expression(dimension).text("]");
            }
            return e.type() == Type.DOUBLE_MATRIX && e.dimensions().size() == 1 ? text("[]") : this;
        }

        @Override
        public Code arrayLiteral(Expr.ArrayLiteral e) {
            return text("new ").text(e.type().javaName()).text(" ").initializer(e);
        }

        @Override
        public Code cloneArray(Expr.Clone e) {
            if (e.type() == Type.DOUBLE_MATRIX) {
                return text(helpers.use(Helpers.Helper.DEEP_COPY)).text("(").expression(e.array()).text(")");
            }
            return expression(e.array()).text(".clone()");
        }

        @Override
        public Code pop(Expr.Pop e) {
            return code(tapes.pop(e.tape()));
        }

        private Code initializer(Expr.ArrayLiteral a) {
            text("{");
            for (int i = 0; i < a.elements().size(); i++) {
                Expr element = a.elements().get(i);
                if (i > 0) {
                    text(", ");
                }
                if (element instanceof Expr.ArrayLiteral inner) {
                    initializer(inner);
                } else {
                    expression(element);
                }
            }
            return text("}");
        }

        private Code arguments(List<Expr> arguments) {
            text("(");
            for (int i = 0; i < arguments.size(); i++) {
                if (i > 0) {
                    text(", ");
                }
                expression(arguments.get(i));
            }
            return text(")");
        }

        /** An operand, parenthesized when its own precedence would regroup it. */
        private Code operand(Expr operand, int context, boolean rightOrUnary) {
            Expr e = shown(operand);
            int p = precedence(e);
            boolean parens = rightOrUnary ? p <= context : p < context;
            if (context == UNARY && (e instanceof Expr.Unary || p > UNARY)) {
                parens = e instanceof Expr.Unary u && u.op() != UnaryOp.NOT || isNegativeLiteral(e);
            }
            return parens ? text("(").expression(e).text(")") : expression(e);
        }
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
