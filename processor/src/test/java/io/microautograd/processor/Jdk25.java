package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JDK 25, where the machine has it: its javac runs the processor (built for Java 17) on a source
 * at source level 25 with every warning an error, and its java runs the result. Tests of what
 * only newer Java has (Math.clamp) and of user builds on it go through here.
 */
final class Jdk25 {

    private static final Path HOME = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private Jdk25() {
    }

    /** Skips the calling test where JDK 25 is not installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(HOME.resolve("bin/javac")), "JDK 25 is not installed at " + HOME);
    }

    /**
     * Compiles {@code source}, the class {@code p.className}, in {@code work} with the processor
     * and runs its main method; returns what it printed.
     */
    static String compileAndRun(Path work, String className, String source) throws IOException, InterruptedException {
        Path sources = Files.createDirectories(work.resolve("src/p"));
        Files.writeString(sources.resolve(className + ".java"), source);
        String annotations = classPathEntry("microautograd-annotations", "annotations/target/classes");
        String processorPath = String.join(File.pathSeparator, System.getProperty("processor.classes"), annotations,
                classPathEntry("javapoet", "javapoet"));
        Path classes = work.resolve("classes");
        run(work, HOME.resolve("bin/javac").toString(), "-Xlint:all,-processing", "-Werror", "-processorpath",
                processorPath, "-cp", annotations, "-d", classes.toString(),
                sources.resolve(className + ".java").toString());
        return run(work, HOME.resolve("bin/java").toString(), "-cp", classes.toString(), "p." + className);
    }

    /** The test class path's entry for a jar named {@code jar}, or for a reactor module's {@code classes} directory. */
    private static String classPathEntry(String jar, String classes) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains(jar) && entry.endsWith(".jar") || entry.endsWith(classes))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + jar + " on the test class path"));
    }

    private static String run(Path work, String... command) throws IOException, InterruptedException {
        List<String> line = List.of(command);
        Process process = new ProcessBuilder(line).redirectErrorStream(true).directory(work.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        assertEquals(true, finished, "timed out: " + String.join(" ", line));
        assertEquals(0, process.exitValue(), () -> String.join(" ", line) + "\n" + output);
        return output;
    }
}
