package io.microautograd.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.UnaryOp;
import java.util.List;

/**
 * Prints ifs and loops as the source has them, their conditions, headers and bodies printed by
 * the code that holds them: the gradient's methods ({@link BodyEmitter}) and the Value twins
 * ({@link ValueTwinWriter}) share the shape.
 */
final class ControlFlow {

    /** How the holder prints the parts. */
    interface Parts {
        /** A condition. */
        CodeBlock condition(Expr condition);

        /** The statements of a for header, joined by commas. */
        CodeBlock header(List<Stmt> statements);

        /** The statements of a block, into {@code code}. */
        void statements(Stmt.Block block, CodeBlock.Builder code);

        /** Whether declarations are printed just before {@code s}, so that it cannot follow an {@code else}. */
        boolean declaredBefore(Stmt s);
    }

    private final Parts parts;

    ControlFlow(Parts parts) {
        this.parts = parts;
    }

    /** An if, its else holding only another if printed as {@code else if}, as the source has it. */
    void ifStatement(Stmt.If i, CodeBlock.Builder code) {
        boolean thenEmpty = i.thenBlock().statements().isEmpty();
        boolean elseEmpty = i.elseBlock().statements().isEmpty();
        if (thenEmpty && elseEmpty) {
            return;
        }
        Expr condition = thenEmpty ? new Expr.Unary(UnaryOp.NOT, i.condition()) : i.condition();
        code.beginControlFlow("if ($L)", parts.condition(condition));
        parts.statements(thenEmpty ? i.elseBlock() : i.thenBlock(), code);
        Stmt.If chained = i;
        while (!thenEmpty && chained.elseBlock().statements().size() == 1
                && chained.elseBlock().statements().get(0) instanceof Stmt.If next
                && !parts.declaredBefore(next) && !next.thenBlock().statements().isEmpty()) {
            code.nextControlFlow("else if ($L)", parts.condition(next.condition()));
            parts.statements(next.thenBlock(), code);
            chained = next;
        }
        if (!thenEmpty && !chained.elseBlock().statements().isEmpty()) {
            code.nextControlFlow("else");
            parts.statements(chained.elseBlock(), code);
        }
        code.endControlFlow();
    }

    /** A loop, its body starting with {@code first}. */
    void loop(Stmt.Loop l, CodeBlock.Builder code, CodeBlock first) {
        CodeBlock condition = l.condition() == null ? CodeBlock.of("") : parts.condition(l.condition());
        switch (l.kind()) {
            case WHILE -> {
                code.beginControlFlow("while ($L)", condition).add(first);
                parts.statements(l.body(), code);
                code.endControlFlow();
            }
            case DO_WHILE -> {
                code.beginControlFlow("do").add(first);
                parts.statements(l.body(), code);
                code.endControlFlow("while ($L)", condition);
            }
            case FOR -> {
                code.beginControlFlow("for ($L; $L; $L)", parts.header(l.init()), condition, parts.header(l.update()))
                        .add(first);
                parts.statements(l.body(), code);
                code.endControlFlow();
            }
        }
    }
}
