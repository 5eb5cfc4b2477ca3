package io.microautograd.spark;

import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Reads a row of double columns, inputs first, then targets; a null in a column is an error
 * that names the column.
 */
final class ColumnReader implements SampleReader<Row> {

    private static final long serialVersionUID = 1L;

    private final String[] names;

    ColumnReader(List<String> names) {
        this.names = names.toArray(new String[0]);
    }

    @Override
    public void read(Row row, double[] input, double[] target) {
        for (int c = 0; c < names.length; c++) {
            if (row.isNullAt(c)) {
                throw new IllegalArgumentException("column \"" + names[c] + "\" is null in a row; drop or fill"
                        + " the nulls before making samples, for example with rows.na().drop()");
            }
            double value = row.getDouble(c);
            if (c < input.length) {
                input[c] = value;
            } else {
                target[c - input.length] = value;
            }
        }
    }
}
