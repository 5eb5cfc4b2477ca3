package io.microautograd.gradbench.evals;

import io.microautograd.Differentiable;

/**
 * GradBench's {@code det} eval (cmpad's {@code det_by_minor}): the determinant of an ell x ell
 * matrix by expansion by minors, written without recursion as the eval's README suggests.
 */
public final class Det {

    private Det() {
    }

    /**
     * det(A) for A in row-major order: the sum over the permutations sigma of the columns of
     * sign(sigma) A[0][sigma(0)] ... A[ell-1][sigma(ell-1)], the expansion by minors along the
     * rows unrolled. The permutations go in lexicographic order (see {@link Permutations}) and
     * {@code products[r]} holds the signed product of the first r rows' factors, so a
     * permutation recomputes only the rows after the prefix it shares with the one before, as
     * the recursion shares a minor's leading factor among the minor's terms: about e ell!
     * multiplications in all. The loop over the ell! permutations is checkpointed, so the
     * gradient's tape holds one segment of it.
     */
    @Differentiable(wrt = "a", checkpoints = 64)
    public static double determinant(double[] a, int ell) {
        long count = Permutations.count(ell);
        double[] products = new double[ell + 1];
        products[0] = 1;
        long code = Permutations.lastCode(ell);
        long columns = 0;
        double det = 0;
        for (long p = 0; p < count; p++) {
            long next = Permutations.nextCode(code, ell);
            int first = Permutations.firstChangedRow(code, next, ell);
            int used = Permutations.usedColumns(columns, first);
            for (int row = first; row < ell; row++) {
                int digit = Permutations.at(next, row);
                int column = Permutations.unusedColumn(used, digit);
                used = Permutations.withColumn(used, column);
                columns = Permutations.with(columns, row, column);
                double factor = a[row * ell + column];
                products[row + 1] = digit % 2 == 0 ? products[row] * factor : -products[row] * factor;
            }
            code = next;
            det += products[ell];
        }
        return det;
    }
}
