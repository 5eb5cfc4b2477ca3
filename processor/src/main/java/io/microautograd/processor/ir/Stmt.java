package io.microautograd.processor.ir;

import java.util.List;

/**
 * A statement of the IR. A statement is a place in a program, not a value: two statements are equal
 * only when they are the same node, whatever they hold, so maps keyed by statements are keyed by
 * place (each record overrides {@code equals} and {@code hashCode} to say so).
 */
public sealed interface Stmt {

    /**
     * Dispatches on the kind of statement. Every pass that must treat each kind its own way
     * implements {@link Visitor}, so a new kind of statement is a compile error in each such pass
     * until the pass says what the kind means to it.
     *
     * @param <R> what the visitor computes
     */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of statement. */
    interface Visitor<R> {
        R assign(Assign s);

        R store(Store s);

        R block(Block s);

        R ifStatement(If s);

        R loop(Loop s);

        R breakStatement(Break s);

        R continueStatement(Continue s);

        R returnStatement(Return s);

        R throwStatement(Throw s);

        R evaluate(Evaluate s);

        R push(Push s);

        R forwardSweep(ForwardSweep s);

        R leaveForward(LeaveForward s);

        R comment(Comment s);

        R keepSnapshots(KeepSnapshots s);

        R reverseSegments(ReverseSegments s);
    }

    /** Where a source statement came from, for the comments that tie generated code to it. */
    record Origin(long line, String text) {
        /** The origin of statements the differentiation introduces. */
        public static final Origin NONE = new Origin(-1, "");
    }

    /** {@code target = value}; {@code declaration} when the source declared the variable here. */
    record Assign(Variable target, Expr value, boolean declaration, Origin origin) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.assign(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** {@code array[index] = value}. */
    record Store(Expr array, Expr index, Expr value, Origin origin) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.store(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** A sequence of statements. */
    record Block(List<Stmt> statements) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.block(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        /** A block of the given statements. */
        public static Block of(List<Stmt> statements) {
            return new Block(List.copyOf(statements));
        }
    }

    /** {@code if (condition) thenBlock else elseBlock}; an absent else is an empty block. */
    record If(Expr condition, Block thenBlock, Block elseBlock, Origin origin) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ifStatement(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** The loop forms; each tests {@code condition} before (or, for DO_WHILE, after) the body. */
    enum LoopKind { WHILE, DO_WHILE, FOR }

    /**
     * A loop. For FOR, {@code init} runs once and {@code update} after each iteration that is not
     * left by {@code break}; a null condition means {@code true}.
     */
    record Loop(LoopKind kind, List<Stmt> init, Expr condition, List<Stmt> update, Block body,
            Origin origin) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.loop(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** {@code break} out of the innermost loop. */
    record Break(Origin origin) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.breakStatement(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** {@code continue} with the innermost loop's next iteration. */
    record Continue(Origin origin) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.continueStatement(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** {@code return value}. */
    record Return(Expr value, Origin origin) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.returnStatement(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /**
     * {@code throw new exceptionClass(message)}, a guard: an unchecked exception with a message of
     * string literals and values, or none ({@code message} null).
     */
    record Throw(String exceptionClass, Expr message, Origin origin) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.throwStatement(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /**
     * Evaluates a call for its effect (generated code: a call of a pullback, or of a plain method
     * that may throw in a value the tangent leaves out).
     */
    record Evaluate(Expr.Call call) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.evaluate(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Records a value on a tape (generated code only). */
    record Push(TapeKind tape, Expr value) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.push(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** A block that {@link LeaveForward} jumps out of: the forward sweep of a method with several returns. */
    record ForwardSweep(Block body) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.forwardSweep(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Leaves the enclosing {@link ForwardSweep}, as a source {@code return} leaves the method. */
    record LeaveForward() implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.leaveForward(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** A comment line in the generated code. */
    record Comment(String text) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.comment(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /**
     * The forward sweep of a checkpointed loop (generated code only): {@code loop}, the source loop,
     * runs as written and, before each iteration its schedule picks, keeps a snapshot of the state
     * that {@code checkpoints} names. Nothing goes on a tape.
     */
    record KeepSnapshots(Checkpoints checkpoints, Loop loop) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.keepSnapshots(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /**
     * The reverse sweep of a checkpointed loop (generated code only), segment by segment, the last
     * first. Each round restores the latest snapshot, whose iteration {@code from} holds, runs
     * {@code advance} (the source body, untaped) up to iteration {@code target}, which the schedule
     * picks, and then either keeps a snapshot there or, when {@code target} starts the segment to
     * reverse, whose end {@code segmentEnd} holds, runs {@code segment}: that segment's iterations
     * taped, then reversed. The three variables are set by the round itself.
     */
    record ReverseSegments(Checkpoints checkpoints, Variable from, Variable target, Variable segmentEnd,
            Loop advance, Block segment) implements Stmt {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reverseSegments(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
