package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.Assign;
import io.microautograd.fuzz.Program.Case;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Switch;
import io.microautograd.fuzz.Program.SwitchValue;
import io.microautograd.fuzz.Program.Throw;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints switch statements and expressions for {@link JavaPrinter}, classic ({@code case 1, 2:}
 * then statements; a case without statements stacks its labels on the next one's) or with arrows
 * ({@code case 1 -> ...}: a value, an assignment or a throw on the arrow's line, or a block).
 */
final class SwitchPrinter {

    private SwitchPrinter() {
    }

    /** A switch statement, from its keyword on (the caller wrote the first line's indent). */
    static void statement(Switch s, String indent, StringBuilder out) {
        out.append("switch (").append(JavaPrinter.index(s.selector())).append(") {\n");
        cases(s.cases(), s.arrows(), indent, out);
        out.append(indent).append("}\n");
    }

    /** A switch expression, its lines after the first indented from column 0 (the caller indents them further). */
    static String expression(SwitchValue s) {
        StringBuilder out = new StringBuilder("switch (").append(JavaPrinter.index(s.selector())).append(") {\n");
        cases(s.cases(), s.arrows(), "", out);
        return out.append('}').toString();
    }

    private static void cases(List<Case> cases, boolean arrows, String indent, StringBuilder out) {
        String inner = indent + "    ";
        for (Case c : cases) {
            out.append(inner).append(c.labels().isEmpty() ? "default"
                    : c.labels().stream().map(String::valueOf).collect(Collectors.joining(", ", "case ", "")));
            if (arrows) {
                out.append(" -> ");
                rule(c, inner, out);
            } else {
                out.append(":\n");
                body(c, inner + "    ", out);
            }
        }
    }

    /** What follows a case's arrow: the value, the one assignment or throw, or a block. */
    private static void rule(Case c, String indent, StringBuilder out) {
        List<Stmt> body = c.body();
        if (body.isEmpty() && c.yielded() != null) {
            out.append(JavaPrinter.expr(c.yielded())).append(";\n");
        } else if (body.size() == 1 && c.yielded() == null && (body.get(0) instanceof Throw
                || body.get(0) instanceof Assign a && Program.switchValue(a) == null)) {
            JavaPrinter.statement(body.get(0), "", out);
        } else {
            out.append("{\n");
            body(c, indent + "    ", out);
            out.append(indent).append("}\n");
        }
    }

    private static void body(Case c, String indent, StringBuilder out) {
        JavaPrinter.block(c.body(), indent, out);
        if (c.yielded() != null) {
            out.append(indent).append("yield ").append(JavaPrinter.expr(c.yielded())).append(";\n");
        }
    }
}
