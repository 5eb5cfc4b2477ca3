package io.microautograd.userbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A user's multi-module project set up from the README: module {@code helpers} holds
 * {@code @Differentiable} methods, one over a {@code double[]} and one with a {@code wrt}
 * subset, and module {@code app} has a {@code @Differentiable} method that calls them. The app's
 * javac sees the helpers only as class files, built as many a library jar is, without parameter
 * names (no {@code -parameters}, no local variable table), so the processor works from the facts
 * recorded in the helpers' generated class and {@code wrt} goes by position: the gradient matches
 * central differences after the whole build and again after only the caller changed and was
 * rebuilt alone against the installed helpers jar, and a caller of a helper that writes into its
 * array fails the app's build with the error of one javac run.
 */
class CallsAcrossModulesIT {

    private static final String HELPERS = """
            package com.example.helpers;

            import io.microautograd.Differentiable;

            public final class Helpers {

                private Helpers() {
                }

                /** A smooth maximum of v's elements. */
                @Differentiable
                public static double logSumExp(double[] v) {
                    double max = v[0];
                    for (int i = 1; i < v.length; i++) {
                        max = Math.max(max, v[i]);
                    }
                    double sum = 0;
                    for (double x : v) {
                        sum += Math.exp(x - max);
                    }
                    return max + Math.log(sum);
                }

                /** a sin(x) x, with a a constant. */
                @Differentiable(wrt = "x")
                public static double scaled(double x, double a) {
                    return a * Math.sin(x) * x;
                }

                /** Squares v's elements where they are and returns their sum. */
                @Differentiable
                public static double squareInPlace(double[] v) {
                    double s = 0;
                    for (int i = 0; i < v.length; i++) {
                        v[i] = v[i] * v[i];
                        s += v[i];
                    }
                    return s;
                }
            }
            """;

    /**
     * The app's main class, with {@code %s} for the body of {@code f}: it prints f's value, plain
     * and compiled, then each partial, compiled and by central differences.
     */
    private static final String APP = """
            package com.example;

            import com.example.helpers.Helpers;
            import io.microautograd.Differentiable;

            public final class Main {

                @Differentiable
                static double f(double[] w) {
            %s    }

                public static void main(String[] args) {
                    double[] w = {0.5, -1.25, 2.0};
                    MainGrad.FGradient compiled = MainGrad.f(w);
                    System.out.println("f = " + f(w) + ", compiled " + compiled.value());
                    double h = 1e-6;
                    for (int i = 0; i < w.length; i++) {
                        double[] up = w.clone();
                        double[] down = w.clone();
                        up[i] += h;
                        down[i] -= h;
                        System.out.println("df/dw" + i + " = " + compiled.w()[i] + ", central difference "
                                + (f(up) - f(down)) / (2 * h));
                    }
                }
            }
            """;

    private static final String CALLS_BOTH_HELPERS = """
                    return Helpers.logSumExp(w) + Helpers.scaled(w[0] * w[1], 3.0);
            """;

    private static final String CALLS_THEM_IN_A_LOOP = """
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += Helpers.scaled(w[i], i + 1.0);
                    }
                    return s * Helpers.logSumExp(w);
            """;

    /** The caller, which reads its array after the helper wrote into it. */
    private static final String READS_AFTER_THE_HELPER_WROTE = """
                    double s = Helpers.squareInPlace(w);
                    return s + w[0] * w[1] - w[2];
            """;

    private static final Pattern VALUE = Pattern.compile("f = (\\S+), compiled (\\S+)");
    private static final Pattern PARTIAL = Pattern.compile("df/dw\\d = (\\S+), central difference (\\S+)");

    @Test
    void theCallerRebuiltAloneAgainstTheHelpersJarHasTheGradientOfCentralDifferences() {
        UserProject project = helpersAndApp("calls-across-modules", CALLS_BOTH_HELPERS);
        project.mvn(Jdk.running(), "mvn -q install").assertSucceeded();
        List<String> first = project.mvn(Jdk.running(), "mvn -q -pl app exec:java").assertSucceeded().lines();
        assertGradientOfCentralDifferences(first);

        project.javaSource("app", APP.formatted(CALLS_THEM_IN_A_LOOP));
        List<String> changed = project.mvn(Jdk.running(), "mvn -q -pl app compile exec:java").assertSucceeded().lines();
        assertGradientOfCentralDifferences(changed);
        assertNotEquals(first.get(0), changed.get(0), "the rebuilt app runs the changed f");
    }

    /** The message is the one a single javac run of both classes reports (SeparateCompilationTest), at the call. */
    @Test
    void aCallOfAHelperWritingIntoItsArrayFailsTheAppsBuildWithTheErrorOfOneJavacRun() {
        UserProject project = helpersAndApp("writes-across-modules", READS_AFTER_THE_HELPER_WROTE);

        UserProject.Result build = project.mvn(Jdk.running(), "mvn -q compile");

        assertNotEquals(0, build.exitCode(), build.output());
        String main = project.folder().resolve("app/src/main/java/com/example/Main.java").toString();
        List<String> errors =
                build.lines().stream().filter(line -> line.contains("[MicroAutograd:")).distinct().toList();
        assertEquals(List.of("[ERROR] " + main + ":[10,41] [MicroAutograd:UnsupportedCall] call of squareInPlace, "
                + "which writes into its array parameter v; a @Differentiable method may call only methods that leave "
                + "their array arguments unchanged: let squareInPlace copy v into a local array and write there"),
                errors, build.output());
    }

    /** The README's project as the parent of modules {@code helpers} and {@code app}, whose f has {@code body}. */
    private static UserProject helpersAndApp(String name, String body) {
        String readmePom = ReadmeSection.named(UserProjects.SETUP_SECTION).one("xml", "<project");
        return UserProjects.empty(name).pom(UserProjects.asParent(readmePom, "helpers", "app"))
                .file("helpers/pom.xml", modulePom("helpers", """
                          <properties>
                            <!-- no local variable table: the class files keep no parameter names -->
                            <maven.compiler.debug>false</maven.compiler.debug>
                          </properties>
                        """))
                .javaSource("helpers", HELPERS)
                .file("app/pom.xml", modulePom("app", """
                          <dependencies>
                            <dependency>
                              <groupId>com.example</groupId>
                              <artifactId>helpers</artifactId>
                              <version>${project.version}</version>
                            </dependency>
                          </dependencies>
                        """))
                .javaSource("app", APP.formatted(body));
    }

    /** The pom of module {@code artifactId} of the README's project, with {@code elements} after its artifactId. */
    private static String modulePom(String artifactId, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>

                  <parent>
                    <groupId>com.example</groupId>
                    <artifactId>gradients</artifactId>
                    <version>1.0-SNAPSHOT</version>
                  </parent>

                  <artifactId>%s</artifactId>
                %s</project>
                """.formatted(artifactId, elements);
    }

    /**
     * Asserts that {@code lines}, what the app printed, hold the compiled value equal to the plain
     * one and three partials each within 1e-6 (relative above 1) of its central difference.
     */
    private static void assertGradientOfCentralDifferences(List<String> lines) {
        assertEquals(4, lines.size(), lines.toString());
        Matcher value = VALUE.matcher(lines.get(0));
        assertTrue(value.matches(), lines.get(0));
        assertEquals(Double.parseDouble(value.group(1)), Double.parseDouble(value.group(2)), 1e-12, lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            Matcher partial = PARTIAL.matcher(line);
            assertTrue(partial.matches(), line);
            double central = Double.parseDouble(partial.group(2));
            assertEquals(central, Double.parseDouble(partial.group(1)), 1e-6 * Math.max(1, Math.abs(central)), line);
        }
    }
}
