package io.microautograd.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import io.microautograd.processor.diff.TapeSlice;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.UnaryOp;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Prints an IR method body as Java statements. */
final class BodyEmitter {

    private final LocalNames names;
    private final Tapes tapes;
    private final KeptArrays keptArrays;
    private final Helpers helpers;
    private final ExprPrinter printer;
    private final List<Variable> sourceVariables = new ArrayList<>();
    private final CheckpointedLoops checkpointed;
    private final ControlFlow flow = new ControlFlow(new ControlFlow.Parts() {
        @Override
        public CodeBlock condition(Expr condition) {
            return printer.print(condition);
        }

        @Override
        public CodeBlock header(List<Stmt> statements) {
            return BodyEmitter.this.header(statements);
        }

        @Override
        public void statements(Stmt.Block block, CodeBlock.Builder code) {
            BodyEmitter.this.statements(block, code);
        }

        @Override
        public boolean declaredBefore(Stmt s) {
            return !declarations.declaredBefore(s).isEmpty();
        }
    });
    private Stmt.Block methodBody;
    private Declarations declarations;
    private Map<Stmt.Loop, Map<TapeKind, Expr>> reservations;
    private Map<Stmt.Loop, TapeSlice> slices;
    private Set<Stmt> sliced;
    private boolean roomReserved;

    /**
     * An emitter for a body that keeps no arrays between calls (the tangents and the second-order
     * and vector-Jacobian products), its locals named after the source variables {@code body} holds.
     *
     * @param method the name the fields keeping its tapes are named after
     */
    static BodyEmitter keepingNoArrays(LocalNames names, Helpers helpers, String method, GradientMethod source,
            Stmt.Block body, ClassMembers members) {
        String function = source.pullback().source().name();
        BodyEmitter emitter = new BodyEmitter(names, helpers, method,
                new KeptArrays(List.of(), names, helpers, function, members), members);
        emitter.nameSourceVariables(source.sourceVariables(), body);
        return emitter;
    }

    /**
     * @param method the source method's name, which the fields keeping its tapes are named after
     * @param keptArrays the arrays the method keeps per thread between calls
     * @param members the names of the generated class's fields
     */
    BodyEmitter(LocalNames names, Helpers helpers, String method, KeptArrays keptArrays, ClassMembers members) {
        this.names = names;
        this.tapes = new Tapes(names, helpers, method, members);
        this.keptArrays = keptArrays;
        this.helpers = helpers;
        this.printer = new ExprPrinter(names, tapes, helpers);
        this.checkpointed = new CheckpointedLoops(names, helpers, printer);
    }

    /**
     * The Java code of a body whose method has the given parameters.
     *
     * @param expectedTapeSizes the entries each tape is expected to hold, where known
     * @param reservations the loops that make room on their tapes before they start,
     *     with the entries per tape kind
     * @param slices the loops whose double-tape entries are copied as one slice of an array
     */
    CodeBlock body(Stmt.Block body, Set<Variable> parameters, Map<TapeKind, Expr> expectedTapeSizes,
            Map<Stmt.Loop, Map<TapeKind, Expr>> reservations, Map<Stmt.Loop, TapeSlice> slices) {
        this.methodBody = body;
        this.declarations = Declarations.of(body, parameters, keptArrays.variables());
        this.reservations = reservations;
        this.slices = slices;
        this.sliced = new HashSet<>();
        slices.values().forEach(slice -> sliced.add(slice.statement()));
        nameLocals(parameters);
        CodeBlock.Builder statements = CodeBlock.builder();
        for (Stmt s : body.statements()) {
            statement(s, statements);
        }
        CodeBlock.Builder code = CodeBlock.builder();
        code.add(tapes.declarations(expectedTapeSizes, printer));
        code.add(checkpointed.topDeclarations());
        return code.add(statements.build()).build();
    }

    /** The fields that keep the tapes of the method between calls on a thread. */
    List<FieldSpec> tapeFields(String pullback) {
        return tapes.keptFields(pullback);
    }

    /**
     * Takes the simple names of the types the body calls through, and the names of the source
     * method's parameters, and notes the source variables' order, in which they are named so that
     * source names win over generated ones: a variable named like a type ({@code Arrays}, a class
     * of the user's) would hide it in {@code Arrays.fill(...)}, so it takes a number instead.
     */
    void nameSourceVariables(List<Variable> variables, Stmt.Block body) {
        typeNames(body).forEach(type -> names.allocate(type, "type " + type));
        sourceVariables.addAll(variables);
        variables.stream().filter(v -> v.role() == Variable.Role.PARAMETER).forEach(names::of);
    }

    /** The simple names of the types {@code body}'s code calls through, and {@code Math} and {@code Arrays}. */
    static Set<String> typeNames(Stmt.Block body) {
        Set<String> types = new TreeSet<>(List.of("Math", "Arrays"));
        IrWalk.statements(body, s -> {
            if (s instanceof Stmt.Throw t) {
                types.add(topLevelName(t.exceptionClass()));
            }
            IrWalk.expressionsOf(s).forEach(e -> IrWalk.expressions(e, x -> {
                if (x instanceof Expr.Constant c) {
                    types.add(topLevelName(c.ownerClass()));
                } else if (x instanceof Expr.Call c) {
                    types.add(topLevelName(c.callee().ownerClass()));
                } else if (x instanceof Expr.MathCall m && m.strict()) {
                    types.add("StrictMath");
                }
            }));
        });
        return types;
    }

    /**
     * Names the locals once their declarations are known: the source method's first, then the
     * parameters the generated method adds, seen throughout it, then the generated locals.
     */
    private void nameLocals(Set<Variable> parameters) {
        names.nameLocals(sourceVariables.stream().filter(declarations.locals()::contains).toList(), declarations);
        parameters.stream().sorted(Comparator.comparingInt(Variable::id)).forEach(names::of);
        names.nameLocals(declarations.locals().stream().sorted(Comparator.comparingInt(Variable::id)).toList(),
                declarations);
    }

    private static String topLevelName(String qualifiedClass) {
        return ClassName.bestGuess(qualifiedClass).topLevelClassName().simpleName();
    }

    private void statements(Stmt.Block block, CodeBlock.Builder code) {
        for (Stmt s : block.statements()) {
            statement(s, code);
        }
    }

    private void statement(Stmt s, CodeBlock.Builder code) {
        for (Variable v : declarations.declaredBefore(s)) {
            if (declarations.startsAtZero(v)) {
                code.addStatement("$L $N = $L", v.type().javaName(), names.of(v), v.type().zeroLiteral());
            } else {
                code.addStatement("$L $N", v.type().javaName(), names.of(v));
            }
        }
        s.accept(new StatementPrinter(code));
    }

    /** Prints one statement into {@code code}. */
    private final class StatementPrinter implements Stmt.Visitor<Void> {

        private final CodeBlock.Builder code;

        StatementPrinter(CodeBlock.Builder code) {
            this.code = code;
        }

        @Override
        public Void assign(Stmt.Assign s) {
            if (keptArrays.keeps(s)) {
                code.add(keptArrays.allocation(s, declarations.declares(s), printer));
            } else {
                code.addStatement("$L", assignment(s));
            }
            return null;
        }

        @Override
        public Void store(Stmt.Store s) {
            if (!sliced.contains(s)) {
                code.addStatement("$L", BodyEmitter.this.store(s));
            }
            return null;
        }

        @Override
        public Void push(Stmt.Push s) {
            if (!sliced.contains(s)) {
                code.addStatement("$L", tapes.push(s.tape(), printer.print(s.value()), roomReserved));
            }
            return null;
        }

        @Override
        public Void block(Stmt.Block s) {
            statements(s, code);
            return null;
        }

        @Override
        public Void ifStatement(Stmt.If s) {
            flow.ifStatement(s, code);
            return null;
        }

        @Override
        public Void loop(Stmt.Loop s) {
            BodyEmitter.this.loop(s, code);
            return null;
        }

        @Override
        public Void breakStatement(Stmt.Break s) {
            code.addStatement("break");
            return null;
        }

        @Override
        public Void continueStatement(Stmt.Continue s) {
            code.addStatement("continue");
            return null;
        }

        @Override
        public Void returnStatement(Stmt.Return s) {
            code.add(tapes.keeping());
            code.add(keptArrays.keeping());
            code.addStatement("return $L", printer.print(s.value()));
            return null;
        }

        @Override
        public Void throwStatement(Stmt.Throw s) {
            code.addStatement("throw new $T($L)", ClassName.bestGuess(s.exceptionClass()),
                    s.message() == null ? "" : printer.print(s.message()));
            return null;
        }

        @Override
        public Void evaluate(Stmt.Evaluate s) {
            code.addStatement("$L", printer.print(s.call()));
            return null;
        }

        @Override
        public Void forwardSweep(Stmt.ForwardSweep s) {
            code.add("$N: {\n", names.allocate("forward", Stmt.ForwardSweep.class)).indent();
            statements(s.body(), code);
            code.unindent().add("}\n");
            return null;
        }

        @Override
        public Void leaveForward(Stmt.LeaveForward s) {
            code.addStatement("break $N", names.allocate("forward", Stmt.ForwardSweep.class));
            return null;
        }

        @Override
        public Void comment(Stmt.Comment s) {
            code.add("// $L\n", s.text());
            return null;
        }

        @Override
        public Void keepSnapshots(Stmt.KeepSnapshots s) {
            code.add(checkpointed.start(s.checkpoints(), methodBody.statements().contains(s)));
            flow.loop(s.loop(), code, checkpointed.snapshotIfDue(s.checkpoints()));
            return null;
        }

        @Override
        public Void reverseSegments(Stmt.ReverseSegments s) {
            String schedule = checkpointed.schedule(s.checkpoints());
            code.add("// Segment by segment, the last first: back to the latest snapshot, forward untaped to the next\n"
                    + "// snapshot the schedule picks or to the segment to reverse, which is taped, then reversed.\n");
            code.beginControlFlow("while ($N.segmentsLeft())", schedule);
            code.add(checkpointed.restoreLatest(s));
            BodyEmitter.this.loop(s.advance(), code);
            code.beginControlFlow("if ($N.snapshotAtTarget())", schedule);
            code.add(checkpointed.snapshotAtTarget(s.checkpoints()));
            code.nextControlFlow("else");
            code.addStatement("long $N = $N.segmentEnd()", names.of(s.segmentEnd()), schedule);
            statements(s.segment(), code);
            code.addStatement("$N.reversed()", schedule);
            code.endControlFlow();
            code.endControlFlow();
            return null;
        }
    }

    /** A statement of a for loop's header: an assignment (the IR's headers hold only those). */
    private CodeBlock headerStatement(Stmt s) {
        if (s instanceof Stmt.Assign a) {
            return assignment(a);
        }
        throw new IllegalArgumentException("a for header holds only assignments, not " + s);
    }

    private CodeBlock assignment(Stmt.Assign a) {
        Variable target = a.target();
        String name = names.of(target);
        if (declarations.declares(a)) {
            return CodeBlock.of("$L $N = $L", target.type().javaName(), name, printer.print(a.value()));
        }
        return update(CodeBlock.of("$N", name), new Expr.Read(target), a.value());
    }

    private CodeBlock store(Stmt.Store st) {
        Expr element = new Expr.Element(st.array(), st.index());
        return update(printer.print(element), element, st.value());
    }

    /**
     * {@code target = value}, as {@code target += x}, {@code i++} and so on where that reads the same,
     * and {@code target += -x} as {@code target -= x}, which rounds the same.
     */
    private CodeBlock update(CodeBlock target, Expr current, Expr value) {
        if (value instanceof Expr.Binary b && b.op() == BinaryOp.ADD && b.left().equals(current)
                && b.type() == current.type() && b.right() instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            return CodeBlock.of("$L -= $L", target, printer.print(u.operand()));
        }
        if (value instanceof Expr.Binary b && b.left().equals(current) && b.type() == current.type()
                && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB || b.op() == BinaryOp.MUL
                || b.op() == BinaryOp.DIV)) {
            boolean one = b.right() instanceof Expr.Literal l && l.text().equals("1");
            if (one && (current.type() == Type.INT || current.type() == Type.LONG)
                    && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB)) {
                return CodeBlock.of("$L$L", target, b.op() == BinaryOp.ADD ? "++" : "--");
            }
            return CodeBlock.of("$L $L= $L", target, b.op().symbol(), printer.print(b.right()));
        }
        return CodeBlock.of("$L = $L", target, printer.print(value));
    }

    /**
     * A loop, preceded by the room it makes on its tapes, if any. Its body's pushes are plain
     * stores exactly when it made room; a nested loop decides for its own body. A loop whose
     * double-tape entries are a slice of an array copies them before it (pushes) or after it
     * (pops), and a reverse loop that only restored them is left out but for its comments.
     */
    private void loop(Stmt.Loop l, CodeBlock.Builder code) {
        Map<TapeKind, Expr> reservation = reservations.getOrDefault(l, Map.of());
        TapeSlice slice = slices.get(l);
        if (!reservation.isEmpty()) {
            code.add("// Room for the loop's tape entries, made once, so that its body stores them unchecked.\n");
            reservation.forEach((kind, entries) ->
                    code.addStatement("$L", tapes.reserve(kind, printer.print(entries))));
        }
        if (slice != null && !slice.restores()) {
            code.add("// The elements of $N the loop overwrites go on the tape in one copy.\n", names.of(slice.array()));
            code.addStatement("$L", tapes.pushSlice(slice, printer));
        }
        boolean outer = roomReserved;
        roomReserved = !reservation.isEmpty();
        if (slice == null || slice.loopRemains()) {
            flow.loop(l, code, CodeBlock.of(""));
        } else {
            IrWalk.statements(l.body(), s -> {
                if (s instanceof Stmt.Comment) {
                    statement(s, code);
                }
            });
        }
        roomReserved = outer;
        if (slice != null && slice.restores()) {
            code.add("// The elements of $N the loop overwrote come back off the tape in one copy.\n",
                    names.of(slice.array()));
            code.addStatement("$L", tapes.restoreSlice(slice, printer));
        }
    }

    private CodeBlock header(List<Stmt> statements) {
        List<CodeBlock> parts = new ArrayList<>();
        for (Stmt s : statements) {
            parts.add(headerStatement(s));
        }
        return CodeBlock.join(parts, ", ");
    }
}
