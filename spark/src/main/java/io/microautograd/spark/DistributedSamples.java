package io.microautograd.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

/**
 * Samples for supervised learning spread over a Spark cluster and cached on its executors: one
 * input row and one target row per sample, as in {@link io.microautograd.data.Dataset}, kept
 * where the data lives. Each partition is read once, when the samples are made, into a block of
 * two packed {@code double[]} arrays persisted {@code MEMORY_AND_DISK} (as MLlib persists its
 * training data); every {@link DistributedObjective} over the samples then reads the blocks,
 * and only the parameters travel per evaluation.
 *
 * <pre>{@code
 * Dataset<Row> rows = spark.read().parquet("clicks.parquet");
 * try (DistributedSamples samples = DistributedSamples.fromColumns(rows, List.of("x1", "x2"), List.of("label"))) {
 *     DistributedObjective loss = DistributedObjective.builder(samples, LogisticRegressionGrad::logLoss).build();
 *     OptimizationPath path = Minimizer.minimize(loss, new double[3], new Adam(0.1), 100);
 * }
 * }</pre>
 *
 * <p>The partitioning is the data's: repartition before making the samples to spread them over
 * more tasks. {@link #close()} releases the cached blocks.
 */
public final class DistributedSamples implements AutoCloseable {

    private final JavaRDD<SampleBlock> blocks;
    private final long size;
    private final int inputSize;
    private final int targetSize;
    private boolean closed;

    private DistributedSamples(JavaRDD<SampleBlock> blocks, long size, int inputSize, int targetSize) {
        this.blocks = blocks;
        this.size = size;
        this.inputSize = inputSize;
        this.targetSize = targetSize;
    }

    /**
     * The samples of {@code rows} with the numeric columns {@code inputColumns} as inputs and
     * {@code targetColumns} as targets, each read as a {@code double} in the order given. Only
     * those columns are read (from Parquet, only those are loaded), and the rows are cached
     * before this method returns.
     *
     * <p>A null in one of the columns fails the Spark job that reads the rows, with a message
     * that names the column: drop or fill nulls first, as with {@code rows.na().drop()}.
     *
     * @throws IllegalArgumentException if a column is missing or not numeric, there are no input
     *     columns, or there are no rows
     */
    public static DistributedSamples fromColumns(Dataset<Row> rows, List<String> inputColumns,
            List<String> targetColumns) {
        if (rows == null || inputColumns == null || targetColumns == null) {
            throw new IllegalArgumentException("rows, inputColumns and targetColumns must not be null, got rows="
                    + rows + ", inputColumns=" + inputColumns + ", targetColumns=" + targetColumns);
        }
        if (inputColumns.isEmpty()) {
            throw new IllegalArgumentException("inputColumns must name at least one column, got none");
        }
        List<String> names = new ArrayList<>(inputColumns);
        names.addAll(targetColumns);
        List<Column> doubles = new ArrayList<>();
        for (String name : names) {
            doubles.add(functions.col(numericColumn(rows, name)).cast("double"));
        }
        Dataset<Row> selected = rows.select(doubles.toArray(new Column[0]));
        return fromRecords(selected.javaRDD(), inputColumns.size(), targetColumns.size(), new ColumnReader(names));
    }

    /** {@code name} quoted for {@code functions.col}, after checking that {@code rows} has it and it is numeric. */
    private static String numericColumn(Dataset<Row> rows, String name) {
        List<String> present = Arrays.asList(rows.schema().fieldNames());
        int index = present.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("rows have no column \"" + name + "\"; their columns are " + present);
        }
        StructField field = rows.schema().fields()[index];
        if (!(field.dataType() instanceof NumericType)) {
            throw new IllegalArgumentException("column \"" + name + "\" is " + field.dataType().simpleString()
                    + "; inputs and targets must be numeric columns (cast or encode it first)");
        }
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * The samples that {@code reader} reads from the records of {@code records}, one sample per
     * record, partitioned as the records are. Every record is read once, on the executors,
     * before this method returns.
     *
     * @throws IllegalArgumentException if an argument is null, {@code inputSize} is below 1,
     *     {@code targetSize} below 0, or there are no records
     */
    public static <T> DistributedSamples fromRecords(JavaRDD<T> records, int inputSize, int targetSize,
            SampleReader<T> reader) {
        if (records == null || reader == null) {
            throw new IllegalArgumentException("records and reader must not be null, got records=" + records
                    + ", reader=" + reader);
        }
        if (inputSize < 1 || targetSize < 0) {
            throw new IllegalArgumentException("a sample needs at least one input and no negative number of targets,"
                    + " got inputSize=" + inputSize + ", targetSize=" + targetSize);
        }
        JavaRDD<SampleBlock> blocks = records.mapPartitionsWithIndex((partition, partitionRecords) -> Collections
                .singletonList(SampleBlock.read(partition, partitionRecords, inputSize, targetSize, reader))
                .iterator(), true);
        blocks.setName("microautograd samples (" + inputSize + " inputs, " + targetSize + " targets)");
        blocks.persist(StorageLevel.MEMORY_AND_DISK());
        long size;
        try {
            size = blocks.map(block -> (long) block.size()).fold(0L, Long::sum);
        } catch (Exception e) {
            // Spark's own exceptions are checked in Java's eyes but thrown undeclared.
            blocks.unpersist(false);
            throw e;
        }
        if (size == 0) {
            blocks.unpersist(false);
            throw new IllegalArgumentException("the data must hold at least one sample, got none");
        }
        return new DistributedSamples(blocks, size, inputSize, targetSize);
    }

    /** The number of samples. */
    public long size() {
        return size;
    }

    /** The width of every input row. */
    public int inputSize() {
        return inputSize;
    }

    /** The width of every target row. */
    public int targetSize() {
        return targetSize;
    }

    /** The number of partitions, and so of tasks in each evaluation's first stage. */
    public int partitions() {
        return blocks.getNumPartitions();
    }

    /** The cached blocks, one per partition. */
    JavaRDD<SampleBlock> blocks() {
        if (closed) {
            throw new IllegalStateException("these samples were closed and their cache released;"
                    + " make new DistributedSamples to evaluate on them again");
        }
        return blocks;
    }

    /** Releases the cached blocks on the executors; objectives over these samples then refuse to evaluate. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            blocks.unpersist(false);
        }
    }

    @Override
    public String toString() {
        return "DistributedSamples(" + size + " samples, " + inputSize + " inputs, " + targetSize + " targets, "
                + partitions() + " partitions" + (closed ? ", closed" : "") + ")";
    }
}
