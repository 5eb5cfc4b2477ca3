package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user build on JDK 25: that JDK's javac runs the processor (built for Java 17) on a
 * {@code @Differentiable} source at source level 25 with every warning an error, and its java
 * runs the generated gradient. Skipped where JDK 25 is not installed.
 */
class Jdk25UserBuildTest {

    private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path work;

    @Test
    void compilesAndRunsGeneratedGradientsOnJdk25() throws Exception {
        assumeTrue(Files.isExecutable(JDK_25.resolve("bin/javac")), "JDK 25 is not installed at " + JDK_25);
        Path sources = Files.createDirectories(work.resolve("src/p"));
        Files.writeString(sources.resolve("Model.java"), """
                package p;

                import io.microautograd.Differentiable;

                public class Model {
                    @Differentiable
                    static double rosenbrock(double x, double y) {
                        double a = 1 - x;
                        double b = y - x * x;
                        return a * a + 100 * b * b;
                    }

                    public static void main(String[] args) {
                        var g = ModelGrad.rosenbrock(0.5, 0.7);
                        System.out.println(g.value() + " " + g.x() + " " + g.y());
                    }
                }
                """);
        String processorPath = String.join(File.pathSeparator, System.getProperty("processor.classes"),
                classPathEntry("microautograd-annotations", "annotations/target/classes"), classPathEntry("javapoet", "javapoet"));
        Path classes = work.resolve("classes");
        run(JDK_25.resolve("bin/javac").toString(), "-Xlint:all,-processing", "-Werror",
                "-processorpath", processorPath, "-cp", classPathEntry("microautograd-annotations", "annotations/target/classes"),
                "-d", classes.toString(), sources.resolve("Model.java").toString());
        String output = run(JDK_25.resolve("bin/java").toString(), "-cp", classes.toString(), "p.Model");
        double[] numbers = Arrays.stream(output.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        double a = 1 - 0.5;
        double b = 0.7 - 0.5 * 0.5;
        assertEquals(a * a + 100 * b * b, numbers[0], 1e-12);
        assertEquals(-2 * a - 400 * 0.5 * b, numbers[1], 1e-12);
        assertEquals(200 * b, numbers[2], 1e-12);
    }

    /** The test class path's entry for a jar named {@code jar}, or for a reactor module's {@code classes} directory. */
    private static String classPathEntry(String jar, String classes) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains(jar) && entry.endsWith(".jar") || entry.endsWith(classes))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + jar + " on the test class path"));
    }

    private String run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(Arrays.asList(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).directory(work.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        assertEquals(true, finished, "timed out: " + String.join(" ", line));
        assertEquals(0, process.exitValue(), () -> line.stream().collect(Collectors.joining(" ")) + "\n" + output);
        return output;
    }
}
