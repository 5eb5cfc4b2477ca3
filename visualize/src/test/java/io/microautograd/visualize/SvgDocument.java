package io.microautograd.visualize;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An SVG parsed as XML, with the parts the tests look at. */
final class SvgDocument {

    private final Document document;

    /** Parses {@code svg}; throws if it is not well-formed XML. */
    SvgDocument(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The root element's name. */
    String rootName() {
        return document.getDocumentElement().getNodeName();
    }

    /** The text of every {@code <text>} element: Graphviz writes one per line of a label. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        NodeList elements = document.getElementsByTagName("text");
        for (int i = 0; i < elements.getLength(); i++) {
            texts.add(elements.item(i).getTextContent());
        }
        return texts;
    }

    /** The {@code y} coordinate of the one {@code <text>} element reading {@code text}; SVG's y grows downwards. */
    double yOfText(String text) {
        NodeList elements = document.getElementsByTagName("text");
        List<Double> found = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            if (elements.item(i).getTextContent().equals(text)) {
                found.add(Double.parseDouble(((Element) elements.item(i)).getAttribute("y")));
            }
        }
        if (found.size() != 1) {
            throw new AssertionError("expected one text '" + text + "', found " + found.size());
        }
        return found.get(0);
    }

    /** The {@code fill} attribute of every element that has one. */
    List<String> fills() {
        List<String> fills = new ArrayList<>();
        NodeList elements = document.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            String fill = ((Element) elements.item(i)).getAttribute("fill");
            if (!fill.isEmpty()) {
                fills.add(fill.toLowerCase());
            }
        }
        return fills;
    }
}
