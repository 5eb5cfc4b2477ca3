package io.microautograd.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;

/**
 * The source a tree was read from, as the user wrote it, for messages that quote code: javac's
 * own rendering of a tree can differ from it (it prints the {@code yield} it desugars a switch
 * expression's arrows into, for one).
 */
final class SourceText {

    private final CompilationUnitTree unit;
    private final SourcePositions positions;
    private final CharSequence content;

    SourceText(Trees trees, CompilationUnitTree unit) {
        this.unit = unit;
        this.positions = trees.getSourcePositions();
        this.content = contentOf(unit);
    }

    /** The tree's text on one line; javac's rendering of it where the source cannot be read. */
    String of(Tree tree) {
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        if (content == null || start < 0 || end < start || end > content.length()) {
            return tree.toString();
        }
        return content.subSequence((int) start, (int) end).toString().replaceAll("\\s+", " ").trim();
    }

    private static CharSequence contentOf(CompilationUnitTree unit) {
        try {
            return unit.getSourceFile().getCharContent(true);
        } catch (IOException | UnsupportedOperationException unreadable) {
            return null;
        }
    }
}
