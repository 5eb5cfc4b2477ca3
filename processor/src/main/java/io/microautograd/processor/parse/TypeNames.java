package io.microautograd.processor.parse;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Types as Java writes them in a signature ({@code double}, {@code double[]}, {@code
 * java.lang.String}), the one spelling by which methods are identified: never a type's
 * {@code toString()}, which prints type annotations too ({@code @NonNull double[]}).
 */
public final class TypeNames {

    private TypeNames() {
    }

    /** A method's parameter types, in order, as a {@link io.microautograd.processor.ir.MethodKey} holds them. */
    public static List<String> parameters(ExecutableElement method) {
        return method.getParameters().stream().map(p -> of(p.asType())).toList();
    }

    /** A type as written in a signature, without annotations. */
    static String of(TypeMirror type) {
        return switch (type.getKind()) {
            case ARRAY -> of(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED -> ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
            default -> type.getKind().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
