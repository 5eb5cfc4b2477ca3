package io.microautograd.userbuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the tests put their user projects, and the README's project as a starting point. */
final class UserProjects {

    /** The README's section that a user sets a project up from. */
    static final String SETUP_SECTION = "Use it in your project";

    private UserProjects() {
    }

    /**
     * An empty project folder named {@code name} under this module's {@code target/user-builds},
     * kept after the test so that a failure can be looked at.
     */
    static UserProject empty(String name) {
        Path folder = Path.of(PrivateRepository.property("user.builds.directory"), "projects", name);
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(UserProjects::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return UserProject.in(folder);
    }

    /** A project holding the README's {@code pom.xml} and {@code Main.java}, as pasted. */
    static UserProject readmeProject(String name) {
        ReadmeSection setup = ReadmeSection.named(SETUP_SECTION);
        return empty(name).pom(setup.one("xml", "<project")).javaSource("", setup.one("java", "class Main"));
    }

    /** {@code pom} with {@code dependency} (a {@code <dependency>} element) added at the end of its dependencies. */
    static String withDependency(String pom, String dependency) {
        int end = pom.indexOf("</dependencies>");
        if (end < 0) {
            throw new IllegalArgumentException("the pom has no dependencies element:\n" + pom);
        }
        return pom.substring(0, end) + dependency.indent(4) + "  " + pom.substring(end);
    }

    /**
     * {@code pom} made the root of a multi-module project: packaging {@code pom} and the
     * {@code modules}, before its properties; its dependencies and plugins are the modules' too.
     */
    static String asParent(String pom, String... modules) {
        int properties = pom.indexOf("  <properties>");
        if (properties < 0) {
            throw new IllegalArgumentException("the pom has no properties element:\n" + pom);
        }
        StringBuilder parent = new StringBuilder("  <packaging>pom</packaging>\n  <modules>\n");
        for (String module : modules) {
            parent.append("    <module>").append(module).append("</module>\n");
        }
        parent.append("  </modules>\n\n");
        return pom.substring(0, properties) + parent + pom.substring(properties);
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
