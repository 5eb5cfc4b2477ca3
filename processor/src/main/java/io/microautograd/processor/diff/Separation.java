package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Two array arguments of a pullback or a tangent method that must not share storage: one array
 * with elements passed for both, itself or as a row of a matrix. The generated methods check each
 * pair at entry, by reference, and reject a call that shares, since their answer would not be the
 * method's.
 *
 * <p>A method that writes into an array parameter is differentiated with respect to its values
 * at entry, and its pullback works on a copy of it: a write through that parameter would not
 * reach another one sharing its storage, as it does in the method itself. Adjoint storage is
 * added into while the reverse sweep still reads the parameters, so sharing a parameter's storage
 * would change what the sweep reads. Parameters the method only reads may share storage with one
 * another, and adjoint storage with other adjoint storage (partials add), so those pairs are not
 * checked and cost nothing.
 *
 * @param written an array parameter the method writes into, or adjoint storage
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
        STORAGE
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
}
