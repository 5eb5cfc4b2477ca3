package io.microautograd.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.FloatTyping;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.MathFunction;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.UnaryOp;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the Value twin of one {@code @Differentiable} method: the same body run on the engine's
 * {@code Value}s, so that its graph can be drawn, traced and backpropagated. Every {@code double}
 * is a {@code Value} and every {@code double[]} a {@code Value[]}; int, long and boolean code,
 * loops, branches and guards stay as the source wrote them (the graph unrolls the loops as they
 * run), and a branch on a value compares its {@code data()}. Each operation on values is one
 * engine node, computed as Java computes the source's ({@code a - b} as {@code a + (-1 * b)}, which
 * rounds the same), and a new node assigned to a variable or stored into an array is labelled
 * with its name. A call of an annotated method calls its twin; a call of a method with a user's
 * rule applies the rule's operation ({@link RuleOperations}). A construct the engine has no
 * counterpart for (an array of values passed to a method that is not {@code @Differentiable},
 * {@code Math.clamp} with bounds that are values, a call of an annotated method without a twin or
 * of a method whose rule has no operation) makes the writer give the reason instead of a method.
 */
final class ValueTwinWriter {

    static final ClassName VALUE = ClassName.get("io.microautograd.engine", "Value");

    private static final int PRIMARY = 16;
    private static final int UNARY = 14;
    private static final int CONDITIONAL = 2;
    /** The functions whose {@code Math} and {@code StrictMath} forms agree to the bit: exact, or one product. */
    private static final Set<MathFunction> SAME_IN_STRICT_MATH = EnumSet.of(MathFunction.SQRT, MathFunction.ABS,
            MathFunction.MAX, MathFunction.MIN, MathFunction.COPY_SIGN, MathFunction.FLOOR, MathFunction.CEIL,
            MathFunction.RINT, MathFunction.SIGNUM, MathFunction.SCALB, MathFunction.FMA, MathFunction.CLAMP,
            MathFunction.TO_RADIANS, MathFunction.TO_DEGREES);

    /** Why a method has no twin. */
    private static final class NoCounterpart extends RuntimeException {
        NoCounterpart(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A printed expression: its code, whether it is a {@code Value} (not a plain number), and its precedence. */
    private record Code(CodeBlock code, boolean value, int precedence) {
        static Code plain(CodeBlock code, int precedence) {
            return new Code(code, false, precedence);
        }

        static Code node(CodeBlock code) {
            return new Code(code, true, PRIMARY);
        }
    }

    private final Function function;
    private final ClassName source;
    private final ValueTwins.Calls calls;
    private final RuleOperations operations;
    private final TwinHelpers helpers;
    private final LocalNames names = new LocalNames();
    private Declarations declarations;
    private final ControlFlow flow = new ControlFlow(new ControlFlow.Parts() {
        @Override
        public CodeBlock condition(Expr condition) {
            return plain(condition);
        }

        @Override
        public CodeBlock header(List<Stmt> statements) {
            return statements.stream().map(s -> assignment((Stmt.Assign) s)).collect(CodeBlock.joining(", "));
        }

        @Override
        public void statements(Stmt.Block block, CodeBlock.Builder code) {
            ValueTwinWriter.this.statements(block, code);
        }

        @Override
        public boolean declaredBefore(Stmt s) {
            return !declarations.declaredBefore(s).isEmpty();
        }
    });

    private ValueTwinWriter(Function function, ClassName source, ValueTwins.Calls calls, RuleOperations operations,
            TwinHelpers helpers) {
        this.function = function;
        this.source = source;
        this.calls = calls;
        this.operations = operations;
        this.helpers = helpers;
    }

    /**
     * The twin of {@code function}, a method of {@code source}, or the reason it has none.
     *
     * @param operations the operations of the rules of the methods it may call
     * @param helpers the twin class's helper methods, marked used as the method needs them
     */
    static Twin write(Function function, ClassName source, ValueTwins.Calls calls, RuleOperations operations,
            TwinHelpers helpers) {
        TwinHelpers used = helpers.copy();
        try {
            MethodSpec method = new ValueTwinWriter(function, source, calls, operations, used).method();
            helpers.addAll(used);
            return new Twin(method, null);
        } catch (NoCounterpart e) {
            return new Twin(null, e.getMessage());
        } catch (RuntimeException e) {
            // The twin is an extra: a bug in writing it must not stop the build of the gradient code.
            return new Twin(null, "the processor failed to write it (a bug; please report it): " + e);
        }
    }

    /**
     * A method's twin, or why it has none.
     *
     * @param method the twin; null when it has none
     * @param reason why it has none; null when it has one
     */
    record Twin(MethodSpec method, String reason) {
    }

    private MethodSpec method() {
        BodyEmitter.typeNames(function.body()).forEach(type -> names.allocate(type, "type " + type));
        names.allocate(VALUE.simpleName(), "type " + VALUE.simpleName());
        MethodSpec.Builder m = MethodSpec.methodBuilder(function.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(VALUE)
                .addJavadoc("Runs {@link $T#$L($L)}\non {@code Value}s: one engine node per operation, labelled with"
                        + " the source's names, so that\nthe result's graph can be drawn, traced and differentiated by"
                        + " {@code backward()}. A parameter\nnode without a label gets the parameter's name.\n\n"
                        + "@return the node of the returned value\n", source, function.name(), function.parameters()
                        .stream().map(p -> p.type().javaName()).collect(Collectors.joining(", ")));
        for (Variable p : function.parameters()) {
            m.addParameter(typeName(p.type()), names.of(p));
        }
        declarations = Declarations.of(function.body(), new HashSet<>(function.parameters()), Set.of());
        names.nameLocals(declarations.locals().stream().sorted(Comparator.comparingInt(Variable::id)).toList(),
                declarations);
        CodeBlock.Builder code = CodeBlock.builder();
        for (Variable p : function.parameters()) {
            if (p.type() == Type.DOUBLE) {
                code.addStatement("$N($N, $S)", helpers.use(TwinHelpers.Helper.NAME), names.of(p), p.name());
            }
        }
        statements(function.body(), code);
        return m.addCode(code.build()).build();
    }

    /** The type a twin has where the source has {@code type}. */
    static TypeName typeName(Type type) {
        return switch (type) {
            case DOUBLE -> VALUE;
            case DOUBLE_ARRAY -> ArrayTypeName.of(VALUE);
            case DOUBLE_MATRIX -> ArrayTypeName.of(ArrayTypeName.of(VALUE));
            case INT -> TypeName.INT;
            case LONG -> TypeName.LONG;
            case BOOLEAN -> TypeName.BOOLEAN;
            case INT_ARRAY -> ArrayTypeName.of(TypeName.INT);
            case STRING -> ClassName.get(String.class);
        };
    }

    private void statements(Stmt.Block block, CodeBlock.Builder code) {
        for (Stmt s : block.statements()) {
            for (Variable v : declarations.declaredBefore(s)) {
                if (declarations.startsAtZero(v)) {
                    code.addStatement("$T $N = $L", typeName(v.type()), names.of(v), v.type() == Type.DOUBLE
                            ? CodeBlock.of("$T.of(0.0)", VALUE) : v.type().zeroLiteral());
                } else {
                    code.addStatement("$T $N", typeName(v.type()), names.of(v));
                }
            }
            s.accept(new StatementPrinter(code));
        }
    }

    /** Prints one source statement. */
    private final class StatementPrinter implements Stmt.Visitor<Void> {

        private final CodeBlock.Builder code;

        StatementPrinter(CodeBlock.Builder code) {
            this.code = code;
        }

        @Override
        public Void assign(Stmt.Assign s) {
            code.addStatement("$L", assignment(s));
            return null;
        }

        @Override
        public Void store(Stmt.Store s) {
            Expr element = new Expr.Element(s.array(), s.index());
            code.addStatement("$L = $L", print(element).code(), element.type() == Type.DOUBLE
                    ? valueOf(s.value(), elementLabel(element)) : print(s.value()).code());
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
            flow.loop(s, code, CodeBlock.of(""));
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
            code.addStatement("return $L", valueOf(s.value(), null));
            return null;
        }

        @Override
        public Void throwStatement(Stmt.Throw s) {
            code.addStatement("throw new $T($L)", ClassName.bestGuess(s.exceptionClass()),
                    s.message() == null ? "" : plain(s.message()));
            return null;
        }

        @Override
        public Void evaluate(Stmt.Evaluate s) {
            throw notInSource(s);
        }

        @Override
        public Void push(Stmt.Push s) {
            throw notInSource(s);
        }

        @Override
        public Void forwardSweep(Stmt.ForwardSweep s) {
            throw notInSource(s);
        }

        @Override
        public Void leaveForward(Stmt.LeaveForward s) {
            throw notInSource(s);
        }

        @Override
        public Void comment(Stmt.Comment s) {
            throw notInSource(s);
        }

        @Override
        public Void keepSnapshots(Stmt.KeepSnapshots s) {
            throw notInSource(s);
        }

        @Override
        public Void reverseSegments(Stmt.ReverseSegments s) {
            throw notInSource(s);
        }
    }

    private static IllegalStateException notInSource(Stmt s) {
        return new IllegalStateException("a source body holds no " + s.getClass().getSimpleName());
    }

    /** An assignment; a new node assigned to a variable of values is labelled with the variable's name. */
    private CodeBlock assignment(Stmt.Assign a) {
        Variable target = a.target();
        CodeBlock declared = declarations.declares(a) ? CodeBlock.of("$T ", typeName(target.type())) : CodeBlock.of("");
        if (target.type() == Type.DOUBLE) {
            return CodeBlock.of("$L$N = $L", declared, names.of(target), valueOf(a.value(), CodeBlock.of("$S",
                    target.name())));
        }
        if (declared.isEmpty() && a.value() instanceof Expr.Binary b && b.left().equals(new Expr.Read(target))
                && b.type() == target.type() && (target.type() == Type.INT || target.type() == Type.LONG)) {
            boolean one = b.right() instanceof Expr.Literal l && l.text().equals("1");
            if (one && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB)) {
                return CodeBlock.of("$N$L", names.of(target), b.op() == BinaryOp.ADD ? "++" : "--");
            }
            return CodeBlock.of("$N $L= $L", names.of(target), b.op().symbol(), operand(print(b.right()), b.op()
                    .precedence(), true));
        }
        return CodeBlock.of("$L$N = $L", declared, names.of(target), print(a.value()).code());
    }

    /**
     * The label of a node stored into {@code element}, {@code "w[" + i + "]"}, with the indices it
     * is stored at; null when the array is not a variable's.
     */
    private CodeBlock elementLabel(Expr element) {
        List<Expr> indices = new ArrayList<>();
        Expr array = element;
        while (array instanceof Expr.Element e) {
            indices.add(0, e.index());
            array = e.array();
        }
        if (!(array instanceof Expr.Read read)) {
            return null;
        }
        List<CodeBlock> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder(read.variable().name());
        for (Expr index : indices) {
            text.append('[');
            if (index instanceof Expr.Literal literal) {
                text.append(literal.text());
            } else {
                parts.add(CodeBlock.of("$S", text));
                parts.add(operand(print(index), BinaryOp.ADD.precedence(), true));
                text.setLength(0);
            }
            text.append(']');
        }
        parts.add(CodeBlock.of("$S", text));
        return CodeBlock.join(parts, " + ");
    }

    /**
     * {@code e} as a {@code Value}: a plain number becomes a leaf; a new node gets {@code label}
     * when one is given (a read, an element or a call's result is a node that already has its name).
     */
    private CodeBlock valueOf(Expr e, CodeBlock label) {
        Code c = print(e);
        CodeBlock node = asValue(c);
        boolean fresh = !c.value() || e instanceof Expr.Binary || e instanceof Expr.Unary || e instanceof Expr.MathCall;
        return label != null && fresh ? CodeBlock.of("$L.label($L)", node, label) : node;
    }

    private CodeBlock plain(Expr e) {
        return asPlain(print(e));
    }

    /**
     * A value as the plain number Java's source has there: a float's, held by a value as a double,
     * cast back to float, so that overloads ({@code Math.round}) and messages see a float.
     */
    private static Code plainOf(Expr e, Code c) {
        return c.value() && FloatTyping.isFloat(e) ? Code.plain(CodeBlock.of("(float) $L", asPlain(c)), UNARY) : c;
    }

    private static CodeBlock asValue(Code c) {
        return c.value() ? c.code() : CodeBlock.of("$T.of($L)", VALUE, c.code());
    }

    private static CodeBlock asPlain(Code c) {
        return c.value() ? CodeBlock.of("$L.data()", receiver(c)) : c.code();
    }

    /** A value as the receiver of a method call. */
    private static CodeBlock receiver(Code c) {
        CodeBlock value = asValue(c);
        return c.value() && c.precedence() < PRIMARY ? CodeBlock.of("($L)", value) : value;
    }

    /** A plain operand, parenthesized when its own precedence would regroup it. */
    private static CodeBlock operand(Code c, int context, boolean rightOrUnary) {
        CodeBlock code = asPlain(c);
        int p = c.value() ? PRIMARY : c.precedence();
        boolean parens = rightOrUnary ? p <= context : p < context;
        if (context == UNARY) {
            String text = code.toString();
            parens = p < UNARY || text.startsWith("-") || text.startsWith("+");
        }
        return parens ? CodeBlock.of("($L)", code) : code;
    }

    private Code print(Expr e) {
        return e.accept(new ExpressionPrinter());
    }

    /** Prints an expression as a value or as plain Java, whichever it is. */
    private final class ExpressionPrinter implements Expr.Visitor<Code> {

        @Override
        public Code literal(Expr.Literal e) {
            return Code.plain(CodeBlock.of("$L", e.text()), e.text().startsWith("-") ? UNARY : PRIMARY);
        }

        @Override
        public Code read(Expr.Read e) {
            return new Code(CodeBlock.of("$N", names.of(e.variable())), e.type() == Type.DOUBLE, PRIMARY);
        }

        @Override
        public Code constant(Expr.Constant e) {
            return Code.plain(CodeBlock.of("$T.$N", ClassName.bestGuess(e.ownerClass()), e.field()), PRIMARY);
        }

        @Override
        public Code unary(Expr.Unary e) {
            Code operand = print(e.operand());
            if (e.op() == UnaryOp.PLUS) {
                return operand;
            }
            if (operand.value()) {
                return Code.node(CodeBlock.of("$L.$L()", receiver(operand), e.op() == UnaryOp.NEG ? "neg" : "toFloat"));
            }
            if (e.op() == UnaryOp.TO_FLOAT && FloatTyping.isFloat(e.operand())) {
                return operand;
            }
            return Code.plain(CodeBlock.of("$L$L", e.op().symbol(), operand(operand, UNARY, true)), UNARY);
        }

        @Override
        public Code binary(Expr.Binary e) {
            Code left = print(e.left());
            Code right = print(e.right());
            if (e.type() == Type.DOUBLE && (left.value() || right.value())) {
                String method = switch (e.op()) {
                    case ADD -> "add";
                    case SUB -> "sub";
                    case MUL -> "mul";
                    case DIV -> "div";
                    default -> throw new IllegalStateException("the parser rejects " + e.op() + " on doubles");
                };
                return Code.node(CodeBlock.of("$L.$L($L)", receiver(left), method, right.code()));
            }
            int p = e.op().precedence();
            if (e.type() == Type.STRING) {
                return Code.plain(CodeBlock.of("$L + $L", operand(plainOf(e.left(), left), p, false),
                        operand(plainOf(e.right(), right), p, true)), p);
            }
            return Code.plain(CodeBlock.of("$L $L $L", operand(left, p, false), e.op().symbol(), operand(right, p,
                    true)), p);
        }


        @Override
        public Code conditional(Expr.Conditional e) {
            Code whenTrue = print(e.whenTrue());
            Code whenFalse = print(e.whenFalse());
            Code condition = print(e.condition());
            boolean value = whenTrue.value() || whenFalse.value();
            CodeBlock t = value ? asValue(whenTrue) : operand(whenTrue, CONDITIONAL, true);
            CodeBlock f = value ? asValue(whenFalse) : operand(whenFalse, CONDITIONAL, true);
            return new Code(CodeBlock.of("$L ? $L : $L", operand(condition, CONDITIONAL, true), t, f), value,
                    CONDITIONAL);
        }

        @Override
        public Code mathCall(Expr.MathCall e) {
            List<Code> arguments = e.arguments().stream().map(ValueTwinWriter.this::print).toList();
            if (e.type() != Type.DOUBLE || arguments.stream().noneMatch(Code::value)) {
                CodeBlock plain = CodeBlock.join(java.util.stream.IntStream.range(0, arguments.size())
                        .mapToObj(i -> asPlain(plainOf(e.arguments().get(i), arguments.get(i)))).toList(), ", ");
                return Code.plain(CodeBlock.of("$T.$N($L)", e.strict() ? StrictMath.class : Math.class,
                        e.function().javaName(), plain), PRIMARY);
            }
            MathFunction f = e.function();
            CodeBlock rest = arguments.subList(1, arguments.size()).stream().map(a -> argument(f, a))
                    .collect(CodeBlock.joining(", "));
            if (f == MathFunction.CLAMP && arguments.subList(1, 3).stream().anyMatch(Code::value)) {
                throw new NoCounterpart("Math.clamp with bounds that are values: the engine's clamp takes"
                        + " constant bounds");
            }
            CodeBlock call = CodeBlock.of("$L.$N($L)", receiver(arguments.get(0)), f.javaName(), rest);
            if (e.strict() && !SAME_IN_STRICT_MATH.contains(f)) {
                call = CodeBlock.of("$N($L, $T::$N)", helpers.use(TwinHelpers.Helper.STRICT), call, StrictMath.class,
                        f.javaName());
            }
            return Code.node(f.returnsFloat(e.arguments()) ? CodeBlock.of("$L.toFloat()", call) : call);
        }

        @Override
        public Code cast(Expr.Cast e) {
            Code operand = print(e.operand());
            if (e.type() == Type.DOUBLE && operand.value()) {
                return operand;
            }
            return Code.plain(CodeBlock.of("($L) $L", e.type().javaName(), operand(operand, UNARY, true)), UNARY);
        }

        @Override
        public Code element(Expr.Element e) {
            return new Code(CodeBlock.of("$L[$L]", print(e.array()).code(), plain(e.index())),
                    e.type() == Type.DOUBLE, PRIMARY);
        }

        @Override
        public Code length(Expr.Length e) {
            return Code.plain(CodeBlock.of("$L.length", print(e.array()).code()), PRIMARY);
        }

        @Override
        public Code call(Expr.Call e) {
            Callee callee = e.callee();
            if (callee.rule() != null || callee.pullbackRule() != null) {
                // The rule, not the method (nor a replaced helper's twin), is what the compiled
                // gradient differentiates by, so the twin's node is the rule's operation.
                RuleOperations.Operation operation = operations.of(callee);
                if (operation.owner() == null) {
                    throw new NoCounterpart("it calls " + callee.name() + ", " + operation.whyNone());
                }
                return onValues(operation.owner(), e);
            }
            if (callee.derivativeOf() != null) {
                throw new NoCounterpart("it calls " + callee.name() + ", a generated derivative, which takes numbers:"
                        + " the engine's nodes carry no second derivatives through it");
            }
            if (callee.isDifferentiable()) {
                return onValues(calls.twinClass(callee).orElseThrow(() -> new NoCounterpart("it calls "
                        + callee.name() + ", which has no Value twin")), e);
            }
            if (callee.returnType().isArray() || e.arguments().stream().anyMatch(a -> a.type().isArray())) {
                throw new NoCounterpart("it passes arrays of doubles to or from " + callee.name()
                        + ", which is not @Differentiable and so takes no Values");
            }
            return Code.plain(CodeBlock.of("$T.$N($L)", ClassName.bestGuess(callee.ownerClass()), callee.name(),
                    e.arguments().stream().map(ValueTwinWriter.this::plain).collect(CodeBlock.joining(", "))), PRIMARY);
        }

        /** A call of {@code owner}'s method named after the callee, on values where it takes doubles. */
        private Code onValues(ClassName owner, Expr.Call e) {
            Callee callee = e.callee();
            List<CodeBlock> arguments = new ArrayList<>();
            for (int i = 0; i < e.arguments().size(); i++) {
                Code argument = print(e.arguments().get(i));
                arguments.add(callee.parameterTypes().get(i) == Type.DOUBLE ? asValue(argument) : argument.code());
            }
            return new Code(CodeBlock.of("$T.$N($L)", owner, callee.name(), CodeBlock.join(arguments, ", ")),
                    callee.returnType() == Type.DOUBLE, PRIMARY);
        }

        @Override
        public Code newArray(Expr.NewArray e) {
            if (e.dimensions().size() == 1 && e.type() == Type.DOUBLE_MATRIX) {
                return Code.plain(CodeBlock.of("new $T[$L][]", VALUE, plain(e.dimensions().get(0))), PRIMARY);
            }
            return Code.plain(CodeBlock.of("$N($L)", helpers.use(e.dimensions().size() == 1 ? TwinHelpers.Helper.ZEROS
                    : TwinHelpers.Helper.ZERO_MATRIX), e.dimensions().stream().map(ValueTwinWriter.this::plain)
                    .collect(CodeBlock.joining(", "))), PRIMARY);
        }

        @Override
        public Code arrayLiteral(Expr.ArrayLiteral e) {
            return Code.plain(CodeBlock.of("new $T $L", typeName(e.type()), initializer(e)), PRIMARY);
        }

        private CodeBlock initializer(Expr.ArrayLiteral a) {
            return a.elements().stream().map(element -> element instanceof Expr.ArrayLiteral inner ? initializer(inner)
                    : element.type() == Type.DOUBLE ? asValue(print(element)) : plain(element))
                    .collect(CodeBlock.joining(", ", "{", "}"));
        }

        @Override
        public Code cloneArray(Expr.Clone e) {
            return Code.plain(CodeBlock.of("$L.clone()", print(e.array()).code()), PRIMARY);
        }

        @Override
        public Code pop(Expr.Pop e) {
            throw new IllegalStateException("a source body pops no tape");
        }
    }

    /**
     * An argument after the first of the engine's form of {@code f}: a plain number for scalb's
     * exponent and clamp's bounds, either for pow, max and min (whose plain overloads make no
     * node of a constant), else a value.
     */
    private static CodeBlock argument(MathFunction f, Code c) {
        return switch (f) {
            case SCALB, CLAMP -> asPlain(c);
            case POW, MAX, MIN -> c.code();
            default -> asValue(c);
        };
    }
}
