package io.microautograd.userbuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fenced code blocks of one section of the README, exactly as a user would copy them, and its
 * other lines: the section starts at a heading with the given text and ends at the next heading
 * of the same or a higher level.
 *
 * @param heading the heading's text, without the {@code #} marks
 * @param blocks the section's blocks, in order
 * @param lines the section's lines outside the blocks (prose, tables), in order
 */
record ReadmeSection(String heading, List<Block> blocks, List<String> lines) {

    /**
     * A fenced block.
     *
     * @param language the fence's info string ({@code xml}, {@code java}, ...); empty for a plain fence
     * @param text the block's lines, each ending in a line break
     */
    record Block(String language, String text) {
    }

    /** The section of README.md headed {@code heading}. */
    static ReadmeSection named(String heading) {
        Path readme = Path.of(PrivateRepository.property("user.builds.readme"));
        try {
            return parse(Files.readString(readme), heading);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The section of {@code markdown} headed {@code heading}. */
    static ReadmeSection parse(String markdown, String heading) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int level = 0;
        StringBuilder block = null;
        String language = "";
        for (String line : markdown.lines().toList()) {
            if (block != null) {
                if (line.strip().equals("```")) {
                    blocks.add(new Block(language, block.toString()));
                    block = null;
                } else {
                    block.append(line).append('\n');
                }
            } else if (line.startsWith("#")) {
                int marks = line.indexOf(' ');
                if (level > 0 && marks > 0 && marks <= level) {
                    break;
                }
                if (marks > 0 && line.substring(marks + 1).strip().equals(heading)) {
                    level = marks;
                }
            } else if (level > 0 && line.startsWith("```")) {
                language = line.substring(3).strip();
                block = new StringBuilder();
            } else if (level > 0) {
                lines.add(line);
            }
        }
        if (level == 0) {
            throw new IllegalArgumentException("the README has no heading \"" + heading + "\"");
        }
        return new ReadmeSection(heading, List.copyOf(blocks), List.copyOf(lines));
    }

    /** The texts of the blocks fenced with {@code language}, in order. */
    List<String> all(String language) {
        return blocks.stream().filter(b -> b.language().equals(language)).map(Block::text).toList();
    }

    /** The text of the one block fenced with {@code language} whose text contains {@code marker}. */
    String one(String language, String marker) {
        List<String> found = all(language).stream().filter(text -> text.contains(marker)).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + language + " block containing \"" + marker
                    + "\" in the README's section \"" + heading + "\", found " + found.size());
        }
        return found.get(0);
    }

    /** The one line outside the blocks that contains {@code marker}, such as a table's row. */
    String line(String marker) {
        List<String> found = lines.stream().filter(line -> line.contains(marker)).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one line containing \"" + marker + "\" in the README's section \""
                    + heading + "\", found " + found.size());
        }
        return found.get(0);
    }
}
