package io.microautograd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * The {@code --add-opens} that the README tells users to pass are the ones Spark's launcher
 * gives its JVMs, and the ones this module's tests run with: a Spark upgrade that changes them
 * fails here.
 */
class ModuleOptionsTest {

    private static List<String> addOpens(List<String> options) {
        return options.stream().filter(option -> option.startsWith("--add-opens=")).toList();
    }

    @Test
    void theReadmesAddOpensAreSparksAndTheTestsRunWithThem() throws IOException {
        List<String> spark = addOpens(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        List<String> readme = addOpens(Files.readAllLines(Path.of(System.getProperty("spark.readme"))));

        assertEquals(spark, readme, "the README's list");
        assertEquals(spark, addOpens(ManagementFactory.getRuntimeMXBean().getInputArguments()), "this JVM's");
    }
}
