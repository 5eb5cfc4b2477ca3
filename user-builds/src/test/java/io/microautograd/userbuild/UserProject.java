package io.microautograd.userbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's Maven project in a folder of its own, outside this repository's build, built by the
 * machine's Maven (the one running this build) on a chosen JDK against the {@link PrivateRepository}.
 * Files are written as a user would paste them; a multi-module project is a root pom and
 * modules written with {@link #file}.
 */
final class UserProject {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE =
            Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");
    private static final long TIMEOUT_MINUTES = 5;

    private final Path folder;

    private UserProject(Path folder) {
        this.folder = folder;
    }

    /** A project in {@code folder}, which is created if missing. */
    static UserProject in(Path folder) {
        try {
            return new UserProject(Files.createDirectories(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's folder. */
    Path folder() {
        return folder;
    }

    /** Writes {@code text} to the file at {@code relativePath}, creating folders; returns this project. */
    UserProject file(String relativePath, String text) {
        try {
            Path file = folder.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the pom of this project; returns this project. */
    UserProject pom(String text) {
        return file("pom.xml", text);
    }

    /**
     * Writes a Java source under {@code src/main/java} at the path its package and first type
     * name give (a module's: {@code module/src/main/java/...}, or "" for the root); returns this project.
     */
    UserProject javaSource(String module, String text) {
        Matcher type = TYPE.matcher(text);
        if (!type.find()) {
            throw new IllegalArgumentException("the source declares no type:\n" + text);
        }
        Matcher pkg = PACKAGE.matcher(text);
        String packagePath = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
        String prefix = module.isEmpty() ? "" : module + "/";
        return file(prefix + "src/main/java/" + packagePath + type.group(1) + ".java", text);
    }

    /**
     * Runs {@code commandLine} (a {@code mvn} command as a user would type it, such as
     * {@code mvn -q compile exec:java}) in this project on {@code jdk}, with batch mode, the
     * private repository and its settings added.
     */
    Result mvn(Jdk jdk, String commandLine) {
        List<String> words = Arrays.asList(commandLine.trim().split("\\s+"));
        if (!words.get(0).equals("mvn")) {
            throw new IllegalArgumentException("expected a mvn command, got " + commandLine);
        }
        PrivateRepository repository = PrivateRepository.seeded();
        List<String> command = new ArrayList<>();
        command.add(Path.of(PrivateRepository.property("maven.home"), "bin", "mvn").toString());
        command.addAll(List.of("-B", "-s", repository.settings().toString(),
                "-Dmaven.repo.local=" + repository.localRepository()));
        command.addAll(words.subList(1, words.size()));
        try {
            Path log = Files.createTempFile(folder, "mvn", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("JAVA_HOME", jdk.home().toString());
            environment.remove("MAVEN_OPTS"); // options given to this build are not the user's
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(commandLine + " on " + jdk + " took over " + TIMEOUT_MINUTES + " minutes; log: "
                        + log);
            }
            return new Result(commandLine + " on " + jdk, process.exitValue(),
                    Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + commandLine, e);
        }
    }

    /**
     * What a Maven run printed (standard output and error together) and how it ended.
     *
     * @param command the command and JDK, for messages
     */
    record Result(String command, int exitCode, String output) {

        /** Asserts that Maven succeeded; returns this result. */
        Result assertSucceeded() {
            assertEquals(0, exitCode, () -> command + " failed:\n" + output);
            return this;
        }

        /**
         * The lines printed, without blank lines, ANSI colour codes, and the warnings JDK 24 and
         * later print about Maven 3's own libraries (Guava's use of {@code sun.misc.Unsafe}).
         */
        List<String> lines() {
            return output.lines().map(line -> line.replaceAll("\u001B\\[[;\\d]*m", ""))
                    .filter(line -> !line.isBlank() && !isMavensOwnJdkWarning(line)).toList();
        }

        private static boolean isMavensOwnJdkWarning(String line) {
            return line.startsWith("WARNING: ") && (line.contains("sun.misc.Unsafe") || line.contains("com.google.common."));
        }
    }
}
