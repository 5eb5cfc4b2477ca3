package io.microautograd.gradbench.evals;

/**
 * Integer arithmetic for {@link Det}: the permutations of {@code ell} columns in lexicographic
 * order, each given by its Lehmer code. Row r's digit, from 0 to ell - r - 1, says that row r
 * takes the digit-th column (counting from 0) that rows 0 to r - 1 left unused; the permutation's
 * sign is -1 to the sum of the digits. Counting up the code as an odometer whose last row turns
 * fastest walks the permutations in order. A code and a permutation's columns are each kept
 * packed in a {@code long}, four bits a row, which limits {@code ell} to {@link #MAX_ELL}.
 */
final class Permutations {

    /** The largest edge whose digits and columns fit in a {@code long}, four bits a row. */
    static final int MAX_ELL = 16;

    private static final int BITS = 4;
    private static final long ROW_MASK = (1L << BITS) - 1;

    private Permutations() {
    }

    /** ell!, the number of permutations. */
    static long count(int ell) {
        long count = 1;
        for (int k = 2; k <= ell; k++) {
            count *= k;
        }
        return count;
    }

    /** The code of the last permutation, whose successor, wrapping around, is the first. */
    static long lastCode(int ell) {
        long code = 0;
        for (int row = 0; row < ell; row++) {
            code = with(code, row, ell - 1 - row);
        }
        return code;
    }

    /** The code after {@code code}: the odometer turned by one, from the last code to 0. */
    static long nextCode(long code, int ell) {
        for (int row = ell - 1; row >= 0; row--) {
            int digit = at(code, row) + 1;
            if (digit < ell - row) {
                return with(code, row, digit);
            }
            code = with(code, row, 0);
        }
        return code;
    }

    /**
     * The first row whose column may differ between the permutations of {@code code} and its
     * successor {@code next}: the first row whose digit differs, or the last row where none does
     * (ell = 1, whose one permutation follows itself).
     */
    static int firstChangedRow(long code, long next, int ell) {
        return Math.min(Long.numberOfTrailingZeros(code ^ next) / BITS, ell - 1);
    }

    /** The set of the columns of rows 0 to row - 1 of {@code columns}, a bit a column. */
    static int usedColumns(long columns, int row) {
        int used = 0;
        for (int r = 0; r < row; r++) {
            used = withColumn(used, at(columns, r));
        }
        return used;
    }

    /** The set {@code used} with {@code column} added. */
    static int withColumn(int used, int column) {
        return used | 1 << column;
    }

    /** The digit-th column (counting from 0) not in the set {@code used}. */
    static int unusedColumn(int used, int digit) {
        int unused = ~used;
        for (int k = 0; k < digit; k++) {
            unused &= unused - 1;
        }
        return Integer.numberOfTrailingZeros(unused);
    }

    /** Row {@code row}'s digit or column in packed {@code rows}. */
    static int at(long rows, int row) {
        return (int) (rows >>> BITS * row & ROW_MASK);
    }

    /** Packed {@code rows} with {@code value} at row {@code row}. */
    static long with(long rows, int row, int value) {
        return rows & ~(ROW_MASK << BITS * row) | (long) value << BITS * row;
    }
}
