package io.microautograd.userbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's set-up, pasted into an empty folder as a user would: its {@code pom.xml} and
 * {@code Main.java} build with its run command on the machine's Maven, and the program prints
 * the lines the README shows, on the build's JDK and on JDK 25.
 */
class ReadmeUserBuildIT {

    static Stream<Jdk> jdks() {
        return Stream.of(Jdk.running(), Jdk.jdk25());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theReadmesProjectBuildsAndPrintsWhatTheReadmeShows(Jdk jdk) {
        jdk.assumeInstalled();
        ReadmeSection setup = ReadmeSection.named(UserProjects.SETUP_SECTION);
        UserProject project = UserProjects.readmeProject("readme-jdk" + jdk.name().replaceAll("\\D", ""));

        UserProject.Result run = project.mvn(jdk, setup.one("", "exec:java")).assertSucceeded();

        List<String> shown = setup.one("text", "compiled:").lines().toList();
        assertEquals(shown, run.lines(), run.output());
    }

    /** The README's output is Rosenbrock's value and gradient at (0.5, 0.7), worked by hand. */
    @Test
    void theOutputTheReadmeShowsIsRosenbrocksGradient() {
        double x = 0.5;
        double y = 0.7;
        double a = 1 - x;
        double b = y - x * x;
        String numbers = String.format(Locale.ROOT, "f = %.4f, df/dx = %.4f, df/dy = %.4f", a * a + 100 * b * b,
                -2 * a - 400 * x * b, 200 * b);
        List<String> shown = ReadmeSection.named(UserProjects.SETUP_SECTION).one("text", "compiled:").lines().toList();
        assertEquals(List.of("compiled: " + numbers, "Value:    " + numbers), shown);
    }
}
