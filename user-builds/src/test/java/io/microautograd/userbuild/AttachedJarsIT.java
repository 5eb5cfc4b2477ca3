package io.microautograd.userbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Every library module built a sources jar and a javadoc jar beside its jar, which
 * {@code mvn install} installs with it.
 */
class AttachedJarsIT {

    @Test
    void everyLibraryJarHasItsSourcesAndJavadocBesideIt() throws IOException {
        List<Path> libraries = PrivateRepository.libraryJars();
        assertEquals(PrivateRepository.LIBRARIES, libraries.stream()
                .map(jar -> jar.getFileName().toString().replaceFirst("-[0-9].*", "")).sorted().toList());
        for (Path jar : libraries) {
            String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            assertHolds(jar.resolveSibling(base + "-sources.jar"), ".java");
            assertHolds(jar.resolveSibling(base + "-javadoc.jar"), "index.html");
        }
    }

    @Test
    void everyClassOfALibraryHasItsSourceInTheSourcesJar() throws IOException {
        for (Path jar : PrivateRepository.libraryJars()) {
            Path sources = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", "-sources.jar"));
            try (JarFile classes = new JarFile(jar.toFile()); JarFile sourceFiles = new JarFile(sources.toFile())) {
                List<String> missing = classes.stream().map(entry -> entry.getName())
                        .filter(name -> name.endsWith(".class") && !name.contains("$"))
                        .map(name -> name.replaceFirst("\\.class$", ".java"))
                        .filter(name -> sourceFiles.getEntry(name) == null).toList();
                assertEquals(List.of(), missing, sources + " lacks the sources of these classes");
            }
        }
    }

    private static void assertHolds(Path jar, String suffix) throws IOException {
        assertTrue(Files.isRegularFile(jar), jar + " was built");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertTrue(file.stream().anyMatch(entry -> entry.getName().endsWith(suffix)), jar + " holds a " + suffix);
        }
    }
}
