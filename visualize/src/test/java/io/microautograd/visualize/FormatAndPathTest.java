package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class FormatAndPathTest {

    @Test
    void extensionsNameFormatsWhateverTheirCase() {
        assertEquals(GraphFormat.DOT, GraphFormat.fromFileName(Path.of("a/graph.dot")));
        assertEquals(GraphFormat.DOT, GraphFormat.fromFileName(Path.of("graph.GV")));
        assertEquals(GraphFormat.SVG, GraphFormat.fromFileName(Path.of("graph.Svg")));
        assertEquals(GraphFormat.PNG, GraphFormat.fromFileName(Path.of("graph.v2.png")));
    }

    @Test
    void unknownExtensionIsRefusedNamingTheFileAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphFormat.fromFileName(Path.of("graph")));
        assertTrue(e.getMessage().contains("'graph'") && e.getMessage().contains(".svg"), e.getMessage());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void systemDotIsTheFirstExecutableDotOnThePath(@TempDir Path directory) throws Exception {
        Path notExecutable = Files.createDirectories(directory.resolve("plain"));
        Files.createFile(notExecutable.resolve("dot"));
        Path executable = Files.createDirectories(directory.resolve("bin"));
        Path dot = Files.createFile(executable.resolve("dot"));
        assertTrue(dot.toFile().setExecutable(true));
        Path directoryNamedDot = Files.createDirectories(directory.resolve("odd").resolve("dot"));

        String path = String.join(File.pathSeparator, "", directoryNamedDot.getParent().toString(),
                notExecutable.toString(), executable.toString());

        assertEquals(Optional.of(dot), SystemDot.find(path));
        assertEquals(Optional.empty(), SystemDot.find(notExecutable.toString()));
        assertEquals(Optional.empty(), SystemDot.find(null));
    }
}
