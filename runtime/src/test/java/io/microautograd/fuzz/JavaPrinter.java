package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.And;
import io.microautograd.fuzz.Program.Assign;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Break;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Compare;
import io.microautograd.fuzz.Program.Cond;
import io.microautograd.fuzz.Program.Continue;
import io.microautograd.fuzz.Program.CountedFor;
import io.microautograd.fuzz.Program.Counter;
import io.microautograd.fuzz.Program.Declare;
import io.microautograd.fuzz.Program.DeclareAlias;
import io.microautograd.fuzz.Program.DeclareArray;
import io.microautograd.fuzz.Program.DeclareInteger;
import io.microautograd.fuzz.Program.Element;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.FloorMod;
import io.microautograd.fuzz.Program.For;
import io.microautograd.fuzz.Program.ForEach;
import io.microautograd.fuzz.Program.ForEachIndex;
import io.microautograd.fuzz.Program.If;
import io.microautograd.fuzz.Program.Index;
import io.microautograd.fuzz.Program.IndexElement;
import io.microautograd.fuzz.Program.Inferred;
import io.microautograd.fuzz.Program.IntLiteral;
import io.microautograd.fuzz.Program.IntegerValue;
import io.microautograd.fuzz.Program.Invoke;
import io.microautograd.fuzz.Program.Length;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Negate;
import io.microautograd.fuzz.Program.Not;
import io.microautograd.fuzz.Program.Or;
import io.microautograd.fuzz.Program.Remainder;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.ScaledIndex;
import io.microautograd.fuzz.Program.StepWhile;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Store;
import io.microautograd.fuzz.Program.Switch;
import io.microautograd.fuzz.Program.SwitchValue;
import io.microautograd.fuzz.Program.Ternary;
import io.microautograd.fuzz.Program.Throw;
import io.microautograd.fuzz.Program.Truncate;
import io.microautograd.fuzz.Program.Var;
import io.microautograd.fuzz.Program.While;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Prints fuzzer programs as Java source: a class of {@code @Differentiable} static methods. */
final class JavaPrinter {

    /** The type a declaration's first line declares, which {@code var} replaces. */
    private static final Pattern DECLARED_TYPE = Pattern.compile("^(\\s*(?:for \\()?)(?:double\\[]|double|int|long) ");

    private JavaPrinter() {
    }

    /**
     * A compilation unit {@code package pkg; final class simpleName { methods }}, with the static
     * imports of the methods.
     */
    static String compilationUnit(String pkg, String simpleName, List<Method> methods) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(pkg).append(";\n\n")
           .append(staticImports(methods, ""))
           .append("import io.microautograd.Differentiable;\n\n")
           .append("public final class ").append(simpleName).append(" {\n");
        for (Method method : methods) {
            out.append('\n').append(method(method, "    "));
        }
        return out.append("}\n").toString();
    }

    /**
     * The {@code import static} lines of {@code methods}, each once and indented by {@code indent},
     * then an empty line; nothing when there are none.
     */
    static String staticImports(List<Method> methods, String indent) {
        List<String> lines = methods.stream().flatMap(m -> m.staticImports().stream()).distinct()
                .map(name -> indent + "import static " + name + ";\n").toList();
        return lines.isEmpty() ? "" : String.join("", lines) + "\n";
    }

    /** One method after the helpers it calls, each annotated, indented by {@code indent}. */
    static String method(Method method, String indent) {
        StringBuilder out = new StringBuilder();
        for (Method helper : method.helpers()) {
            out.append(method(helper, indent)).append('\n');
        }
        out.append(indent).append("@Differentiable\n").append(indent).append("public static double ")
           .append(method.name()).append('(');
        for (int i = 0; i < method.parameters().size(); i++) {
            String parameter = method.parameters().get(i);
            out.append(i == 0 ? "" : ", ").append(method.typeOf(parameter)).append(' ').append(parameter);
        }
        out.append(") {\n");
        block(method.body(), indent + "    ", out);
        return out.append(indent).append("}\n").toString();
    }

    static void block(List<Stmt> statements, String indent, StringBuilder out) {
        for (Stmt statement : statements) {
            statement(statement, indent, out);
        }
    }

    static void statement(Stmt statement, String indent, StringBuilder out) {
        if (statement instanceof Inferred i) {
            StringBuilder declared = new StringBuilder();
            statement(i.declaration(), indent, declared);
            boolean inferable = !(i.declaration() instanceof Declare d) || !(d.init() instanceof SwitchValue)
                    && Program.typeOf(d.init()).equals("double");
            out.append(inferable ? DECLARED_TYPE.matcher(declared).replaceFirst("$1var ") : declared);
            return;
        }
        out.append(indent);
        if (statement instanceof Declare d) {
            out.append("double ").append(d.name()).append(" = ").append(continued(expr(d.init()), indent)).append(";\n");
        } else if (statement instanceof Assign a) {
            out.append(a.name()).append(' ').append(a.op()).append("= ").append(continued(expr(a.value()), indent))
               .append(";\n");
        } else if (statement instanceof Return r) {
            out.append("return ").append(continued(expr(r.value()), indent)).append(";\n");
        } else if (statement instanceof Switch s) {
            SwitchPrinter.statement(s, indent, out);
        } else if (statement instanceof Throw t) {
            out.append("throw new ").append(t.exception()).append("(\"").append(t.text()).append('"')
               .append(t.value() == null ? "" : " + " + expr(t.value())).append(");\n");
        } else if (statement instanceof If i) {
            out.append("if (").append(cond(i.condition())).append(") {\n");
            block(i.then(), indent + "    ", out);
            out.append(indent).append('}');
            if (!i.otherwise().isEmpty()) {
                out.append(" else {\n");
                block(i.otherwise(), indent + "    ", out);
                out.append(indent).append('}');
            }
            out.append('\n');
        } else {
            loopOrJump(statement, indent, out);
        }
    }

    private static void loopOrJump(Stmt statement, String indent, StringBuilder out) {
        if (statement instanceof DeclareArray d) {
            out.append("double[] ").append(d.name()).append(" = new double[").append(index(d.length())).append("];\n");
        } else if (statement instanceof DeclareAlias d) {
            out.append("double[] ").append(d.name()).append(" = ").append(d.target()).append(";\n");
        } else if (statement instanceof Store s) {
            out.append(s.array()).append('[').append(index(s.index())).append("] ").append(s.op()).append("= ")
               .append(expr(s.value())).append(";\n");
        } else if (statement instanceof Break) {
            out.append("break;\n");
        } else if (statement instanceof Continue) {
            out.append("continue;\n");
        } else if (statement instanceof For f) {
            out.append("for (int ").append(f.counter()).append(" = 0; ").append(f.counter()).append(" < ")
               .append(index(f.bound())).append("; ").append(f.counter()).append("++) {\n");
            loopBody(f.body(), indent, out);
        } else if (statement instanceof While w) {
            out.append("int ").append(w.counter()).append(" = 0;\n").append(indent).append("while (")
               .append(w.counter()).append(" < ").append(index(w.bound())).append(") {\n")
               .append(indent).append("    ").append(w.counter()).append("++;\n");
            loopBody(w.body(), indent, out);
        } else if (statement instanceof ForEachIndex f) {
            out.append("for (int ").append(f.element()).append(" : ").append(f.indexArray()).append(") {\n");
            loopBody(f.body(), indent, out);
        } else if (statement instanceof DeclareInteger d) {
            out.append(d.value().isLong() ? "long " : "int ").append(d.name()).append(" = ")
               .append(Integral.print(d.value())).append(";\n");
        } else if (statement instanceof CountedFor f) {
            out.append("for (").append(f.isLong() ? "long " : "int ").append(f.counter()).append(" = ")
               .append(Integral.print(f.start())).append("; ").append(f.counter()).append(' ').append(f.op())
               .append(' ').append(Integral.print(f.bound())).append("; ").append(step(f.counter(), f.step()))
               .append(") {\n");
            loopBody(f.body(), indent, out);
        } else if (statement instanceof StepWhile w) {
            out.append("while (").append(w.counter()).append(' ').append(w.op()).append(' ')
               .append(Integral.print(w.bound())).append(") {\n").append(indent).append("    ")
               .append(step(w.counter(), w.step())).append(";\n");
            loopBody(w.body(), indent, out);
        } else {
            ForEach f = (ForEach) statement;
            out.append("for (double ").append(f.element()).append(" : ").append(f.array()).append(") {\n");
            loopBody(f.body(), indent, out);
        }
    }

    /** {@code text} with its lines after the first indented by {@code indent}: a switch expression's cases. */
    private static String continued(String text, String indent) {
        return text.replace("\n", "\n" + indent);
    }

    /** {@code counter++}, {@code counter--}, {@code counter += step} or {@code counter -= -step}. */
    private static String step(String counter, long step) {
        String amount = Math.abs(step) + (Math.abs(step) > Integer.MAX_VALUE ? "L" : "");
        return step == 1 ? counter + "++" : step == -1 ? counter + "--"
                : counter + (step > 0 ? " += " : " -= ") + amount;
    }

    private static void loopBody(List<Stmt> body, String indent, StringBuilder out) {
        block(body, indent + "    ", out);
        out.append(indent).append("}\n");
    }

    static String index(Index index) {
        if (index instanceof IntLiteral l) {
            return Integer.toString(l.value());
        } else if (index instanceof Counter c) {
            return c.name();
        } else if (index instanceof Length l) {
            return l.array() + ".length";
        } else if (index instanceof IndexElement e) {
            return e.indexArray() + "[" + index(e.index()) + "]";
        } else if (index instanceof Truncate t) {
            return "((int) " + expr(t.value()) + ")";
        } else if (index instanceof FloorMod f) {
            return "Math.floorMod(" + index(f.value()) + ", " + f.divisor() + ")";
        }
        Remainder r = (Remainder) index;
        return "(" + index(r.left()) + " % " + index(r.right()) + ")";
    }

    /** An expression, fully parenthesised so that precedence never changes its meaning. */
    static String expr(Expr expr) {
        if (expr instanceof Var v) {
            return v.name();
        } else if (expr instanceof Literal l) {
            return Double.toString(l.value());
        } else if (expr instanceof Negate n) {
            return "(-" + expr(n.operand()) + ")";
        } else if (expr instanceof Binary b) {
            return "(" + expr(b.left()) + " " + b.op() + " " + expr(b.right()) + ")";
        } else if (expr instanceof Call c && c.function().equals("sigmoid")) {
            String z = expr(c.arguments().get(0));
            return "(" + z + " >= 0 ? 1 / (1 + Math.exp(-" + z + ")) : Math.exp(" + z + ") / (1 + Math.exp(" + z
                    + ")))";
        } else if (expr instanceof Call c && c.function().equals("round")) {
            return "((double) " + c.spelling().prefix + "round(" + expr(c.arguments().get(0)) + "))";
        } else if (expr instanceof Call c) {
            StringBuilder out = new StringBuilder(c.spelling().prefix).append(c.function()).append('(');
            for (int i = 0; i < c.arguments().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(expr(c.arguments().get(i)));
            }
            return out.append(')').toString();
        } else if (expr instanceof Element e) {
            return e.array() + "[" + index(e.index()) + "]";
        } else if (expr instanceof Invoke i) {
            List<String> arguments = new ArrayList<>(i.arrays());
            i.scalars().forEach(scalar -> arguments.add(expr(scalar)));
            return i.helper() + "(" + String.join(", ", arguments) + ")";
        } else if (expr instanceof ScaledIndex s) {
            return "(" + index(s.value()) + " * " + s.factor() + ")";
        } else if (expr instanceof IntegerValue i) {
            return Integral.print(i.value());
        } else if (expr instanceof SwitchValue s) {
            return SwitchPrinter.expression(s);
        }
        Ternary t = (Ternary) expr;
        return "(" + cond(t.condition()) + " ? " + expr(t.whenTrue()) + " : " + expr(t.whenFalse()) + ")";
    }

    private static String cond(Cond cond) {
        if (cond instanceof Compare c) {
            return expr(c.left()) + " " + c.op() + " " + expr(c.right());
        } else if (cond instanceof And a) {
            return "(" + cond(a.left()) + " && " + cond(a.right()) + ")";
        } else if (cond instanceof Or o) {
            return "(" + cond(o.left()) + " || " + cond(o.right()) + ")";
        }
        return "!(" + cond(((Not) cond).operand()) + ")";
    }
}
