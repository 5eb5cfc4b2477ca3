package io.microautograd.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Spark in this JVM for one test class: no web UI, only the loopback address, few shuffle
 * partitions. Public for the example's test, in a package of its own.
 */
public final class LocalSpark {

    private LocalSpark() {
    }

    /** A session on {@code master}, such as {@code local[2]}; stop it after the class. */
    public static SparkSession start(String master) {
        return SparkSession.builder().master(master).appName("microautograd-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }
}
