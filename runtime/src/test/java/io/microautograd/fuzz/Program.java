package io.microautograd.fuzz;

import java.util.List;
import java.util.stream.Stream;

/**
 * The random programs the fuzzer writes: a small AST of the Java subset the gradient compiler
 * claims. One AST is printed as Java source for the processor ({@link JavaPrinter}) and run
 * directly on the {@code Value} engine ({@link ValueInterpreter}), so both paths compute the
 * same program by construction.
 */
final class Program {

    private Program() {
    }

    /**
     * The blocks directly inside {@code statement}: an if's two branches, a loop's body, a switch's
     * cases, and those of a switch expression that is the whole value of a declaration, an
     * assignment or a return.
     */
    static List<List<Stmt>> innerBlocks(Stmt statement) {
        if (statement instanceof Inferred inferred) {
            return innerBlocks(inferred.declaration());
        } else if (statement instanceof Switch choice) {
            return choice.cases().stream().map(Case::body).toList();
        } else if (switchValue(statement) != null) {
            return switchValue(statement).cases().stream().map(Case::body).toList();
        } else if (statement instanceof If branch) {
            return List.of(branch.then(), branch.otherwise());
        } else if (statement instanceof For loop) {
            return List.of(loop.body());
        } else if (statement instanceof While loop) {
            return List.of(loop.body());
        } else if (statement instanceof ForEach loop) {
            return List.of(loop.body());
        } else if (statement instanceof ForEachIndex loop) {
            return List.of(loop.body());
        } else if (statement instanceof CountedFor loop) {
            return List.of(loop.body());
        } else if (statement instanceof StepWhile loop) {
            return List.of(loop.body());
        }
        return List.of();
    }

    /** The switch expression that is the whole value of a declaration, an assignment or a return, or null. */
    static SwitchValue switchValue(Stmt statement) {
        Expr value = statement instanceof Declare d ? d.init() : statement instanceof Assign a ? a.value()
                : statement instanceof Return r ? r.value() : null;
        return value instanceof SwitchValue choice ? choice : null;
    }

    /**
     * The type Java gives {@code e}: {@code "int"} or {@code "long"} for an integer value (which
     * Java converts where a double is expected), else {@code "double"}.
     */
    static String typeOf(Expr e) {
        if (e instanceof IntegerValue i) {
            return i.value().isLong() ? "long" : "int";
        } else if (e instanceof Negate n) {
            return typeOf(n.operand());
        } else if (e instanceof Call c && List.of("abs", "max", "min").contains(c.function())) {
            return promoted(c.arguments());
        } else if (e instanceof Binary b) {
            return promoted(List.of(b.left(), b.right()));
        } else if (e instanceof Ternary t) {
            return promoted(List.of(t.whenTrue(), t.whenFalse()));
        }
        return "double";
    }

    /** The type of arithmetic on {@code operands}, as Java promotes them. */
    private static String promoted(List<Expr> operands) {
        List<String> types = operands.stream().map(Program::typeOf).toList();
        return types.contains("double") ? "double" : types.contains("long") ? "long" : "int";
    }

    /**
     * A static double method: parameters, statements (the last of which returns), and the helper
     * methods it calls, printed into the same class before it. The parameters named in
     * {@code arrays} are {@code double[]}, each {@code arrayLength} long at every checked point;
     * those named in {@code indexArrays} are {@code int[]} with the same fixed contents at every
     * point (they are not differentiated); those in {@code integers} are int or long (only helpers
     * take them, from their callers' arguments); the others are double. A program's
     * {@code staticImports} are those of its compilation unit ({@code java.lang.Math.*},
     * {@code java.lang.StrictMath.sin}, ...), which its calls spelled without a class resolve
     * through; its helpers have none of their own.
     */
    record Method(String name, List<String> parameters, List<String> arrays, int arrayLength, List<Stmt> body,
                  List<Method> helpers, List<IndexArray> indexArrays, List<Integral.Var> integers,
                  List<String> staticImports) {

        /** A method of double parameters only, calling no helper: the part-1 form. */
        Method(String name, List<String> parameters, List<Stmt> body) {
            this(name, parameters, List.of(), 0, body, List.of());
        }

        /** A method without {@code int[]} parameters. */
        Method(String name, List<String> parameters, List<String> arrays, int arrayLength, List<Stmt> body,
                List<Method> helpers) {
            this(name, parameters, arrays, arrayLength, body, helpers, List.of());
        }

        /** A method without int or long parameters and without static imports. */
        Method(String name, List<String> parameters, List<String> arrays, int arrayLength, List<Stmt> body,
                List<Method> helpers, List<IndexArray> indexArrays) {
            this(name, parameters, arrays, arrayLength, body, helpers, indexArrays, List.of(), List.of());
        }

        /** The same method with another body. */
        Method withBody(List<Stmt> newBody) {
            return new Method(name, parameters, arrays, arrayLength, newBody, helpers, indexArrays, integers,
                    staticImports);
        }

        /** The same method with other helpers. */
        Method withHelpers(List<Method> newHelpers) {
            return new Method(name, parameters, arrays, arrayLength, body, newHelpers, indexArrays, integers,
                    staticImports);
        }

        /** The same method with other static imports. */
        Method withStaticImports(List<String> newStaticImports) {
            return new Method(name, parameters, arrays, arrayLength, body, helpers, indexArrays, integers,
                    newStaticImports);
        }

        /** The Java type of {@code parameter}: {@code double}, {@code double[]}, {@code int[]}, {@code int} or {@code long}. */
        String typeOf(String parameter) {
            if (indexArrays.stream().anyMatch(a -> a.name().equals(parameter))) {
                return "int[]";
            }
            return arrays.contains(parameter) ? "double[]" : integers.stream().filter(n -> n.name().equals(parameter))
                    .map(n -> n.isLong() ? "long" : "int").findFirst().orElse("double");
        }

        /** Every statement of the body and of the helpers' bodies, nested ones included. */
        Stream<Stmt> statements() {
            return Stream.concat(nested(body), helpers.stream().flatMap(Method::statements));
        }

        private static Stream<Stmt> nested(List<Stmt> block) {
            return block.stream().flatMap(s -> Stream.concat(Stream.of(s), innerBlocks(s).stream().flatMap(Method::nested)));
        }
    }

    /**
     * An {@code int[]} parameter and the contents it has at every checked point: indices into
     * the method's double arrays (repeats allowed), each below {@link Method#arrayLength()}.
     */
    record IndexArray(String name, List<Integer> contents) {

        /** The contents as the {@code int[]} argument of a call. */
        int[] values() {
            return contents.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The largest element. */
        int max() {
            return contents.stream().mapToInt(Integer::intValue).max().orElseThrow();
        }
    }

    /** Statements. */
    sealed interface Stmt permits Declare, Assign, If, Return, DeclareArray, DeclareAlias, Store, For, While, ForEach,
            ForEachIndex, Break, Continue, DeclareInteger, CountedFor, StepWhile, Inferred, Switch, Throw {
    }

    /**
     * {@code declaration} (a {@link Declare}, {@link DeclareArray}, {@link DeclareAlias},
     * {@link DeclareInteger}, {@link For}, {@link While} or {@link ForEach}) with {@code var} in
     * place of the type it declares. Java infers the declared type only from a double value;
     * {@link JavaPrinter} writes the type out for any other (such as {@code 3} or a switch
     * expression, which a shrunk program may leave).
     */
    record Inferred(Stmt declaration) implements Stmt {
    }

    /**
     * {@code switch (selector) { cases }}, classic ({@code case 1:}, running on into the next
     * case's statements unless a break or a jump ends it) or with arrows ({@code case 1 -> ...},
     * one case only). A {@link Break} in it leaves the switch; a {@link Continue} continues the
     * enclosing loop.
     */
    record Switch(Index selector, boolean arrows, List<Case> cases) implements Stmt {
    }

    /**
     * One case of a switch: the labels that enter it (none for default), its statements, and in a
     * switch expression the value it yields after them (null where it throws, or in a classic
     * switch expression runs on into the next case).
     */
    record Case(List<Integer> labels, List<Stmt> body, Expr yielded) {
    }

    /**
     * {@code throw new exception("text" + value);}, {@code exception} an unchecked exception of
     * {@code java.lang}; just the text when {@code value} is null.
     */
    record Throw(String exception, String text, Expr value) implements Stmt {
    }

    /** {@code int name = value;} or {@code long name = value;}, as {@code value} is typed. */
    record DeclareInteger(String name, Integral value) implements Stmt {
    }

    /**
     * {@code for (int counter = start; counter op bound; counter += step) { body }} ({@code long
     * counter} when {@code isLong}), op one of {@code < <= > >= !=}; the step is printed as
     * {@code ++}, {@code --} or {@code -=} where that reads better.
     */
    record CountedFor(String counter, boolean isLong, Integral start, String op, Integral bound, int step,
            List<Stmt> body) implements Stmt {
    }

    /**
     * {@code while (counter op bound) { counter += step; body }} for a counter an earlier
     * {@link DeclareInteger} declares (a long when {@code isLong}); it steps first, so that a
     * {@code continue} in the body cannot loop forever.
     */
    record StepWhile(String counter, boolean isLong, String op, Integral bound, long step, List<Stmt> body)
            implements Stmt {
    }

    /** {@code double[] name = new double[length];} */
    record DeclareArray(String name, Index length) implements Stmt {
    }

    /**
     * {@code double[] name = target;}: another name for the storage of array {@code target}, so
     * that a write through either name is read through both.
     */
    record DeclareAlias(String name, String target) implements Stmt {
    }

    /** {@code array[index] op= value;} with op as in {@link Assign}. */
    record Store(String array, Index index, String op, Expr value) implements Stmt {
    }

    /** {@code for (int counter = 0; counter < bound; counter++) { body }}. */
    record For(String counter, Index bound, List<Stmt> body) implements Stmt {
    }

    /**
     * {@code int counter = 0; while (counter < bound) { counter++; body }}: the counter steps
     * first so that a {@code continue} in the body cannot loop forever; it runs 1..bound inside.
     */
    record While(String counter, Index bound, List<Stmt> body) implements Stmt {
    }

    /** {@code for (double element : array) { body }}. */
    record ForEach(String element, String array, List<Stmt> body) implements Stmt {
    }

    /** {@code for (int element : indexArray) { body }}: the element reads like a counter. */
    record ForEachIndex(String element, String indexArray, List<Stmt> body) implements Stmt {
    }

    /** {@code break;} (always the last statement of an if branch inside a loop). */
    record Break() implements Stmt {
    }

    /** {@code continue;} (always the last statement of an if branch inside a loop). */
    record Continue() implements Stmt {
    }

    /** Int expressions: loop bounds, array lengths, indices and switch selectors. */
    sealed interface Index permits IntLiteral, Counter, Length, Remainder, IndexElement, Truncate, FloorMod {
    }

    /** {@code ((int) value)}: a double cut to an int, toward zero. */
    record Truncate(Expr value) implements Index {
    }

    /** {@code Math.floorMod(value, divisor)}: the remainder with the divisor's sign, {@code divisor > 0}. */
    record FloorMod(Index value, int divisor) implements Index {
    }

    /** {@code indexArray[index]}: an element of an {@code int[]} parameter. */
    record IndexElement(String indexArray, Index index) implements Index {
    }

    /** An int literal. */
    record IntLiteral(int value) implements Index {
    }

    /** A loop counter, or the element of a {@link ForEachIndex}. */
    record Counter(String name) implements Index {
    }

    /** {@code array.length}, of a double or an int array. */
    record Length(String array) implements Index {
    }

    /** {@code (left % right)}. */
    record Remainder(Index left, Index right) implements Index {
    }

    /** {@code double name = init;} */
    record Declare(String name, Expr init) implements Stmt {
    }

    /** {@code name op= value;} with op one of "", "+", "-", "*", "/". */
    record Assign(String name, String op, Expr value) implements Stmt {
    }

    /** {@code if (condition) { then } else { otherwise }}; otherwise may be empty. */
    record If(Cond condition, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
    }

    /** {@code return value;} */
    record Return(Expr value) implements Stmt {
    }

    /** Expressions of type double. */
    sealed interface Expr permits Var, Literal, Negate, Binary, Call, Ternary, Element, Invoke, ScaledIndex,
            IntegerValue, SwitchValue {
    }

    /**
     * A switch expression, the whole value of a declaration, an assignment or a return (the
     * compiler takes it nowhere else): the value the entered case yields. It has a default case.
     */
    record SwitchValue(Index selector, boolean arrows, List<Case> cases) implements Expr {
    }

    /** An int or long expression where a double is expected: Java converts it (a Math argument, an operand). */
    record IntegerValue(Integral value) implements Expr {
    }

    /** {@code (value * factor)}: an int (such as {@code idx[i]}) in double arithmetic. */
    record ScaledIndex(Index value, double factor) implements Expr {
    }

    /** {@code array[index]}. */
    record Element(String array, Index index) implements Expr {
    }

    /**
     * {@code helper(arrays..., scalars...)}: a call of another generated method of the class, or
     * of a function of arrays of {@link RuledFunctions} (named in full); the arrays are double
     * arrays and then index arrays, in the helper's parameter order.
     */
    record Invoke(String helper, List<String> arrays, List<Expr> scalars) implements Expr {
    }

    /** A parameter or local. */
    record Var(String name) implements Expr {
    }

    /** A non-negative literal (negative numbers come from {@link Negate}). */
    record Literal(double value) implements Expr {
    }

    /** {@code -operand}. */
    record Negate(Expr operand) implements Expr {
    }

    /** {@code left op right} with op one of + - * /. */
    record Binary(String op, Expr left, Expr right) implements Expr {
    }

    /**
     * {@code Math.function(arguments)}, spelled as {@code spelling} says; or the sigmoid, for
     * function {@code "sigmoid"}, which Java spells as the {@code Value} engine computes it
     * (without overflow) and the engine runs as one operation; or {@code Math.round}, for
     * function {@code "round"}, which Java spells {@code (double) Math.round(x)} (in the call's
     * spelling) so that no arithmetic runs in long: its type is double.
     */
    record Call(String function, List<Expr> arguments, Spelling spelling) implements Expr {

        /** {@code Math.function(arguments)}. */
        Call(String function, List<Expr> arguments) {
            this(function, arguments, Spelling.MATH);
        }
    }

    /**
     * How a call names its function's class, and so whose function it is: {@code Math.sin},
     * {@code StrictMath.sin}, {@code java.lang.Math.sin}, {@code java.lang.StrictMath.sin}, or
     * {@code sin} through a static import of Math's or StrictMath's (which the program's
     * {@link Method#staticImports()} must hold, single or on demand, as Java resolves it).
     */
    enum Spelling {
        MATH("Math.", false), STRICT_MATH("StrictMath.", true), QUALIFIED_MATH("java.lang.Math.", false),
        QUALIFIED_STRICT_MATH("java.lang.StrictMath.", true), IMPORTED_MATH("", false),
        IMPORTED_STRICT_MATH("", true);

        /** What the call writes before the function's name. */
        final String prefix;
        /** Whether the function is StrictMath's. */
        final boolean strict;

        Spelling(String prefix, boolean strict) {
            this.prefix = prefix;
            this.strict = strict;
        }
    }

    /** {@code condition ? whenTrue : whenFalse}. */
    record Ternary(Cond condition, Expr whenTrue, Expr whenFalse) implements Expr {
    }

    /** Boolean conditions. */
    sealed interface Cond permits Compare, And, Or, Not {
    }

    /** {@code left op right} with op one of &lt; &lt;= &gt; &gt;=. */
    record Compare(String op, Expr left, Expr right) implements Cond {
    }

    /** {@code left && right}. */
    record And(Cond left, Cond right) implements Cond {
    }

    /** {@code left || right}. */
    record Or(Cond left, Cond right) implements Cond {
    }

    /** {@code !operand}. */
    record Not(Cond operand) implements Cond {
    }
}
