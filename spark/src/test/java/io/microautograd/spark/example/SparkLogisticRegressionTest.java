package io.microautograd.spark.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.spark.LocalSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark example, small: 30,000 rows through Parquet, on local[2]. */
class SparkLogisticRegressionTest {

    @Test
    void theExampleTrainsOnSparkAndEndsWhereOneMachineEnds(@TempDir Path folder) {
        SparkSession spark = LocalSpark.start("local[2]");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SparkLogisticRegression.Result result;
        try {
            result = SparkLogisticRegression.run(spark, 30_000, 12, folder,
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertEquals(30_000, spark.read().parquet(folder.resolve("logistic-30000.parquet").toString()).count());
        } finally {
            spark.stop();
        }

        assertTrue(result.lossDifference() <= SparkLogisticRegression.AGREEMENT, result.toString());
        assertTrue(result.parameterDifference() <= SparkLogisticRegression.AGREEMENT, result.toString());
        assertTrue(result.subsampleDifference() <= SparkLogisticRegression.AGREEMENT, result.toString());
        assertTrue(result.sparkLoss() < 0.9 * Math.log(2), "below the loss of the zero start: " + result);
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("s per epoch"), output);
        assertTrue(output.contains("   12  "), "the last epoch's line: " + output);
    }
}
