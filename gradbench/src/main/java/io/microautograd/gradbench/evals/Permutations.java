package io.microautograd.gradbench.evals;

/**
 * Integer arithmetic for {@link Det}: the permutations of {@code ell} columns in lexicographic
 * order, numbered from 0 to {@code ell! - 1}. Permutation p is given by its Lehmer code, the
 * digits of p in the factorial number system: row r takes the digit-th column that rows 0 to
 * r - 1 left unused, and the permutation's sign is -1 to the sum of the digits. Its columns are
 * kept packed in a {@code long}, four bits a row, which limits {@code ell} to {@link #MAX_ELL}.
 */
final class Permutations {

    /** The largest edge whose columns fit in the packed {@code long}, four bits a row. */
    static final int MAX_ELL = 16;

    private static final int BITS = 4;
    private static final long COLUMN_MASK = (1L << BITS) - 1;

    private Permutations() {
    }

    /** ell!, the number of permutations. */
    static long count(int ell) {
        return weight(0, ell) * ell;
    }

    /**
     * The first row whose column differs between permutations p - 1 and p: the rows from there on
     * are the ones to recompute (all of them for p = 0).
     */
    static int firstChangedRow(long p, int ell) {
        int row = ell - 1;
        long weight = 1;
        while (row > 0 && p % (weight * (ell - row)) == 0) {
            weight *= ell - row;
            row--;
        }
        return row;
    }

    /** Row {@code row}'s digit of the Lehmer code of p, from 0 to ell - row - 1. */
    static int digit(long p, int ell, int row) {
        return (int) (p / weight(row, ell) % (ell - row));
    }

    /**
     * The digit-th column (counting from 0) that rows 0 to row - 1 of {@code columns} leave
     * unused.
     */
    static int unusedColumn(long columns, int row, int digit) {
        int used = 0;
        for (int r = 0; r < row; r++) {
            used |= 1 << column(columns, r);
        }
        for (int column = 0, left = digit; ; column++) {
            if ((used & 1 << column) == 0) {
                if (left == 0) {
                    return column;
                }
                left--;
            }
        }
    }

    /** The column of row {@code row} in {@code columns}. */
    static int column(long columns, int row) {
        return (int) (columns >>> BITS * row & COLUMN_MASK);
    }

    /** {@code columns} with row {@code row} in column {@code column}. */
    static long place(long columns, int row, int column) {
        return columns & ~(COLUMN_MASK << BITS * row) | (long) column << BITS * row;
    }

    /** (ell - 1 - row)!, the weight of row {@code row}'s digit. */
    private static long weight(int row, int ell) {
        long weight = 1;
        for (int k = 2; k < ell - row; k++) {
            weight *= k;
        }
        return weight;
    }
}
