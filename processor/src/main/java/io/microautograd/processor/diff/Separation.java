package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Two array arguments of a pullback, a tangent method or a pullback's tangent that must not share
 * storage: one array with elements passed for both, itself or as a row of a matrix. The generated
 * methods check each pair at entry, by reference, and reject a call that shares, since their
 * answer would not be the method's.
 *
 * <p>A method that writes into an array parameter is differentiated with respect to its values
 * at entry, and its pullback works on a copy of it: a write through that parameter would not
 * reach another one sharing its storage, as it does in the method itself. Adjoint storage is
 * added into while the reverse sweep still reads the parameters, so sharing a parameter's storage
 * would change what the sweep reads. Parameters the method only reads may share storage with one
 * another, and adjoint storage with other adjoint storage (partials add), so those pairs are not
 * checked and cost nothing.
 *
 * <p>The tangent of a pullback (the Hessian-vector product) reads its directions as it reads the
 * parameters, so adjoint storage must not share a direction either; it adds the product into the
 * tangents of the storage while it reads everything else, so a product must share no other
 * argument, the adjoint storage included: the gradient and the product would add up in one
 * array. Directions may share with parameters and with one another, and products with products
 * (they add, as storage does); a direction may even be an array the method writes into, since it
 * is read into the copy's tangent at entry.
 *
 * @param written an array parameter the method writes into, adjoint storage, or a product
 * @param other another array parameter, or {@code written} itself for a matrix the method writes
 *     into, whose rows must then be separate arrays
 * @param reason why the two must be separate
 */
public record Separation(Variable written, Variable other, Reason reason) {

    /** Why two arrays must be separate. */
    public enum Reason {
        /** The method writes into {@link #written()}. */
        WRITTEN,
        /** {@link #written()} is adjoint storage. */
        STORAGE,
        /** {@link #written()} receives the tangent of adjoint storage, the Hessian-vector product. */
        PRODUCT,
        /** {@link #written()} receives a Jacobian, a row or a column after each product. */
        JACOBIAN,
        /** {@link #written()} receives the tangent of an output. */
        OUTPUT_TANGENT
    }

    /** Whether this pair is a matrix the method writes into, whose rows must be separate arrays. */
    public boolean isRowsOfOne() {
        return written.equals(other);
    }

    /**
     * The pairs a caller must keep separate, in parameter order: each written array parameter
     * with itself when it is a matrix, then with every other array parameter; then each adjoint
     * storage array with every array parameter.
     *
     * @param parameters the method's parameters
     * @param written the arrays the method writes into
     * @param storage the adjoint storage arrays: the scalars' gradient (if any), then one per
     *     differentiated array parameter; none for a tangent method
     */
    static List<Separation> of(List<Variable> parameters, Set<Variable> written, List<Variable> storage) {
        List<Variable> arrays = parameters.stream().filter(p -> p.type().isArray()).toList();
        List<Separation> pairs = new ArrayList<>();
        for (int i = 0; i < arrays.size(); i++) {
            Variable p = arrays.get(i);
            if (!written.contains(p)) {
                continue;
            }
            if (p.type() == Type.DOUBLE_MATRIX) {
                pairs.add(new Separation(p, p, Reason.WRITTEN));
            }
            for (int j = 0; j < arrays.size(); j++) {
                boolean pairedBefore = j < i && written.contains(arrays.get(j));
                if (j != i && !pairedBefore) {
                    pairs.add(new Separation(p, arrays.get(j), Reason.WRITTEN));
                }
            }
        }
        for (Variable s : storage) {
            for (Variable p : arrays) {
                pairs.add(new Separation(s, p, Reason.STORAGE));
            }
        }
        return pairs;
    }

    /**
     * The pairs of an array a method fills while it reads {@code others}: the array with each of
     * them, since what it writes would change what it still reads. A Jacobian method fills its
     * Jacobian a row or a column after each product, reading the parameters; a Jacobian-vector
     * product writes the outputs' tangents while it reads the parameters and their tangents.
     */
    public static List<Separation> ofFilled(Variable filled, List<Variable> others, Reason reason) {
        return others.stream().filter(p -> p.type().isArray()).map(p -> new Separation(filled, p, reason)).toList();
    }

    /**
     * The pairs a caller of the tangent of a pullback must keep separate: the pullback's, then each
     * adjoint storage array with each array direction, then each product with every array that is
     * not a product, in parameter order.
     *
     * @param pullbackPairs the pullback's pairs ({@link #of})
     * @param parameters the method's parameters
     * @param directions the tangents of the differentiated parameters
     * @param storage the adjoint storage arrays
     * @param products the tangents of the adjoint storage, in the storage's order
     */
    static List<Separation> ofTangent(List<Separation> pullbackPairs, List<Variable> parameters,
            List<Variable> directions, List<Variable> storage, List<Variable> products) {
        List<Separation> pairs = new ArrayList<>(pullbackPairs);
        List<Variable> arrayDirections = directions.stream().filter(d -> d.type().isArray()).toList();
        for (Variable s : storage) {
            for (Variable d : arrayDirections) {
                pairs.add(new Separation(s, d, Reason.STORAGE));
            }
        }
        List<Variable> others = new ArrayList<>(parameters.stream().filter(p -> p.type().isArray()).toList());
        others.addAll(arrayDirections);
        others.addAll(storage);
        for (Variable p : products) {
            for (Variable other : others) {
                pairs.add(new Separation(p, other, Reason.PRODUCT));
            }
        }
        return pairs;
    }
}
