package io.microautograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where examples write, and what they report. */
class ExampleContextTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private ExampleContext context(Path directory) {
        return new ExampleContext(directory, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void theFolderIsCreatedOnTheFirstPictureOnly() {
        Path later = folder.resolve("a").resolve("b");
        ExampleContext context = context(later);
        assertFalse(Files.exists(later));
        Path picture = context.picture("x.png");
        assertTrue(Files.isDirectory(later));
        assertEquals(later.toAbsolutePath().resolve("x.png"), picture);
    }

    @Test
    void pictureNamesMustBePlainFileNames() {
        ExampleContext context = context(folder);
        for (String bad : new String[] {"", " ", "../x.png", "a/x.png", ".."}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> context.picture(bad));
            assertTrue(e.getMessage().contains("plain file name"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> context.picture(null));
        assertThrows(IllegalArgumentException.class, () -> new ExampleContext(null, System.out));
        assertThrows(IllegalArgumentException.class, () -> new ExampleContext(folder, null));
    }

    @Test
    void numbersPrintWithADecimalPointWhateverTheLocale() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            context(folder).printf("%.2f%n", 1.5);
        } finally {
            Locale.setDefault(saved);
        }
        assertEquals("1.50", out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void resultsKeepFilesInOrderAndRefuseAMeasurementTwice() {
        ExampleResult result = new ExampleResult().file(Path.of("b.png")).file(Path.of("a.png")).measure("loss", 0.5);
        assertEquals(List.of(Path.of("b.png"), Path.of("a.png")), result.files());
        assertEquals(0.5, result.measurement("loss"));
        assertThrows(IllegalArgumentException.class, () -> result.measure("loss", 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> result.measurement("mse"));
        assertTrue(e.getMessage().contains("[loss]"), e.getMessage());
    }
}
