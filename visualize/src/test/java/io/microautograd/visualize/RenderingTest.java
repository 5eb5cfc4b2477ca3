package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.microautograd.engine.Value;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures laid out by the embedded engine (viz.js on GraalJS), which these tests force so that
 * they pass where no Graphviz is installed. Renders are few: the engine's first one is slow.
 */
class RenderingTest {

    private static final GraphRenderer EMBEDDED = GraphRenderer.builder()
            .engine(RenderEngine.EMBEDDED).highlightGradients().build();

    @Test
    void svgIsXmlShowingEveryLabelNumberOperationAndHighlight() throws Exception {
        Value out = SampleGraphs.deadReluAndExploding();
        out.backward();

        SvgDocument svg = new SvgDocument(EMBEDDED.draw(out).svg());

        assertEquals("svg", svg.rootName());
        List<String> texts = svg.texts();
        for (Value value : out.topologicalOrder()) {
            if (!value.label().isEmpty()) {
                assertTrue(texts.contains(value.label()), value.label() + " in " + texts);
            }
            assertTrue(texts.contains("data " + NumberText.format(value.data())), value + " in " + texts);
            assertTrue(texts.contains("grad " + NumberText.format(value.grad())), value + " in " + texts);
        }
        assertTrue(texts.containsAll(List.of("+", "*", "relu")), texts.toString());
        assertTrue(svg.fills().containsAll(List.of(GradientHealth.VANISHING.color(), GradientHealth.EXPLODING.color())),
                svg.fills().toString());
    }

    @Test
    void pngDecodesAndIsNotBlank() throws Exception {
        Value z = SampleGraphs.readmeExample();
        z.backward();

        byte[] png = GraphRenderer.builder().engine(RenderEngine.EMBEDDED).build().draw(z).render(GraphFormat.PNG);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "ImageIO could not decode the PNG");
        int background = image.getRGB(0, 0);
        int differing = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    differing++;
                }
            }
        }
        int pixels = image.getWidth() * image.getHeight();
        assertTrue(image.getWidth() > 100 && image.getHeight() > 20, image.getWidth() + "x" + image.getHeight());
        assertTrue(differing > pixels / 100, differing + " of " + pixels + " pixels differ from the background");
    }

    @Test
    void writeToChoosesTheFormatByExtension(@TempDir Path directory) throws Exception {
        GraphPicture picture = EMBEDDED.draw(SampleGraphs.readmeExample());

        Path dot = picture.writeTo(directory.resolve("graph.gv"));
        Path svg = picture.writeTo(directory.resolve("nested/dir/graph.SVG"));

        assertEquals(picture.dot(), Files.readString(dot, StandardCharsets.UTF_8));
        assertTrue(new SvgDocument(Files.readString(svg, StandardCharsets.UTF_8)).texts().contains("z"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> picture.writeTo(directory.resolve("graph.jpg")));
        assertTrue(unknown.getMessage().contains("graph.jpg"), unknown.getMessage());
    }

    @Test
    void comparisonShowsBeforeAboveAfter() throws Exception {
        SvgDocument svg = new SvgDocument(EMBEDDED.drawBeforeAndAfterBackward(SampleGraphs.readmeExample()).svg());

        assertTrue(svg.yOfText("before backward") < svg.yOfText("after backward"));
    }

    @Test
    void rasterisedTextKeepsItsSpacesButAttributesAreUntouched() {
        String svg = "<g id=\"a b\"><text x=\"1\">data &#45;1 &quot;q&quot;</text><title>n 1</title></g>";

        assertEquals("<g id=\"a b\"><text x=\"1\">data\u00a0&#45;1\u00a0&quot;q&quot;</text><title>n 1</title></g>",
                GraphvizRunner.keepSpacesInText(svg));
    }

    @Test
    void autoUsesTheSystemDotOnlyWhenThereIsOne() {
        assertEquals(RenderEngine.EMBEDDED, GraphvizRunner.resolve(RenderEngine.AUTO, Optional.empty()));
        assertEquals(RenderEngine.SYSTEM_DOT, GraphvizRunner.resolve(RenderEngine.AUTO, Optional.of(Path.of("/usr/bin/dot"))));
        assertEquals(RenderEngine.EMBEDDED, GraphvizRunner.resolve(RenderEngine.EMBEDDED, Optional.of(Path.of("/usr/bin/dot"))));
    }

    @Test
    void askingForTheSystemDotWhereThereIsNoneSaysWhatToDo() {
        assumeTrue(SystemDot.onPath().isEmpty(), "this machine has dot on its PATH");
        GraphPicture picture = GraphRenderer.builder().engine(RenderEngine.SYSTEM_DOT).build()
                .draw(SampleGraphs.readmeExample());

        IllegalStateException missing = assertThrows(IllegalStateException.class, picture::svg);
        assertTrue(missing.getMessage().contains("RenderEngine.EMBEDDED"), missing.getMessage());
    }
}
