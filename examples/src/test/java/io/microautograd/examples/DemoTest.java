package io.microautograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's command line: listing, choosing examples, the output folder and bad input. */
class DemoTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path folder;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private int run(String... args) {
        return Demo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listNamesEveryExampleWithItsDescription() {
        assertEquals(0, run("--list"));
        for (Example example : Examples.all()) {
            assertTrue(printed().contains(example.name()), printed());
            assertTrue(printed().contains(example.description()), printed());
        }
        assertEquals("", errors());
    }

    @Test
    void theEngineExamplePrintsTheSeedsLines() {
        assertEquals(0, run("engine", "--out", folder.toString()));
        List<String> lines = printed().lines().toList();
        int first = lines.indexOf("z = x*y + x at x = 2, y = 3");
        assertTrue(first >= 0, printed());
        assertEquals(List.of("z = 8.0", "dz/dx = 4.0", "dz/dy = 2.0"), lines.subList(first + 1, first + 4));
    }

    @Test
    void picturesGoToTheChosenFolderAndTheirAbsolutePathsArePrinted() throws IOException {
        Path chosen = folder.resolve("nested").resolve("pictures");
        assertEquals(0, run("--out", chosen.toString(), "rosenbrock"));
        List<Path> pictures = printed().lines().filter(line -> line.startsWith("picture: "))
                .map(line -> Path.of(line.substring("picture: ".length()))).sorted().toList();
        assertEquals(2, pictures.size(), printed());
        for (Path picture : pictures) {
            assertEquals(chosen.toAbsolutePath(), picture.getParent());
            Pictures.assertDrawnPng(picture);
        }
        try (var files = Files.list(chosen)) {
            assertEquals(pictures, files.sorted().toList());
        }
    }

    @Test
    void withoutNamesTheTourRunsInOrderAndEveryPictureItDrewIsPrinted() throws IOException {
        assertEquals(0, run("--out", folder.toString()));
        List<String> headers = printed().lines().filter(line -> line.startsWith("== "))
                .map(line -> line.substring(3, line.indexOf(':'))).toList();
        assertEquals(Examples.tour().stream().map(Example::name).toList(), headers);
        List<Path> printedPictures = printed().lines().filter(line -> line.startsWith("picture: "))
                .map(line -> Path.of(line.substring("picture: ".length()))).sorted().toList();
        try (var files = Files.list(folder)) {
            assertEquals(files.map(Path::toAbsolutePath).sorted().toList(), printedPictures);
        }
        assertTrue(printedPictures.size() >= 3, printedPictures.toString());
        for (Path picture : printedPictures) {
            Pictures.assertDrawnPng(picture);
        }
    }

    @Test
    void aFailingExampleStopsTheRunWithStatus1AndItsNameAndCause() {
        Example failing = new Example() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String description() {
                return "throws";
            }

            @Override
            public ExampleResult run(ExampleContext context) {
                throw new IllegalStateException("no data");
            }
        };
        List<Example> examples = List.of(Examples.named("engine").orElseThrow(), failing,
                Examples.named("rosenbrock").orElseThrow());
        ExampleContext context = new ExampleContext(folder, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals(1, Demo.runAll(examples, context, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(errors().contains("example broken failed: java.lang.IllegalStateException: no data"), errors());
        assertTrue(printed().contains("z = 8.0"), "examples before it ran");
        assertTrue(!printed().contains("== rosenbrock"), "examples after it did not run");
    }

    @Test
    void anUnknownExampleIsAnErrorThatNamesTheKnownOnes() {
        assertEquals(2, run("mnist"));
        assertTrue(errors().contains("unknown example \"mnist\""), errors());
        for (Example example : Examples.all()) {
            assertTrue(errors().contains(example.name()), errors());
        }
        assertEquals("", printed(), "nothing runs");
    }

    @Test
    void outWithoutAFolderAndUnknownOptionsAreErrors() {
        assertEquals(2, run("--out"));
        assertTrue(errors().contains("--out needs a folder"), errors());
        assertEquals(2, run("--verbose"));
        assertTrue(errors().contains("unknown option --verbose"), errors());
    }

    @Test
    void helpShowsTheUsageAndTheDefaultFolder() {
        assertEquals(0, run("--help"));
        assertTrue(printed().startsWith("usage: Demo"), printed());
        assertTrue(printed().contains(Demo.DEFAULT_OUTPUT.toString()), printed());
    }
}
