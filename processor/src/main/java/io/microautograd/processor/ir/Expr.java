package io.microautograd.processor.ir;

import java.util.List;

/** An expression of the IR. Expressions have no side effects; each knows its type. */
public sealed interface Expr {

    /** The inferred Java type of the expression. */
    Type type();

    /**
     * Dispatches on the kind of expression. Every pass that must treat each kind its own way
     * implements {@link Visitor}, so a new kind of expression is a compile error in each such pass
     * until the pass says what the kind means to it.
     *
     * @param <R> what the visitor computes
     */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of expression. */
    interface Visitor<R> {
        R literal(Literal e);

        R read(Read e);

        R constant(Constant e);

        R unary(Unary e);

        R binary(Binary e);

        R conditional(Conditional e);

        R mathCall(MathCall e);

        R cast(Cast e);

        R element(Element e);

        R length(Length e);

        R call(Call e);

        R newArray(NewArray e);

        R arrayLiteral(ArrayLiteral e);

        R cloneArray(Clone e);

        R pop(Pop e);
    }

    /** A literal, kept as its source text so the generated code computes exactly what the source did. */
    record Literal(String text, Type type) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.literal(this);
        }

        /** The value of an int or long literal. */
        public long integerValue() {
            return Long.parseLong(text.endsWith("L") ? text.substring(0, text.length() - 1) : text);
        }
    }

    /** The current value of a variable. */
    record Read(Variable variable) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.read(this);
        }

        @Override
        public Type type() {
            return variable.type();
        }
    }

    /** A static final field of a class, referenced by name ({@code Math.PI}, {@code Model.SCALE}). */
    record Constant(String ownerClass, String field, Type type) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.constant(this);
        }
    }

    /** A unary operator applied to an operand. */
    record Unary(UnaryOp op, Expr operand) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unary(this);
        }

        @Override
        public Type type() {
            return op == UnaryOp.TO_FLOAT ? Type.DOUBLE : operand.type();
        }
    }

    /** A binary operator; arithmetic follows Java's numeric promotion. */
    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.binary(this);
        }

        @Override
        public Type type() {
            return op.isComparisonOrLogical() ? Type.BOOLEAN : Type.promote(left.type(), right.type());
        }
    }

    /** The ternary operator {@code condition ? whenTrue : whenFalse}. */
    record Conditional(Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.conditional(this);
        }

        @Override
        public Type type() {
            Type a = whenTrue.type();
            Type b = whenFalse.type();
            return a.isNumeric() && b.isNumeric() ? Type.promote(a, b) : a;
        }
    }

    /**
     * A call of a {@code java.lang.Math} function, or of {@code StrictMath}'s when {@code strict}:
     * the value is that class's, the derivative the one rule of the function.
     */
    record MathCall(MathFunction function, List<Expr> arguments, boolean strict) implements Expr {
        /** A call through {@code Math}. */
        public MathCall(MathFunction function, List<Expr> arguments) {
            this(function, arguments, false);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.mathCall(this);
        }

        @Override
        public Type type() {
            return function.resultType(arguments);
        }
    }

    /** A cast between numeric types. */
    record Cast(Type type, Expr operand) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cast(this);
        }
    }

    /** An element of an array: {@code array[index]}. */
    record Element(Expr array, Expr index) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.element(this);
        }

        @Override
        public Type type() {
            return array.type().elementType();
        }
    }

    /** The length of an array. */
    record Length(Expr array) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.length(this);
        }

        @Override
        public Type type() {
            return Type.INT;
        }
    }

    /** A call of a static method other than {@code Math}'s. */
    record Call(Callee callee, List<Expr> arguments) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.call(this);
        }

        @Override
        public Type type() {
            return callee.returnType();
        }
    }

    /** {@code new double[n]} or {@code new double[n][m]} (or {@code new double[n][]}). */
    record NewArray(Type type, List<Expr> dimensions) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.newArray(this);
        }
    }

    /** An array initializer such as {@code {a, b}}; elements of a matrix are nested initializers. */
    record ArrayLiteral(Type type, List<Expr> elements) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.arrayLiteral(this);
        }
    }

    /** A shallow copy of a {@code double[]}: {@code array.clone()}. */
    record Clone(Expr array) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cloneArray(this);
        }

        @Override
        public Type type() {
            return array.type();
        }
    }

    /** Takes the most recent entry off a tape (generated code only). */
    record Pop(TapeKind tape) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pop(this);
        }

        @Override
        public Type type() {
            return tape.elementType();
        }
    }
}
