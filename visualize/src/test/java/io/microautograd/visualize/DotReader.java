package io.microautograd.visualize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the node and edge statements of the DOT that {@link DotWriter} writes (one statement
 * per line), so tests can check structure, including repeated edges that a general DOT parser merges.
 */
final class DotReader {

    private static final Pattern NODE = Pattern.compile("^\\s*(\\w+) \\[label=<(.*)>(?:, (.*))?\\];$");
    private static final Pattern EDGE = Pattern.compile("^\\s*(\\w+) -> (\\w+);$");

    /** A node statement: its id, its HTML-like label and any further attributes. */
    record Node(String id, String label, String attributes) {
    }

    /** An edge statement. */
    record Edge(String from, String to) {
    }

    final Map<String, Node> nodes = new LinkedHashMap<>();
    final List<Edge> edges = new ArrayList<>();

    DotReader(String dot) {
        for (String line : dot.split("\n")) {
            Matcher node = NODE.matcher(line);
            Matcher edge = EDGE.matcher(line);
            if (node.matches()) {
                nodes.put(node.group(1), new Node(node.group(1), node.group(2),
                        node.group(3) == null ? "" : node.group(3)));
            } else if (edge.matches()) {
                edges.add(new Edge(edge.group(1), edge.group(2)));
            }
        }
    }

    /** The one value node whose label cell (the first, before the data) holds {@code escapedLabel}. */
    Node valueLabelled(String escapedLabel) {
        List<Node> found = new ArrayList<>();
        for (Node node : nodes.values()) {
            if (node.label().contains("<TR><TD>" + escapedLabel + "</TD><TD>data ")) {
                found.add(node);
            }
        }
        if (found.size() != 1) {
            throw new AssertionError("expected one node labelled " + escapedLabel + ", found " + found);
        }
        return found.get(0);
    }

    /** The ids of the nodes with edges into {@code id}, in order, repeats kept. */
    List<String> sourcesOf(String id) {
        List<String> sources = new ArrayList<>();
        for (Edge edge : edges) {
            if (edge.to().equals(id)) {
                sources.add(edge.from());
            }
        }
        return sources;
    }
}
