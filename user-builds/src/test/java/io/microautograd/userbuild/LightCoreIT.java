package io.microautograd.userbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a user's class path holds: the README's project (the compiled path and the {@code Value}
 * engine) gets the runtime and its progress bar and nothing of the pictures' libraries; adding
 * the README's visualize dependency brings Graphviz and GraalJS, without the native V8 binding.
 * Each brings the jars and megabytes that the README's artifact table says.
 */
class LightCoreIT {

    private static final String CLASSPATH_COMMAND =
            "mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=classpath.txt";
    /** The README project's class path: ours, then the progress bar and its JLine (the table's 3 jars). */
    private static final List<String> CORE = List.of("microautograd-annotations", "microautograd-runtime", "progressbar",
            "jline-terminal", "jline-native");
    private static final Pattern JARS_AND_MEGABYTES = Pattern.compile("(\\d+) jars, (\\d+(?:\\.\\d+)?) MB");
    private static final List<String> PICTURE_LIBRARIES =
            List.of("/org/graalvm/", "/com/ibm/icu/", "/org/slf4j/", "/guru/nidi/", "j2v8");

    @Test
    void theReadmesProjectGetsTheRuntimeAndItsProgressBarOnly() {
        List<Path> jars = classPath(UserProjects.readmeProject("light-core"));

        assertEquals(CORE, jars.stream().map(LightCoreIT::artifactId).toList(), jars.toString());
        PICTURE_LIBRARIES.forEach(library -> assertTrue(jars.stream().noneMatch(jar -> jar.toString().contains(library)),
                library + " in " + jars));
        assertTheReadmesTableSays("microautograd-runtime", jars.subList(2, jars.size()));
    }

    @Test
    void theVisualizeDependencyBringsGraphvizAndGraalJsButNoNativeV8() {
        ReadmeSection setup = ReadmeSection.named(UserProjects.SETUP_SECTION);
        String pom = UserProjects.withDependency(setup.one("xml", "<project"),
                setup.one("xml", "<artifactId>microautograd-visualize</artifactId>"));
        List<Path> jars = classPath(UserProjects.readmeProject("with-visualize").pom(pom));
        List<String> artifacts = jars.stream().map(LightCoreIT::artifactId).toList();

        assertTrue(artifacts.containsAll(List.of("microautograd-visualize", "graphviz-java", "js", "svgSalamander")),
                artifacts.toString());
        assertTrue(artifacts.stream().noneMatch(a -> a.startsWith("j2v8") || a.equals("nashorn-promise")
                || a.equals("js-scriptengine") || a.equals("jcl-over-slf4j") || a.equals("jul-to-slf4j")),
                artifacts.toString());
        assertTheReadmesTableSays("microautograd-visualize",
                jars.stream().filter(jar -> !CORE.contains(artifactId(jar))).toList());
    }

    /**
     * The jars and megabytes that the README's artifact table gives in {@code artifact}'s row, as
     * "(N jars, X MB)", are those of {@code jars}: the count exactly, the size to the table's
     * precision.
     */
    private static void assertTheReadmesTableSays(String artifact, List<Path> jars) {
        String row = ReadmeSection.named(UserProjects.SETUP_SECTION).line("| `" + artifact + "` |");
        Matcher said = JARS_AND_MEGABYTES.matcher(row);
        assertTrue(said.find(), "no \"N jars, X MB\" in the README's row " + row);
        assertEquals(Integer.parseInt(said.group(1)), jars.size(), row + "\n" + jars);
        BigDecimal megabytes = new BigDecimal(said.group(2));
        assertEquals(megabytes, BigDecimal.valueOf(megabytes(jars)).setScale(megabytes.scale(), RoundingMode.HALF_UP),
                row + "\n" + jars);
    }

    private static List<Path> classPath(UserProject project) {
        project.mvn(Jdk.running(), CLASSPATH_COMMAND).assertSucceeded();
        try {
            String text = Files.readString(project.folder().resolve("classpath.txt")).strip();
            return Arrays.stream(text.split(File.pathSeparator)).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The artifact id of a jar in a Maven repository: the name of its folder's parent. */
    private static String artifactId(Path jar) {
        return jar.getParent().getParent().getFileName().toString();
    }

    private static double megabytes(List<Path> jars) {
        long bytes = 0;
        for (Path jar : jars) {
            try {
                bytes += Files.size(jar);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes / 1e6;
    }
}
