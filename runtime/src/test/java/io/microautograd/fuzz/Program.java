package io.microautograd.fuzz;

import java.util.List;

/**
 * The random programs the fuzzer writes: a small AST of the Java subset the gradient compiler
 * claims. One AST is printed as Java source for the processor ({@link JavaPrinter}) and run
 * directly on the {@code Value} engine ({@link ValueInterpreter}), so both paths compute the
 * same program by construction.
 */
final class Program {

    private Program() {
    }

    /** A static double method: parameters (all double), statements, the last of which returns. */
    record Method(String name, List<String> parameters, List<Stmt> body) {
    }

    /** Statements. */
    sealed interface Stmt permits Declare, Assign, If, Return {
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
    sealed interface Expr permits Var, Literal, Negate, Binary, Call, Ternary {
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

    /** {@code Math.function(arguments)}. */
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
