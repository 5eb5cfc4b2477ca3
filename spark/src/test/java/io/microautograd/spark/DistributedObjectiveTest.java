package io.microautograd.spark;

import static io.microautograd.spark.LogisticData.INPUTS;
import static io.microautograd.spark.LogisticData.LOSS;
import static io.microautograd.spark.LogisticData.PARAMETERS;
import static io.microautograd.spark.LogisticData.TARGETS;
import static io.microautograd.spark.RelativeAssertions.assertRelativelyClose;
import static io.microautograd.spark.RelativeAssertions.assertSameValueAndGradient;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.data.Dataset;
import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.optim.Objective;
import io.microautograd.optim.Sgd;
import io.microautograd.spark.example.LogisticRegressionGrad;
import io.microautograd.train.Minimizer;
import io.microautograd.train.PerSampleModel;
import io.microautograd.train.TrainingDivergedException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The distributed objective on Spark in local mode: the same mean loss and gradient as one
 * machine's {@link PerSampleModel}, data read once, seeded mini-batches, divergence and misuse.
 */
class DistributedObjectiveTest {

    private static final Dataset DATA = LogisticData.samples(500, 3);
    private static final double[] POINT = {0.4, -0.3, 0.2, -0.1};
    private static final Objective RIDGE = (p, g) -> LogisticRegressionGrad.ridge(p, 0.01, g);
    /** The mean loss over {@link #DATA} on one machine. */
    private static final Objective LOCAL =
            LogisticData.localModel(POINT).build().batchObjective(DATA, LogisticData.all(DATA));

    private static SparkSession spark;
    private static JavaSparkContext jsc;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("local[2]");
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @AfterEach
    void everySampleSetWasReleased() {
        assertEquals(List.of(), List.copyOf(jsc.getPersistentRDDs().values()), "cached RDDs left behind");
    }

    private static DistributedSamples samples(int partitions) {
        return DistributedSamples.fromColumns(LogisticData.rows(spark, DATA, partitions), INPUTS, TARGETS);
    }

    @ParameterizedTest(name = "{0} partitions, tree depth {1}")
    @CsvSource({"1, 2", "2, 2", "7, 1", "7, 2", "7, 3"})
    void gradientEqualsTheSingleMachineGradient(int partitions, int treeDepth) {
        Objective local = LogisticData.localModel(POINT).regularizer(RIDGE).build().batchObjective(DATA,
                LogisticData.all(DATA));
        try (DistributedSamples samples = samples(partitions)) {
            assertEquals(partitions, samples.partitions());
            assertEquals(DATA.size(), samples.size());
            DistributedObjective distributed = DistributedObjective.builder(samples, LOSS).regularizer(RIDGE)
                    .treeDepth(treeDepth).build();

            assertSameValueAndGradient(local, distributed, POINT, 1e-12);
        }
    }

    @Test
    void gradientAddsIntoTheCallersArrayAndPassesTheGradientCheck() {
        try (DistributedSamples samples = samples(3)) {
            DistributedObjective objective = DistributedObjective.builder(samples, LOSS).regularizer(RIDGE).build();
            double[] fresh = objective.gradient(POINT);
            double[] gradient = {1, 2, 3, 4};
            objective.valueAndGradient(POINT, gradient);
            for (int j = 0; j < PARAMETERS; j++) {
                assertEquals(j + 1 + fresh[j], gradient[j], 1e-15, "component " + j);
            }
            GradientCheck.standard().assertGradient(objective, POINT);
        }
    }

    @Test
    void recordsAreReadOnceAndCachedForEveryEvaluation() {
        LongAccumulator reads = jsc.sc().longAccumulator("records read");
        double[][] inputs = DATA.inputs();
        double[][] targets = DATA.targets();
        JavaRDD<Integer> records = jsc.parallelize(IntStream.range(0, DATA.size()).boxed().toList(), 3).map(i -> {
            reads.add(1);
            return i;
        });
        try (DistributedSamples samples = DistributedSamples.fromRecords(records, INPUTS.size(), TARGETS.size(),
                (i, input, target) -> {
                    System.arraycopy(inputs[i], 0, input, 0, input.length);
                    System.arraycopy(targets[i], 0, target, 0, target.length);
                })) {
            DistributedObjective objective = DistributedObjective.builder(samples, LOSS).build();
            for (int evaluation = 1; evaluation <= 3; evaluation++) {
                assertSameValueAndGradient(LOCAL, objective, POINT, 1e-12);
            }
            assertEquals(DATA.size(), reads.value(), "each record read once, by the cache");
        }
    }

    /**
     * A data set of {@code size} samples whose input is the sample's index, in 3 partitions, and
     * a loss with one parameter per sample whose gradient marks the samples a batch took.
     */
    private static DistributedSamples indexedSamples(int size) {
        return DistributedSamples.fromRecords(jsc.parallelize(IntStream.range(0, size).boxed().toList(), 3), 1, 0,
                (i, input, target) -> input[0] = i);
    }

    private static final SerializablePerSampleObjective MARK = (p, x, t, g) -> {
        int sample = (int) x[0];
        g[sample] += 1;
        return sample;
    };

    /** The samples whose parameter got a gradient. */
    private static List<Integer> marked(double[] gradient) {
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < gradient.length; i++) {
            if (gradient[i] != 0) {
                taken.add(i);
            }
        }
        return taken;
    }

    @Test
    void miniBatchesAreSeededDrawsAndTheMeanOverWhatWasDrawn() {
        int size = 400;
        try (DistributedSamples samples = indexedSamples(size)) {
            DistributedObjective.Builder batches = DistributedObjective.builder(samples, MARK).miniBatch(0.25, 7);
            DistributedObjective first = batches.build();
            DistributedObjective again = batches.build();
            List<List<Integer>> drawn = new ArrayList<>();
            for (int evaluation = 1; evaluation <= 3; evaluation++) {
                double[] gradient = new double[size];
                double value = first.valueAndGradient(new double[size], gradient);
                List<Integer> batch = marked(gradient);
                drawn.add(batch);

                assertTrue(batch.size() > 60 && batch.size() < 140, "about a quarter of 400, got " + batch.size());
                for (int i : batch) {
                    assertEquals(1.0 / batch.size(), gradient[i], 0.0, "the mean over the batch");
                }
                assertEquals(batch.stream().mapToDouble(i -> i).sum() / batch.size(), value, 1e-12 * value);
                double[] repeated = new double[size];
                again.valueAndGradient(new double[size], repeated);
                assertArrayEquals(gradient, repeated, 0.0, "the same seed draws the same batch " + evaluation);
            }
            assertNotEquals(drawn.get(0), drawn.get(1));
            assertNotEquals(drawn.get(1), drawn.get(2));

            double[] otherSeed = new double[size];
            DistributedObjective.builder(samples, MARK).miniBatch(0.25, 8).build().valueAndGradient(new double[size],
                    otherSeed);
            assertNotEquals(drawn.get(0), marked(otherSeed));
        }
    }

    @Test
    void aMiniBatchLossIsThePerSampleModelsLossOnTheBatchDrawn() {
        int size = 400;
        try (DistributedSamples samples = indexedSamples(size)) {
            SerializablePerSampleObjective markedQuadratic = (p, x, t, g) -> {
                int sample = (int) x[0];
                g[sample] += 2 * p[sample];
                return p[sample] * p[sample] + sample;
            };
            double[] point = IntStream.range(0, size).mapToDouble(i -> 2 + Math.sin(i)).toArray();
            double[] gradient = new double[size];
            double value = DistributedObjective.builder(samples, markedQuadratic).miniBatch(0.1, 3).build()
                    .valueAndGradient(point, gradient);

            int[] batch = marked(gradient).stream().mapToInt(Integer::intValue).toArray();
            Dataset indices = new Dataset(IntStream.range(0, size).mapToObj(i -> new double[] {i})
                    .toArray(double[][]::new), new double[size][0]);
            double[] expected = new double[size];
            double expectedValue = PerSampleModel.builder(point, markedQuadratic, (p, x) -> x).build()
                    .lossAndGradient(indices, batch, expected);
            assertRelativelyClose(expectedValue, value, 1e-12, "loss");
            assertRelativelyClose(expected, gradient, 1e-12, "gradient");
        }
    }

    @Test
    void aNanOnAnExecutorStopsTheMinimizerAtTheStepTheLocalRunStopsAt() {
        SerializablePerSampleObjective logOfFirstParameter = (p, x, t, g) -> {
            g[0] += 1 / p[0];
            return Math.log(p[0]);
        };
        TrainingDivergedException local = assertThrows(TrainingDivergedException.class,
                () -> Minimizer.minimize(PerSampleModel.builder(new double[] {1}, logOfFirstParameter, (p, x) -> p)
                        .build().batchObjective(DATA, LogisticData.all(DATA)), new double[] {1}, new Sgd(0.3), 10));
        try (DistributedSamples samples = samples(2)) {
            DistributedObjective objective = DistributedObjective.builder(samples, logOfFirstParameter).build();
            TrainingDivergedException distributed = assertThrows(TrainingDivergedException.class,
                    () -> Minimizer.minimize(objective, new double[] {1}, new Sgd(0.3), 10));

            assertEquals(4, distributed.step(), "1 - 0.3 - 0.43 - 1.1 < 0: the value at step 4's point is NaN");
            assertEquals(local.step(), distributed.step());
            assertEquals(local.getMessage(), distributed.getMessage());
        }
    }

    @Test
    void aFailedEvaluationThrowsAndLeavesTheBatchSequenceWhereItWas() {
        int size = 200;
        try (DistributedSamples samples = indexedSamples(size)) {
            SerializablePerSampleObjective failingInPartitionOne = (p, x, t, g) -> {
                if (TaskContext.getPartitionId() == 1 && p[0] < 0) {
                    throw new IllegalStateException("partition 1 refuses a negative parameter");
                }
                return MARK.lossAndGradient(p, x, t, g);
            };
            DistributedObjective objective = DistributedObjective.builder(samples, failingInPartitionOne)
                    .miniBatch(0.5, 1).build();
            double[] negative = new double[size];
            negative[0] = -1;
            SparkException failure = assertThrows(SparkException.class,
                    () -> objective.valueAndGradient(negative, new double[size]));
            assertTrue(failure.getMessage().contains("partition 1 refuses a negative parameter"), failure.getMessage());

            double[] afterFailure = new double[size];
            objective.valueAndGradient(new double[size], afterFailure);
            double[] firstBatch = new double[size];
            DistributedObjective.builder(samples, MARK).miniBatch(0.5, 1).build().valueAndGradient(new double[size],
                    firstBatch);
            assertArrayEquals(firstBatch, afterFailure, 0.0, "the failed evaluation did not use up batch 1");
        }
    }

    @Test
    void columnsMustExistAndBeNumeric() {
        org.apache.spark.sql.Dataset<Row> rows = LogisticData.rows(spark, DATA, 1);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DistributedSamples.fromColumns(rows, List.of("x1", "x9"), TARGETS));
        assertEquals("rows have no column \"x9\"; their columns are [x1, x2, x3, label]", missing.getMessage());

        org.apache.spark.sql.Dataset<Row> named = rows.withColumn("name", rows.col("x1").cast("string"));
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> DistributedSamples.fromColumns(named, List.of("x1", "name"), TARGETS));
        assertEquals("column \"name\" is string; inputs and targets must be numeric columns (cast or encode it first)",
                text.getMessage());

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> DistributedSamples.fromColumns(rows, List.of(), TARGETS));
        assertEquals("inputColumns must name at least one column, got none", none.getMessage());
    }

    @Test
    void integerColumnsAreReadAsDoubles() {
        org.apache.spark.sql.Dataset<Row> rows = LogisticData.rows(spark, DATA, 2);
        org.apache.spark.sql.Dataset<Row> integerLabels = rows.withColumn("label", rows.col("label").cast("int"));
        try (DistributedSamples samples = DistributedSamples.fromColumns(integerLabels, INPUTS, TARGETS)) {
            assertSameValueAndGradient(LOCAL, DistributedObjective.builder(samples, LOSS).build(), POINT, 1e-12);
        }
    }

    @Test
    void aNullFailsTheReadNamingItsColumnAndCachesNothing() {
        StructType schema = new StructType().add("x1", DataTypes.DoubleType, true).add("label", DataTypes.DoubleType);
        org.apache.spark.sql.Dataset<Row> rows = spark.createDataFrame(
                List.of(RowFactory.create(1.0, 0.0), RowFactory.create(null, 1.0)), schema);
        SparkException failure = assertThrows(SparkException.class,
                () -> DistributedSamples.fromColumns(rows, List.of("x1"), TARGETS));
        assertTrue(failure.getMessage().contains("column \"x1\" is null in a row; drop or fill the nulls before making"
                + " samples, for example with rows.na().drop()"), failure.getMessage());
    }

    @Test
    void noSamplesIsAnError() {
        org.apache.spark.sql.Dataset<Row> rows = LogisticData.rows(spark, DATA, 2).limit(0);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> DistributedSamples.fromColumns(rows, INPUTS, TARGETS));
        assertEquals("the data must hold at least one sample, got none", empty.getMessage());
    }

    @Test
    void aLossThatCapturesWhatCannotBeShippedIsRefusedWhenConfigured() {
        Object notSerializable = new Object();
        try (DistributedSamples samples = samples(1)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> DistributedObjective.builder(samples, (p, x, t, g) -> notSerializable.hashCode()));
            assertEquals("sampleLoss must be serializable to run on Spark's executors, but it captures a"
                    + " java.lang.Object, which is not; capture only numbers, arrays and serializable objects",
                    refused.getMessage());
        }
    }

    @Test
    void misuseIsRefusedWithWhatToFix() {
        DistributedSamples samples = samples(1);
        DistributedObjective objective = DistributedObjective.builder(samples, LOSS).build();
        assertEquals("gradient must have one slot per parameter (4), got 3", assertThrows(
                IllegalArgumentException.class, () -> objective.valueAndGradient(POINT, new double[3])).getMessage());
        assertEquals("fraction must be above 0 and at most 1, got 1.5", assertThrows(IllegalArgumentException.class,
                () -> DistributedObjective.builder(samples, LOSS).miniBatch(1.5, 0)).getMessage());
        assertEquals("treeDepth must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> DistributedObjective.builder(samples, LOSS).treeDepth(0)).getMessage());
        assertEquals("mini-batch 1 drew none of the 500 samples at fraction 1.0E-9; raise the fraction",
                assertThrows(IllegalStateException.class, () -> DistributedObjective.builder(samples, LOSS)
                        .miniBatch(1e-9, 0).build().valueAndGradient(POINT, new double[PARAMETERS])).getMessage());

        samples.close();
        assertEquals("these samples were closed and their cache released; make new DistributedSamples to evaluate"
                + " on them again", assertThrows(IllegalStateException.class,
                        () -> objective.valueAndGradient(POINT, new double[PARAMETERS])).getMessage());
    }
}
