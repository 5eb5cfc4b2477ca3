package io.microautograd.visualize;

/**
 * Escapes user text (labels) for the two places it is shown: Graphviz's HTML-like labels
 * ({@code label=<...>}) and one line of a text trace.
 *
 * <p>HTML-like labels are used instead of record labels because their escaping is nearly plain
 * XML: record labels give {@code { } | < >} and spaces meanings of their own, while here only
 * {@code & < >} need entities (quotes get one too, harmlessly). The one Graphviz rule left is
 * the backslash: Graphviz still expands {@code \N} (the node's id), {@code \G} (the graph's name)
 * and friends in this text, after decoding entities, and reads a doubled backslash as one, so
 * every backslash is doubled. A newline becomes a line break; other control characters, which
 * XML 1.0 forbids and which would make the SVG unreadable, are shown as their Java escape
 * (<code>&#92;u0007</code>).
 */
final class LabelText {

    private LabelText() {
    }

    /** {@code text} as the content of an HTML-like label cell: shows exactly as written. */
    static String html(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalized.length() + 16);
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("<BR/>");
                case '\t' -> out.append(' ');
                default -> appendVisible(out, c);
            }
        }
        return out.toString();
    }

    /** {@code text} on one line: line breaks and tabs as {@code \n}, {@code \r}, {@code \t}. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> appendVisible(out, c);
            }
        }
        return out.toString();
    }

    private static void appendVisible(StringBuilder out, char c) {
        if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
        } else {
            out.append(c);
        }
    }
}
