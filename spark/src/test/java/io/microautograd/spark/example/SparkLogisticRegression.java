package io.microautograd.spark.example;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.when;

import io.microautograd.optim.Sgd;
import io.microautograd.optim.Objective;
import io.microautograd.spark.DistributedObjective;
import io.microautograd.spark.DistributedSamples;
import io.microautograd.train.Minimizer;
import io.microautograd.train.OptimizationPath;
import io.microautograd.train.PerSampleModel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Logistic regression on Spark, end to end: writes a generated data set to Parquet, reads it
 * back, trains on {@code local[*]} by gradient descent through a {@link DistributedObjective},
 * then trains the same way on one machine with a {@link PerSampleModel} and checks that both
 * reach the same loss and parameters, on the whole data and on a subsample. Prints the time per
 * epoch of each.
 *
 * <pre>
 * mvn -q -DskipTests -pl spark -am package exec:exec
 * mvn -q -DskipTests -pl spark -am package exec:exec -Dspark.example.args="--rows 500000 --epochs 30"
 * </pre>
 *
 * <p>Every epoch is one full-batch gradient, one pass over the data; the model has the eight
 * features' weights and a bias.
 */
public final class SparkLogisticRegression {

    /** The weights that generate the labels, one per feature. */
    static final double[] TRUE_WEIGHTS = {1.5, -2.0, 0.7, 0.0, 0.3, -0.8, 1.1, -0.4};
    static final double TRUE_BIAS = -0.5;
    static final List<String> FEATURES =
            IntStream.rangeClosed(1, TRUE_WEIGHTS.length).mapToObj(j -> "x" + j).toList();
    static final List<String> LABEL = List.of("label");
    /** How close, relative, the distributed and the single-machine runs must end. */
    static final double AGREEMENT = 1e-9;
    private static final int PARAMETERS = TRUE_WEIGHTS.length + 1;
    private static final int SUBSAMPLE = 20_000;
    private static final int SUBSAMPLE_PARTITIONS = 4;
    /**
     * Full-batch gradient descent's step: the mean log-loss curves at most a quarter of the
     * second moments of (x, 1), here the identity, so 4 is one over its largest curvature.
     */
    private static final double STEP = 4;

    private SparkLogisticRegression() {
    }

    /** What a run measured. */
    record Result(long rows, double sparkLoss, double singleMachineLoss, double lossDifference,
            double parameterDifference, double subsampleDifference, double sparkSecondsPerEpoch,
            double singleMachineSecondsPerEpoch) {
    }

    /** Arguments: {@code --rows N} (default 2,000,000), {@code --epochs E} (60), {@code --out DIR}. */
    public static void main(String[] args) {
        long rows = 2_000_000;
        int epochs = 60;
        Path folder = Path.of("target", "microautograd-spark");
        for (int a = 0; a < args.length; a += 2) {
            String value = a + 1 < args.length ? args[a + 1] : "";
            switch (args[a]) {
                case "--rows" -> rows = Long.parseLong(value);
                case "--epochs" -> epochs = Integer.parseInt(value);
                case "--out" -> folder = Path.of(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[a]
                        + "; use --rows N, --epochs E, --out DIR");
            }
        }
        SparkSession spark = SparkSession.builder().master("local[*]").appName("microautograd logistic regression")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            run(spark, rows, epochs, folder, System.out);
        } finally {
            spark.stop();
        }
    }

    /**
     * Generates {@code rows} samples into Parquet under {@code folder}, trains on them for
     * {@code epochs} epochs on Spark and on one machine, and prints what it measured to {@code out}.
     *
     * @throws IllegalStateException if the two runs end further apart than {@link #AGREEMENT}
     */
    static Result run(SparkSession spark, long rows, int epochs, Path folder, PrintStream out) {
        Path parquet = folder.toAbsolutePath().resolve("logistic-" + rows + ".parquet");
        long start = System.nanoTime();
        generate(spark, rows).write().mode(SaveMode.Overwrite).parquet(parquet.toString());
        out.printf("Wrote %,d rows of %d features and a label to %s in %.1f s%n", rows, FEATURES.size(), parquet,
                secondsSince(start));
        Dataset<Row> data = spark.read().parquet(parquet.toString()).select(columnsInOrder());

        start = System.nanoTime();
        EpochClock sparkRun;
        OptimizationPath sparkPath;
        try (DistributedSamples samples = DistributedSamples.fromColumns(data, FEATURES, LABEL)) {
            out.printf("Spark %s: %,d samples cached in %d partitions in %.1f s%n", spark.sparkContext().master(),
                    samples.size(), samples.partitions(), secondsSince(start));
            sparkRun = new EpochClock(DistributedObjective.builder(samples, LogisticRegressionGrad::logLoss).build());
            sparkPath = Minimizer.minimize(sparkRun, new double[PARAMETERS], new Sgd(STEP), epochs);
        }
        out.println("epoch      loss   seconds");
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (epoch == 1 || epoch % 10 == 0 || epoch == epochs) {
                out.printf("%5d  %.6f   %.3f%n", epoch, sparkPath.value(epoch - 1), sparkRun.seconds(epoch - 1));
            }
        }

        io.microautograd.data.Dataset local = toLocal(data.toLocalIterator(), Math.toIntExact(rows));
        int threads = Runtime.getRuntime().availableProcessors();
        EpochClock localRun = new EpochClock(model(threads).batchObjective(local, allSamples(local)));
        OptimizationPath localPath = Minimizer.minimize(localRun, new double[PARAMETERS], new Sgd(STEP),
                epochs);

        List<Row> subsampleRows = data.limit(SUBSAMPLE).collectAsList();
        double subsampleDifference = subsampleDifference(spark, subsampleRows, data, epochs);

        Result result = new Result(rows, sparkPath.finalValue(), localPath.finalValue(),
                relativeDifference(sparkPath.finalValue(), localPath.finalValue()),
                relativeDifference(sparkPath.finalPoint(), localPath.finalPoint()), subsampleDifference,
                sparkRun.medianSeconds(), localRun.medianSeconds());
        out.printf("Spark:          final loss %.12f, %.3f s per epoch (median)%n", result.sparkLoss(),
                result.sparkSecondsPerEpoch());
        out.printf("Single machine: final loss %.12f, %.3f s per epoch (median; PerSampleModel on %d threads)%n",
                result.singleMachineLoss(), result.singleMachineSecondsPerEpoch(), threads);
        out.printf("They agree to %.1e in the loss and %.1e in the parameters, relative (required: %.0e)%n",
                result.lossDifference(), result.parameterDifference(), AGREEMENT);
        out.printf("On a subsample of %,d rows in %d partitions against PerSampleModel: parameters agree to %.1e%n",
                subsampleRows.size(), SUBSAMPLE_PARTITIONS, subsampleDifference);
        out.printf("Learned weights %s, bias %.3f; generated with %s, bias %.3f%n",
                rounded(Arrays.copyOf(sparkPath.finalPoint(), TRUE_WEIGHTS.length)),
                sparkPath.finalPoint()[TRUE_WEIGHTS.length], rounded(TRUE_WEIGHTS), TRUE_BIAS);
        if (!(result.lossDifference() <= AGREEMENT && result.parameterDifference() <= AGREEMENT
                && subsampleDifference <= AGREEMENT)) {
            throw new IllegalStateException("the distributed and single-machine runs differ by more than " + AGREEMENT
                    + ": " + result);
        }
        return result;
    }

    /**
     * {@code rows} samples: standard normal features, and a label drawn as 1 with probability
     * sigmoid(b + w . x) for the true weights and bias.
     */
    static Dataset<Row> generate(SparkSession spark, long rows) {
        List<Column> columns = new ArrayList<>();
        Column logit = lit(TRUE_BIAS);
        for (int j = 0; j < FEATURES.size(); j++) {
            columns.add(randn(1 + j).as(FEATURES.get(j)));
            logit = logit.plus(col(FEATURES.get(j)).multiply(TRUE_WEIGHTS[j]));
        }
        Column probability = lit(1.0).divide(lit(1.0).plus(exp(negate(logit))));
        return spark.range(rows).select(columns.toArray(new Column[0]))
                .withColumn(LABEL.get(0), when(rand(0).lt(probability), 1.0).otherwise(0.0));
    }

    /**
     * Trains on {@code rows} both ways, on Spark in {@link #SUBSAMPLE_PARTITIONS} partitions and
     * with a one-thread PerSampleModel, and returns how far apart the parameters end.
     */
    private static double subsampleDifference(SparkSession spark, List<Row> rows, Dataset<Row> like, int epochs) {
        Dataset<Row> distributed = spark.createDataFrame(rows, like.schema()).repartition(SUBSAMPLE_PARTITIONS);
        double[] onSpark;
        try (DistributedSamples samples = DistributedSamples.fromColumns(distributed, FEATURES, LABEL)) {
            onSpark = Minimizer.minimize(DistributedObjective.builder(samples, LogisticRegressionGrad::logLoss).build(),
                    new double[PARAMETERS], new Sgd(STEP), epochs).finalPoint();
        }
        io.microautograd.data.Dataset local = toLocal(rows.iterator(), rows.size());
        double[] onOneMachine = Minimizer.minimize(model(1).batchObjective(local, allSamples(local)),
                new double[PARAMETERS], new Sgd(STEP), epochs).finalPoint();
        return relativeDifference(onSpark, onOneMachine);
    }

    private static PerSampleModel model(int threads) {
        return PerSampleModel.builder(new double[PARAMETERS], LogisticRegressionGrad::logLoss,
                LogisticRegression::predict).threads(threads).build();
    }

    /** The features, then the label. */
    private static Column[] columnsInOrder() {
        return IntStream.rangeClosed(0, FEATURES.size())
                .mapToObj(j -> col(j < FEATURES.size() ? FEATURES.get(j) : LABEL.get(0))).toArray(Column[]::new);
    }

    /** {@code size} rows of features then label, as a local data set in their order. */
    private static io.microautograd.data.Dataset toLocal(Iterator<Row> rows, int size) {
        double[][] inputs = new double[size][FEATURES.size()];
        double[][] targets = new double[size][1];
        for (int i = 0; i < size; i++) {
            Row row = rows.next();
            for (int j = 0; j < FEATURES.size(); j++) {
                inputs[i][j] = row.getDouble(j);
            }
            targets[i][0] = row.getDouble(FEATURES.size());
        }
        return new io.microautograd.data.Dataset(inputs, targets);
    }

    private static int[] allSamples(io.microautograd.data.Dataset data) {
        return IntStream.range(0, data.size()).toArray();
    }

    /** |a - b| / |b|. */
    private static double relativeDifference(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }

    /** The largest difference between the vectors relative to the largest entry of {@code b}. */
    private static double relativeDifference(double[] a, double[] b) {
        double difference = 0;
        double scale = 0;
        for (int j = 0; j < b.length; j++) {
            difference = Math.max(difference, Math.abs(a[j] - b[j]));
            scale = Math.max(scale, Math.abs(b[j]));
        }
        return difference / scale;
    }

    private static String rounded(double[] values) {
        return Arrays.toString(Arrays.stream(values).map(v -> Math.round(v * 1000) / 1000.0).toArray());
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** An objective that times each evaluation: here one full-batch gradient, an epoch. */
    private static final class EpochClock implements Objective {

        private final Objective objective;
        private final List<Double> seconds = new ArrayList<>();

        EpochClock(Objective objective) {
            this.objective = objective;
        }

        @Override
        public double valueAndGradient(double[] params, double[] gradient) {
            long start = System.nanoTime();
            double value = objective.valueAndGradient(params, gradient);
            seconds.add(secondsSince(start));
            return value;
        }

        double seconds(int evaluation) {
            return seconds.get(evaluation);
        }

        double medianSeconds() {
            double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted[sorted.length / 2];
        }
    }
}
