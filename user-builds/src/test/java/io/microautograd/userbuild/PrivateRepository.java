package io.microautograd.userbuild;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local Maven repository that user builds resolve from, under this module's {@code target}:
 * it holds this build's own artifacts (the library jars on the test class path, with the poms
 * packed in them, and the parent pom), so that nothing of ours reaches the machine's
 * {@code ~/.m2}. Everything else is fetched, by the settings file this class writes, first from
 * the machine's own local repository as a {@code file:} repository (quick, and complete on a
 * machine that just built this project) and then from Maven Central.
 *
 * <p>Seeded once per test JVM; third-party artifacts stay between runs until {@code mvn clean}.
 */
final class PrivateRepository {

    private static final String GROUP = "io.microautograd";
    /** The artifact ids of the library modules, which this module depends on, in alphabetical order. */
    static final List<String> LIBRARIES = List.of("microautograd-annotations", "microautograd-processor",
            "microautograd-runtime", "microautograd-spark", "microautograd-visualize");
    private static final Pattern PARENT_COORDINATES = Pattern.compile(
            "<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>");

    private static PrivateRepository seeded;

    private final Path repository;
    private final Path settings;

    private PrivateRepository(Path directory) {
        this.repository = directory.resolve("repository");
        this.settings = directory.resolve("settings.xml");
    }

    /** The repository of this JVM, seeded with this build's artifacts on first use. */
    static synchronized PrivateRepository seeded() {
        if (seeded == null) {
            PrivateRepository made = new PrivateRepository(Path.of(property("user.builds.directory")));
            made.seed();
            seeded = made;
        }
        return seeded;
    }

    /** The folder to pass as {@code -Dmaven.repo.local}. */
    Path localRepository() {
        return repository;
    }

    /** The settings file to pass as {@code -s}. */
    Path settings() {
        return settings;
    }

    private void seed() {
        try {
            List<Path> jars = libraryJars();
            if (jars.size() < LIBRARIES.size()) {
                throw new IllegalStateException("expected the jars of " + LIBRARIES + " on the test class path, found "
                        + jars + "; run the build to the package phase at least (mvn verify)");
            }
            for (Path jar : jars) {
                install(jar);
            }
            installParentPom(Path.of(property("user.builds.parent.pom")));
            Files.writeString(settings, settingsXml(Path.of(property("user.builds.home.repository"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This build's library jars on the test class path (Failsafe passes it in a property: its
     * JVM's own class path is a manifest jar).
     */
    static List<Path> libraryJars() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && coordinatesEntry(Path.of(entry)) != null) {
                jars.add(Path.of(entry));
            }
        }
        return jars;
    }

    /** The name of the {@code pom.properties} entry of {@code jar} if it is one of ours, else null. */
    private static String coordinatesEntry(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("META-INF/maven/" + GROUP + "/") && name.endsWith("/pom.properties"))
                    .findFirst().orElse(null);
        }
    }

    /** Installs one of our jars with the pom packed in it. */
    private void install(Path jar) throws IOException {
        String entry = coordinatesEntry(jar);
        try (JarFile file = new JarFile(jar.toFile())) {
            Properties coordinates = new Properties();
            try (InputStream in = file.getInputStream(file.getEntry(entry))) {
                coordinates.load(in);
            }
            Path folder = artifactFolder(coordinates.getProperty("artifactId"), coordinates.getProperty("version"));
            String base = coordinates.getProperty("artifactId") + "-" + coordinates.getProperty("version");
            Files.copy(jar, folder.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            try (InputStream pom = file.getInputStream(file.getEntry(entry.replace("pom.properties", "pom.xml")))) {
                Files.copy(pom, folder.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void installParentPom(Path pom) throws IOException {
        Matcher coordinates = PARENT_COORDINATES.matcher(Files.readString(pom));
        if (!coordinates.find() || !coordinates.group(1).equals(GROUP)) {
            throw new IllegalStateException("no " + GROUP + " coordinates in " + pom);
        }
        Path folder = artifactFolder(coordinates.group(2), coordinates.group(3));
        Files.copy(pom, folder.resolve(coordinates.group(2) + "-" + coordinates.group(3) + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private Path artifactFolder(String artifactId, String version) throws IOException {
        return Files.createDirectories(repository.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(version));
    }

    /** Releases from the machine's local repository, then from Central; snapshots only from the local one. */
    private static String settingsXml(Path home) {
        String repositories = repository("machine", home.toUri().toString()) + repository("central",
                "https://repo.maven.apache.org/maven2");
        return """
                <settings>
                  <profiles>
                    <profile>
                      <id>user-builds</id>
                      <repositories>
                %s      </repositories>
                      <pluginRepositories>
                %s      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>user-builds</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(repositories, repositories.replace("repository>", "pluginRepository>"));
    }

    private static String repository(String id, String url) {
        return """
                        <repository>
                          <id>%s</id>
                          <url>%s</url>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                """.formatted(id, url);
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run through Maven (mvn verify)");
        }
        return value;
    }
}
