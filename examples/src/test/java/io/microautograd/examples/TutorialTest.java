package io.microautograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.processor.DifferentiableProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/tutorial.md true: every {@code ```java} block is compiled with javac against the
 * project (annotation processors included), every statement block is run, and what it prints
 * must be what its {@code // prints} comments say.
 */
class TutorialTest {

    @TempDir
    static Path work;

    private static String markdown;
    private static List<TutorialSnippet> snippets;
    private static ClassLoader compiled;
    private static Path generated;

    @BeforeAll
    static void compileTheTutorial() throws IOException {
        System.setProperty("java.awt.headless", "true");
        markdown = Files.readString(tutorial());
        snippets = TutorialSnippet.parse(markdown);
        List<SnippetCompiler.Source> sources = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            TutorialSnippet snippet = snippets.get(i);
            String text = snippet.isSourceFile() ? String.join("\n", snippet.lines()) : wrapped(snippet, className(i));
            String type = snippet.isSourceFile() ? snippet.typeName() : className(i);
            sources.add(new SnippetCompiler.Source(type, text, snippet.firstLine()));
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        generated = Files.createDirectories(work.resolve("generated"));
        compiled = SnippetCompiler.compile(sources, classes, generated, List.of(new DifferentiableProcessor()));
    }

    @Test
    void theTutorialHasCodeThatPrintsWhatItPromises() {
        assertTrue(snippets.size() >= 8, "blocks found: " + snippets.size());
        assertTrue(snippets.stream().filter(s -> !s.isSourceFile()).allMatch(s -> !s.promisedOutput().isEmpty()),
                "every statement block shows what it prints");
    }

    @TestFactory
    Stream<DynamicTest> everyStatementBlockRunsAndPrintsWhatItPromises() {
        return IntStream.range(0, snippets.size())
                .filter(i -> !snippets.get(i).isSourceFile())
                .mapToObj(i -> DynamicTest.dynamicTest(
                        snippets.get(i).heading() + " (tutorial.md line " + snippets.get(i).firstLine() + ")",
                        () -> runAndCheck(snippets.get(i), className(i))));
    }

    /** Excerpts of generated code (fenced {@code ```java generated}) must be what the processor wrote. */
    @Test
    void excerptsOfGeneratedCodeAreWhatTheProcessorWrites() throws IOException {
        List<TutorialSnippet> excerpts = TutorialSnippet.parse(markdown, "java generated");
        assertTrue(!excerpts.isEmpty(), "the tutorial shows generated code");
        List<List<String>> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(generated)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.add(normalized(Files.readAllLines(file)));
            }
        }
        for (TutorialSnippet excerpt : excerpts) {
            List<String> wanted = normalized(excerpt.lines());
            assertTrue(files.stream().anyMatch(file -> Collections.indexOfSubList(file, wanted) >= 0),
                    "the excerpt at tutorial.md line " + excerpt.firstLine() + " is not in any generated file under "
                            + generated);
        }
    }

    /** The lines stripped of indentation, blank lines dropped: formatting may change, code may not. */
    private static List<String> normalized(List<String> lines) {
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static void runAndCheck(TutorialSnippet snippet, String className) throws Exception {
        List<String> printed = run(className);
        List<String> promised = snippet.promisedOutput();
        String where = "block at tutorial.md line " + snippet.firstLine();
        assertEquals(promised.size(), printed.size(), where + " promised " + promised + " but printed " + printed);
        for (int k = 0; k < promised.size(); k++) {
            assertTrue(TutorialSnippet.keeps(promised.get(k), printed.get(k)),
                    where + ": promised \"" + promised.get(k) + "\", printed \"" + printed.get(k) + "\"");
        }
    }

    /** Runs the block's class with System.out captured; returns the lines it printed. */
    private static List<String> run(String className) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            compiled.loadClass(className).getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the block of " + className + " threw " + e.getCause(), e.getCause());
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * The block as a class whose {@code run()} holds its statements. The class header shares a
     * line with the first statement, so that line numbers in compiler messages are the block's own.
     */
    private static String wrapped(TutorialSnippet snippet, String className) {
        List<String> lines = new ArrayList<>(snippet.lines());
        int first = snippet.importCount();
        if (first == lines.size()) {
            lines.add("");
        }
        lines.set(first, "public final class " + className + " { public static void run() throws Exception { "
                + lines.get(first));
        lines.add("} }");
        return String.join("\n", lines);
    }

    private static String className(int index) {
        return String.format("TutorialBlock%02d", index + 1);
    }

    /** docs/tutorial.md, found from the working directory (the module's folder under Maven) upward. */
    private static Path tutorial() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("tutorial.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/tutorial.md not found above " + Path.of("").toAbsolutePath());
    }
}
