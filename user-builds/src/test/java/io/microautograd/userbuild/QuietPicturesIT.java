package io.microautograd.userbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user's first picture, drawn by the embedded engine (or the system {@code dot}) in the
 * README's project with the visualize module added, prints only what the program prints: no
 * SLF4J notice, whether the class path has an SLF4J binding or not, with SLF4J 1.7 or 2.
 */
class QuietPicturesIT {

    private static final String PICTURE = """
            package com.example;

            import io.microautograd.engine.Value;
            import io.microautograd.visualize.GraphRenderer;
            import java.nio.file.Path;

            public final class Main {
                public static void main(String[] args) {
                    Value x = Value.of(2.0).label("x");
                    Value z = x.mul(x).add(x).label("z");
                    z.backward();
                    System.out.println("wrote " + GraphRenderer.visualize(z, Path.of("z.png"), true));
                }
            }
            """;

    @Test
    void withoutAnSlf4jBindingTheFirstPicturePrintsNothingElse() {
        assertQuietPicture("picture-without-binding", "");
    }

    @Test
    void withSlf4j2AndNoProviderTheFirstPicturePrintsNothingElse() {
        // From 2.0.10 SLF4J's notice reads "SLF4J(W): No SLF4J providers were found."
        assertQuietPicture("picture-with-slf4j-2", """
                <dependency>
                  <groupId>org.slf4j</groupId>
                  <artifactId>slf4j-api</artifactId>
                  <version>2.0.17</version>
                </dependency>
                """);
    }

    @Test
    void withAnSlf4jBindingTheFirstPicturePrintsNothingElse() {
        assertQuietPicture("picture-with-binding", """
                <dependency>
                  <groupId>org.slf4j</groupId>
                  <artifactId>slf4j-simple</artifactId>
                  <version>1.7.36</version>
                </dependency>
                """);
    }

    private static void assertQuietPicture(String name, String extraDependency) {
        ReadmeSection setup = ReadmeSection.named(UserProjects.SETUP_SECTION);
        String pom = UserProjects.withDependency(setup.one("xml", "<project"),
                setup.one("xml", "<artifactId>microautograd-visualize</artifactId>") + extraDependency);
        UserProject project = UserProjects.empty(name).pom(pom).javaSource("", PICTURE);

        UserProject.Result run = project.mvn(Jdk.running(), setup.one("", "exec:java")).assertSucceeded();

        assertEquals(List.of("wrote z.png"), run.lines(), run.output());
        assertTrue(Files.isRegularFile(project.folder().resolve("z.png")));
    }
}
