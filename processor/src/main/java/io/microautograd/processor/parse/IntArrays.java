package io.microautograd.processor.parse;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The rule for int arrays: a {@code @Differentiable} method may take {@code int[]} parameters and
 * read them, but never write, allocate, copy or nest them. Because nothing the method runs changes
 * them, the reverse sweep reads them as the forward sweep did, with nothing on the tape. Each
 * rejection names the construct and what to write instead.
 */
final class IntArrays {

    private static final String RULE = "int arrays are read-only parameters in @Differentiable methods";

    private IntArrays() {
    }

    /** Whether a declared type is an array of ints, of any depth. */
    static boolean isIntArray(TypeMirror mirror) {
        TypeMirror element = mirror;
        while (element.getKind() == TypeKind.ARRAY) {
            element = ((ArrayType) element).getComponentType();
        }
        return element != mirror && element.getKind() == TypeKind.INT;
    }

    /** Whether a (written, unattributed) type tree is an array of ints, of any depth. */
    static boolean isIntArray(Tree type) {
        return type instanceof ArrayTypeTree && hasIntElements(type);
    }

    /** Whether an allocation such as {@code new int[n]} or {@code new int[][] {...}} makes an int array. */
    static boolean isIntAllocation(NewArrayTree allocation) {
        return allocation.getType() != null && hasIntElements(allocation.getType());
    }

    private static boolean hasIntElements(Tree type) {
        Tree element = type;
        while (element instanceof ArrayTypeTree array) {
            element = array.getType();
        }
        return element instanceof PrimitiveTypeTree primitive && primitive.getPrimitiveTypeKind() == TypeKind.INT;
    }

    /** A parameter of type {@code int[][]} (or deeper). */
    static Rejection nestedParameter(Tree at, CharSequence name, TypeMirror type) {
        return new Rejection(Tag.INT_ARRAY, at, "parameter " + name + " has type " + type + "; " + RULE
                + " of type int[]; flatten " + name + " into an int[] and index it as " + name + "[i * columns + j]");
    }

    /** A local declared with an int array type, written as {@code type}. */
    static Rejection local(VariableTree local, String type) {
        return new Rejection(Tag.INT_ARRAY, local, "local " + local.getName() + " has type "
                + type + "; " + RULE
                + "; read the parameter's elements where you need them or compute the values into int locals");
    }

    /** An int array created in the body, written as {@code text}. */
    static Rejection allocation(Tree at, String text) {
        return new Rejection(Tag.INT_ARRAY, at, "allocation " + text + "; " + RULE
                + "; compute the values into int locals or pass the array in as a parameter");
    }

    /** A write into an element, or an assignment of the parameter itself, written as {@code text}. */
    static Rejection write(Tree at, String text) {
        return new Rejection(Tag.INT_ARRAY, at, "assignment to " + text + "; " + RULE
                + "; compute the values into int locals or pass a double[]");
    }
}
