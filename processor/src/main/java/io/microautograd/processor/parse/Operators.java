package io.microautograd.processor.parse;

import com.sun.source.tree.Tree;
import io.microautograd.processor.ir.BinaryOp;
import java.util.Optional;

/** Maps the javac tree kinds of operators onto the IR's operators. */
final class Operators {

    private Operators() {
    }

    /** The IR operator for a binary tree kind, if the subset supports it. */
    static Optional<BinaryOp> binary(Tree.Kind kind) {
        switch (kind) {
            case PLUS:
            case PLUS_ASSIGNMENT:
                return Optional.of(BinaryOp.ADD);
            case MINUS:
            case MINUS_ASSIGNMENT:
                return Optional.of(BinaryOp.SUB);
            case MULTIPLY:
            case MULTIPLY_ASSIGNMENT:
                return Optional.of(BinaryOp.MUL);
            case DIVIDE:
            case DIVIDE_ASSIGNMENT:
                return Optional.of(BinaryOp.DIV);
            case REMAINDER:
            case REMAINDER_ASSIGNMENT:
                return Optional.of(BinaryOp.REM);
            case LESS_THAN:
                return Optional.of(BinaryOp.LT);
            case LESS_THAN_EQUAL:
                return Optional.of(BinaryOp.LE);
            case GREATER_THAN:
                return Optional.of(BinaryOp.GT);
            case GREATER_THAN_EQUAL:
                return Optional.of(BinaryOp.GE);
            case EQUAL_TO:
                return Optional.of(BinaryOp.EQ);
            case NOT_EQUAL_TO:
                return Optional.of(BinaryOp.NE);
            case CONDITIONAL_AND:
                return Optional.of(BinaryOp.AND);
            case CONDITIONAL_OR:
                return Optional.of(BinaryOp.OR);
            default:
                return Optional.empty();
        }
    }

    /** A readable name of an operator tree for diagnostics. */
    static String symbol(Tree tree) {
        return tree.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
