package io.microautograd.processor.ir;

import java.util.List;

/** A statement of the IR. */
public sealed interface Stmt {

    /** Where a source statement came from, for the comments that tie generated code to it. */
    record Origin(long line, String text) {
        /** The origin of statements the differentiation introduces. */
        public static final Origin NONE = new Origin(-1, "");
    }

    /** {@code target = value}; {@code declaration} when the source declared the variable here. */
    record Assign(Variable target, Expr value, boolean declaration, Origin origin) implements Stmt {
    }

    /** {@code array[index] = value}. */
    record Store(Expr array, Expr index, Expr value, Origin origin) implements Stmt {
    }

    /** A sequence of statements. */
    record Block(List<Stmt> statements) implements Stmt {
        /** A block of the given statements. */
        public static Block of(List<Stmt> statements) {
            return new Block(List.copyOf(statements));
        }
    }

    /** {@code if (condition) thenBlock else elseBlock}; an absent else is an empty block. */
    record If(Expr condition, Block thenBlock, Block elseBlock, Origin origin) implements Stmt {
    }

    /** The loop forms; each tests {@code condition} before (or, for DO_WHILE, after) the body. */
    enum LoopKind { WHILE, DO_WHILE, FOR }

    /**
     * A loop. For FOR, {@code init} runs once and {@code update} after each iteration that is not
     * left by {@code break}; a null condition means {@code true}.
     */
    record Loop(LoopKind kind, List<Stmt> init, Expr condition, List<Stmt> update, Block body,
            Origin origin) implements Stmt {
    }

    /** {@code break} out of the innermost loop. */
    record Break(Origin origin) implements Stmt {
    }

    /** {@code continue} with the innermost loop's next iteration. */
    record Continue(Origin origin) implements Stmt {
    }

    /** {@code return value}. */
    record Return(Expr value, Origin origin) implements Stmt {
    }

    /** Evaluates a call for its effect (generated code calling a pullback). */
    record Evaluate(Expr.Call call) implements Stmt {
    }

    /** Records a value on a tape (generated code only). */
    record Push(TapeKind tape, Expr value) implements Stmt {
    }

    /** A block that {@link LeaveForward} jumps out of: the forward sweep of a method with several returns. */
    record ForwardSweep(Block body) implements Stmt {
    }

    /** Leaves the enclosing {@link ForwardSweep}, as a source {@code return} leaves the method. */
    record LeaveForward() implements Stmt {
    }

    /** A comment line in the generated code. */
    record Comment(String text) implements Stmt {
    }
}
