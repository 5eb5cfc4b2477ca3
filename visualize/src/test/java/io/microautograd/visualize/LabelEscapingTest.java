package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guru.nidi.graphviz.parse.Parser;
import io.microautograd.engine.Value;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelEscapingTest {

    /** A label, and the lines of text a picture of it must show. */
    static Stream<Arguments> labels() {
        return Stream.of(
                Arguments.of("double quotes", "say \"hi\"", List.of("say \"hi\"")),
                Arguments.of("single quotes", "it's", List.of("it's")),
                Arguments.of("braces and bar", "{a|b}", List.of("{a|b}")),
                Arguments.of("record port syntax", "<f0> left|<f1> right", List.of("<f0> left|<f1> right")),
                Arguments.of("html tags", "<b>not bold</b>", List.of("<b>not bold</b>")),
                Arguments.of("ampersand and entity", "a & b &amp; c", List.of("a & b &amp; c")),
                Arguments.of("newline", "first\nsecond", List.of("first", "second")),
                Arguments.of("windows newline", "first\r\nsecond", List.of("first", "second")),
                Arguments.of("backslashes", "C:\\temp\\n \\l \\N \\G \\", List.of("C:\\temp\\n \\l \\N \\G \\")),
                Arguments.of("backslash before quote", "a\\\"b", List.of("a\\\"b")),
                Arguments.of("dot injection", "x\"]; evil [label=\"y", List.of("x\"]; evil [label=\"y")),
                Arguments.of("html label injection", ">]; evil [label=<", List.of(">]; evil [label=<")),
                Arguments.of("xml comment and cdata", "<!-- c --> ]]>", List.of("<!-- c --> ]]>")),
                Arguments.of("tab and bell", "a\tb\u0007", List.of("a b\\u0007")),
                Arguments.of("unicode", "\u2202L/\u2202w \u00e9t\u00e9", List.of("\u2202L/\u2202w \u00e9t\u00e9")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labels")
    void labelDoesNotChangeTheGraphsStructure(String name, String label, List<String> lines) throws Exception {
        Value x = Value.of(1).label(label);
        Value root = x.tanh().label("root");
        String dot = GraphRenderer.defaults().draw(root).dot();

        DotReader read = new DotReader(dot);
        assertEquals(3, read.nodes.size(), dot);
        assertEquals(2, read.edges.size(), dot);
        assertTrue(read.nodes.get("n0").label().startsWith("<TABLE"), read.nodes.get("n0").label());
        assertDoesNotThrow(() -> new Parser().read(dot));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labels")
    void escapedLabelIsXmlThatReadsBackAsTheLabel(String name, String label, List<String> lines) throws Exception {
        // Graphviz decodes the XML, then reads a doubled backslash as one (see LabelText).
        String escaped = LabelText.html(label);
        String xml = "<TD>" + escaped + "</TD>";
        var cell = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();

        List<String> read = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cell.getChildNodes().getLength(); i++) {
            var child = cell.getChildNodes().item(i);
            if (child.getNodeName().equals("BR")) {
                read.add(line.toString());
                line.setLength(0);
            } else {
                line.append(child.getTextContent().replace("\\\\", "\\"));
            }
        }
        read.add(line.toString());
        assertEquals(lines, read);
    }

    @Test
    void everyLabelRendersAsItsTextInTheSvg() throws Exception {
        List<Value> leaves = new ArrayList<>();
        List<String> expectedLines = new ArrayList<>();
        labels().forEach(arguments -> {
            leaves.add(Value.of(leaves.size()).label((String) arguments.get()[1]));
            @SuppressWarnings("unchecked")
            List<String> lines = (List<String>) arguments.get()[2];
            expectedLines.addAll(lines);
        });
        Value root = Value.sum(leaves).label("sum");
        GraphPicture picture = GraphRenderer.builder().engine(RenderEngine.EMBEDDED).build().draw(root);

        SvgDocument svg = new SvgDocument(picture.svg());

        List<String> texts = svg.texts();
        for (String line : expectedLines) {
            assertTrue(texts.contains(line), "missing '" + line + "' in " + texts);
        }
    }
}
