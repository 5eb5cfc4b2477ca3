package io.microautograd.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of the tutorial (or a block with another fence, such as the
 * excerpts of generated code fenced {@code ```java generated}). A block is either a source file (it declares a
 * type: {@code class}, {@code record}, {@code interface}) or, more often, statements: those
 * are run inside a method of a generated class, with the block's leading {@code import} lines
 * hoisted to the top of that class's file. A statement whose line ends in {@code // prints X}
 * promises that it prints the line {@code X}; {@code // prints X...} promises a line starting
 * with {@code X}.
 *
 * @param heading the tutorial heading the block sits under
 * @param firstLine the tutorial line number of the block's first line of code (from 1)
 * @param lines the block's lines
 */
record TutorialSnippet(String heading, int firstLine, List<String> lines) {

    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("^(?:public |final |abstract )*(?:class|record|interface|enum) (\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);");
    private static final Pattern PRINTS = Pattern.compile("// prints (.*)$");

    /** Whether the block is a source file of its own rather than statements. */
    boolean isSourceFile() {
        return lines.stream().anyMatch(line -> TYPE_DECLARATION.matcher(line).find());
    }

    /** The binary name of the type a source-file block declares (package and first type). */
    String typeName() {
        String pkg = "";
        for (String line : lines) {
            Matcher p = PACKAGE.matcher(line);
            if (p.find()) {
                pkg = p.group(1) + ".";
            }
            Matcher t = TYPE_DECLARATION.matcher(line);
            if (t.find()) {
                return pkg + t.group(1);
            }
        }
        throw new IllegalStateException("block at tutorial line " + firstLine + " declares no type");
    }

    /** The number of leading lines that are imports (or blank lines among them). */
    int importCount() {
        int count = 0;
        while (count < lines.size() && (lines.get(count).startsWith("import ") || lines.get(count).isBlank())) {
            count++;
        }
        return count;
    }

    /** What the block promises to print, line by line; a trailing "..." marks a prefix. */
    List<String> promisedOutput() {
        List<String> promised = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PRINTS.matcher(line);
            if (m.find()) {
                promised.add(m.group(1).stripTrailing());
            }
        }
        return promised;
    }

    /** Whether {@code printed} keeps {@code promise}: equal, or starting with it when it ends in "...". */
    static boolean keeps(String promise, String printed) {
        return promise.endsWith("...")
                ? printed.startsWith(promise.substring(0, promise.length() - 3))
                : printed.equals(promise);
    }

    /** Every {@code ```java} block of {@code markdown}, in order. */
    static List<TutorialSnippet> parse(String markdown) {
        return parse(markdown, "java");
    }

    /** Every block of {@code markdown} fenced with {@code ```info} (for example "java generated"), in order. */
    static List<TutorialSnippet> parse(String markdown, String info) {
        List<TutorialSnippet> snippets = new ArrayList<>();
        String heading = "(before the first heading)";
        List<String> block = null;
        int blockStart = 0;
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (block == null && line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "");
            } else if (block == null && line.strip().equals("```" + info)) {
                block = new ArrayList<>();
                blockStart = i + 2;
            } else if (block != null && line.strip().equals("```")) {
                snippets.add(new TutorialSnippet(heading, blockStart, List.copyOf(block)));
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        if (block != null) {
            throw new IllegalArgumentException("the java block opened at line " + (blockStart - 1) + " never closes");
        }
        return snippets;
    }
}
