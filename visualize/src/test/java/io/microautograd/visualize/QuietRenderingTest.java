package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine's first picture in a fresh JVM prints nothing: no GraalJS "interpreter
 * only" warning, no font warnings from the PNG rasteriser, no SLF4J notice about the missing
 * binding. A fresh JVM is needed because the warnings come once per JVM, when the engine starts.
 */
class QuietRenderingTest {

    /** Draws the README example as SVG and PNG with the embedded engine, as a user's program would. */
    public static final class FirstPicture {
        public static void main(String[] args) {
            GraphPicture picture = GraphRenderer.builder().engine(RenderEngine.EMBEDDED).highlightGradients().build()
                    .draw(SampleGraphs.readmeExample());
            System.out.println(picture.svg().startsWith("<svg") ? "svg ok" : "svg missing");
            System.out.println(picture.render(GraphFormat.PNG).length > 0 ? "png ok" : "png missing");
        }
    }

    @Test
    void firstEmbeddedPictureWritesNothingToStandardError(@TempDir Path directory) throws Exception {
        assertFalse(Slf4jStartup.hasBinding(getClass().getClassLoader()), "the test class path has no SLF4J binding");
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FirstPicture.class.getName())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();

        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the picture took over 3 minutes");
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), errors);
        assertEquals("svg ok\npng ok\n", Files.readString(out, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        assertEquals("", errors);
    }
}
