package io.microautograd.spark;

import io.microautograd.data.Dataset;
import io.microautograd.spark.example.LogisticRegression;
import io.microautograd.spark.example.LogisticRegressionGrad;
import io.microautograd.train.PerSampleModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A logistic-regression data set made on the driver, the same samples seen locally (a runtime
 * {@link Dataset}) and on Spark (rows of columns x1..x3 and label), with the model's loss and
 * penalty compiled by the build.
 */
final class LogisticData {

    static final List<String> INPUTS = List.of("x1", "x2", "x3");
    static final List<String> TARGETS = List.of("label");
    static final int PARAMETERS = INPUTS.size() + 1;
    static final SerializablePerSampleObjective LOSS = LogisticRegressionGrad::logLoss;

    private LogisticData() {
    }

    /** {@code size} samples with normal features and labels drawn from a fixed model, by {@code seed}. */
    static Dataset samples(int size, long seed) {
        Random random = new Random(seed);
        double[][] inputs = new double[size][INPUTS.size()];
        double[][] targets = new double[size][1];
        double[] truth = {1.2, -0.7, 0.4, 0.3};
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < INPUTS.size(); j++) {
                inputs[i][j] = random.nextGaussian();
            }
            double probability = 1 / (1 + Math.exp(-LogisticRegression.logit(truth, inputs[i])));
            targets[i][0] = random.nextDouble() < probability ? 1 : 0;
        }
        return new Dataset(inputs, targets);
    }

    /** The samples of {@code data} as rows in {@code partitions} partitions. */
    static org.apache.spark.sql.Dataset<Row> rows(SparkSession spark, Dataset data, int partitions) {
        List<StructField> fields = new ArrayList<>();
        List.of(INPUTS, TARGETS).forEach(names -> names.forEach(
                name -> fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false))));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Object[] values = new Object[fields.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = c < INPUTS.size() ? data.input(i, c) : data.target(i, c - INPUTS.size());
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0]))).repartition(partitions);
    }

    /** A builder of the single-machine model of the same loss, its parameters starting at {@code params}. */
    static PerSampleModel.Builder localModel(double[] params) {
        return PerSampleModel.builder(params, LOSS, LogisticRegression::predict);
    }

    /** Every sample index of {@code data}. */
    static int[] all(Dataset data) {
        return IntStream.range(0, data.size()).toArray();
    }
}
