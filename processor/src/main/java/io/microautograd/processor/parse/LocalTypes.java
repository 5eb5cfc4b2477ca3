package io.microautograd.processor.parse;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import io.microautograd.processor.ir.Type;
import java.util.Optional;
import javax.lang.model.type.TypeKind;

/** Reads the declared type of a local variable from its (unattributed) type tree. */
final class LocalTypes {

    private LocalTypes() {
    }

    /** The subset's type for a local's type tree, or empty when the subset has none. */
    static Optional<Type> of(Tree type) {
        if (type instanceof PrimitiveTypeTree primitive) {
            return Types.primitive(primitive.getPrimitiveTypeKind());
        }
        if (type instanceof ArrayTypeTree array) {
            Tree element = array.getType();
            if (isDouble(element)) {
                return Optional.of(Type.DOUBLE_ARRAY);
            }
            if (element instanceof ArrayTypeTree inner && isDouble(inner.getType())) {
                return Optional.of(Type.DOUBLE_MATRIX);
            }
        }
        return Optional.empty();
    }

    /** Whether a written type is {@code float}, which only casts may name ({@link io.microautograd.processor.ir.FloatTyping}). */
    static boolean isFloat(Tree type) {
        return type instanceof PrimitiveTypeTree primitive && primitive.getPrimitiveTypeKind() == TypeKind.FLOAT;
    }

    private static boolean isDouble(Tree tree) {
        return tree instanceof PrimitiveTypeTree p && p.getPrimitiveTypeKind() == TypeKind.DOUBLE;
    }
}
