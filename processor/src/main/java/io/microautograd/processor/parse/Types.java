package io.microautograd.processor.parse;

import io.microautograd.processor.ir.Type;
import java.util.Optional;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Maps declared Java types onto the subset's {@link Type}s. */
final class Types {

    private Types() {
    }

    /** The subset's type for a declared type, or empty when the subset has none. */
    static Optional<Type> of(TypeMirror mirror) {
        switch (mirror.getKind()) {
            case ARRAY:
                TypeMirror component = ((ArrayType) mirror).getComponentType();
                if (component.getKind() == TypeKind.DOUBLE) {
                    return Optional.of(Type.DOUBLE_ARRAY);
                }
                if (component.getKind() == TypeKind.INT) {
                    return Optional.of(Type.INT_ARRAY);
                }
                if (component.getKind() == TypeKind.ARRAY
                        && ((ArrayType) component).getComponentType().getKind() == TypeKind.DOUBLE) {
                    return Optional.of(Type.DOUBLE_MATRIX);
                }
                return Optional.empty();
            default:
                return primitive(mirror.getKind());
        }
    }

    /** The subset's type for a primitive kind, or empty for float, char and the others. */
    static Optional<Type> primitive(TypeKind kind) {
        switch (kind) {
            case DOUBLE:
                return Optional.of(Type.DOUBLE);
            case INT:
                return Optional.of(Type.INT);
            case LONG:
                return Optional.of(Type.LONG);
            case BOOLEAN:
                return Optional.of(Type.BOOLEAN);
            default:
                return Optional.empty();
        }
    }

    /** Whether parameters of this type can be differentiated. */
    static boolean isDifferentiable(Type type) {
        return type == Type.DOUBLE || type.isArray();
    }

    /** The types the subset allows for locals, for diagnostics. */
    static final String SUPPORTED = "double, int, long, boolean, double[] and double[][]";

    /** The types the subset allows for parameters, for diagnostics. */
    static final String SUPPORTED_PARAMETERS = "double, int, long, boolean, double[], double[][] and read-only int[]";
}
