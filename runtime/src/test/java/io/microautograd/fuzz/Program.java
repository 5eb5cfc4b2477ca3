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

    /** The blocks directly inside {@code statement}: an if's two branches, a loop's body. */
    static List<List<Stmt>> innerBlocks(Stmt statement) {
        if (statement instanceof If branch) {
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

    /**
     * A static double method: parameters, statements (the last of which returns), and the helper
     * methods it calls, printed into the same class before it. The parameters named in
     * {@code arrays} are {@code double[]}, each {@code arrayLength} long at every checked point;
     * those named in {@code indexArrays} are {@code int[]} with the same fixed contents at every
     * point (they are not differentiated); the others are double.
     */
    record Method(String name, List<String> parameters, List<String> arrays, int arrayLength, List<Stmt> body,
                  List<Method> helpers, List<IndexArray> indexArrays) {

        /** A method of double parameters only, calling no helper: the part-1 form. */
        Method(String name, List<String> parameters, List<Stmt> body) {
            this(name, parameters, List.of(), 0, body, List.of());
        }

        /** A method without {@code int[]} parameters. */
        Method(String name, List<String> parameters, List<String> arrays, int arrayLength, List<Stmt> body,
                List<Method> helpers) {
            this(name, parameters, arrays, arrayLength, body, helpers, List.of());
        }

        /** The same method with another body. */
        Method withBody(List<Stmt> newBody) {
            return new Method(name, parameters, arrays, arrayLength, newBody, helpers, indexArrays);
        }

        /** The same method with other helpers. */
        Method withHelpers(List<Method> newHelpers) {
            return new Method(name, parameters, arrays, arrayLength, body, newHelpers, indexArrays);
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
            ForEachIndex, Break, Continue, DeclareInteger, CountedFor, StepWhile {
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

    /** Int expressions: loop bounds, array lengths and indices. */
    sealed interface Index permits IntLiteral, Counter, Length, Remainder, IndexElement {
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
            IntegerValue {
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
     * {@code helper(arrays..., scalars...)}: a call of another generated method of the class;
     * the arrays are double arrays and then index arrays, in the helper's parameter order.
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
     * {@code Math.function(arguments)}; or the sigmoid, for function {@code "sigmoid"}, which Java
     * spells as the {@code Value} engine computes it (without overflow) and the engine runs as one
     * operation; or {@code Math.round}, for function {@code "round"}, which Java spells
     * {@code (double) Math.round(x)} so that no arithmetic runs in long.
     */
    record Call(String function, List<Expr> arguments) implements Expr {
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
