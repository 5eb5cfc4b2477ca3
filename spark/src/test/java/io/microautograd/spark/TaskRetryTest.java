package io.microautograd.spark;

import static io.microautograd.spark.LogisticData.INPUTS;
import static io.microautograd.spark.LogisticData.LOSS;
import static io.microautograd.spark.LogisticData.TARGETS;
import static io.microautograd.spark.RelativeAssertions.assertSameValueAndGradient;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.data.Dataset;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A task that fails on its first attempt, halfway through its partition, is retried by Spark
 * ({@code local[2,2]} allows one retry), and the gradient is the one without the failure: the
 * failed attempt's partial sum is dropped, not added.
 */
class TaskRetryTest {

    private static final Dataset DATA = LogisticData.samples(600, 5);
    private static final double[] POINT = {-0.2, 0.5, 0.1, 0.3};
    private static final int FAILING_PARTITION = 1;
    /** Failures injected so far; the executors run in this JVM in local mode. */
    private static final AtomicInteger INJECTED = new AtomicInteger();

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("local[2,2]");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @BeforeEach
    void resetFailures() {
        INJECTED.set(0);
    }

    /**
     * The loss, failing once: in the first attempt of partition 1's task, after it has summed
     * 50 samples. The count lives in the task's own copy of the closure.
     */
    private static SerializablePerSampleObjective failingOnceHalfway() {
        int[] summed = {0};
        return (p, x, t, g) -> {
            TaskContext task = TaskContext.get();
            if (task.partitionId() == FAILING_PARTITION && task.attemptNumber() == 0 && ++summed[0] > 50
                    && INJECTED.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure in the first attempt of partition "
                        + FAILING_PARTITION);
            }
            return LOSS.lossAndGradient(p, x, t, g);
        };
    }

    @ParameterizedTest(name = "mini-batch fraction {0}")
    @ValueSource(doubles = {1.0, 0.3})
    void aRetriedTaskGivesTheGradientOfARunWithoutFailures(double fraction) {
        try (DistributedSamples samples = DistributedSamples.fromColumns(LogisticData.rows(spark, DATA, 3), INPUTS,
                TARGETS)) {
            DistributedObjective withoutFailures = DistributedObjective.builder(samples, LOSS).miniBatch(fraction, 11)
                    .build();
            DistributedObjective failingOnce = DistributedObjective.builder(samples, failingOnceHalfway())
                    .miniBatch(fraction, 11).build();

            assertSameValueAndGradient(withoutFailures, failingOnce, POINT, 1e-12);
            assertEquals(1, INJECTED.get(), "one attempt failed, and Spark retried it");
            if (fraction == 1.0) {
                assertSameValueAndGradient(LogisticData.localModel(POINT).build().batchObjective(DATA,
                        LogisticData.all(DATA)), failingOnce, POINT, 1e-12);
            }
        }
    }
}
