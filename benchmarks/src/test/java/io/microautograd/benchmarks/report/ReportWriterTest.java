package io.microautograd.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path folder;

    @Test
    void writesTableRatiosTargetsAndChart() throws Exception {
        Results results = new Results(List.of(
                new Measurement("Rosenbrock 1000", "primal", 1.0, 0.1, "us/op"),
                new Measurement("Rosenbrock 1000", "compiled", 2.5, 0.1, "us/op"),
                new Measurement("Rosenbrock 1000", "valueEngine", 400.0, 10, "us/op"),
                new Measurement("Rosenbrock 1000", "finiteDifferences", 2000.0, 50, "us/op"),
                new Measurement("Gmm 10k", "primal", 100.0, 1, "us/op"),
                new Measurement("Gmm 10k", "compiled", 450.0, 5, "us/op"),
                new Measurement("Gmm 10k", "valueEngine", 30000.0, 100, "us/op"),
                new Measurement("Gmm 10k", "finiteDifferences", 6000.0, 100, "us/op"),
                new Measurement("Moons", "primal", 10.0, 1, "us/op"),
                new Measurement("Moons", "valueEngine", 900.0, 1, "us/op"),
                new Measurement("MoonsTrainingStep", "primal", 20.0, 1, "us/op"),
                new Measurement("MoonsTrainingStep", "compiled", 60.0, 1, "us/op"),
                new Measurement("MoonsTrainingStep", "valueEngine", 2400.0, 10, "us/op"),
                new Measurement("MoonsTrainingStep", "handWritten", 40.0, 1, "us/op"),
                new Measurement("MoonsTrainingStep", "handWrittenBatched", 15.0, 1, "us/op"),
                new Measurement("ValueEngine", "nodesPerSecond", 4e6, 1e5, "ops/s"),
                new Measurement("ProcessorCompile", "withoutProcessor", 300, 10, "ms/op"),
                new Measurement("ProcessorCompile", "withProcessor", 1200, 50, "ms/op"),
                new Measurement("ProcessorCompile", "withProcessorAndTwins", 1500, 50, "ms/op"),
                new Measurement("AliasCheck 8", "separateArrays", 20.0, 1, "ns/op"),
                new Measurement("AliasCheck 8", "oneArrayTwice", 21.0, 1, "ns/op"),
                new Measurement("AliasCheck 8", "withoutChecks", 19.0, 1, "ns/op")), 72.0);

        Path markdown = ReportWriter.write(results, "benchmarks/run", "quick", folder);

        String text = Files.readString(markdown);
        assertTrue(text.contains("| Rosenbrock 1000 | 1.000 ± 0.10 us/op | 2.500 ± 0.10 us/op"), text);
        assertTrue(text.contains("| 2.50 | 160 | 2.00e+03 |"), "ratios of Rosenbrock: " + text);
        assertTrue(text.contains("| Moons | 10.00 ± 1.0 us/op | not measured |"), text);
        assertTrue(text.contains("| compiled / primal <= 3.0 | Gmm 10k | 4.50 | **no** |"), text);
        assertTrue(text.contains("| compiled / primal <= 3.0 | Rosenbrock 1000 | 2.50 | yes |"), text);
        assertTrue(text.contains("| Value / compiled >= 100.0 | Gmm 10k | 66.7 | **no** |"), text);
        assertTrue(text.contains("| Value / compiled >= 100.0 | Rosenbrock 1000 | 160 | yes |"), text);
        assertTrue(text.contains("| Value / compiled >= 50.0 | MoonsTrainingStep | 40.0 | **no** |"), text);
        assertFalse(text.contains("| Value / compiled >= 100.0 | MoonsTrainingStep |"),
                "the moons step has only issue 7's target: " + text);
        assertEquals(List.of(
                "| MoonsTrainingStep | sample by sample, as a person would | 40.00 ± 1.0 us/op | 1.50 | 60.0 |",
                "| MoonsTrainingStep | whole batch, loops laid out for the CPU | 15.00 ± 1.0 us/op | 4.00 | 160 |"),
                tableRows(text, "## Gradients written by hand"),
                "a row per hand-written gradient, for the one workload that has them");
        assertTrue(text.contains("72.0 bytes per node"), text);
        assertTrue(text.contains("4.00e+06 nodes per second"), text);
        assertTrue(text.contains("300.0 ± 10 ms/op without the processor, 1200 ± 50 ms/op with it"), text);
        assertTrue(text.contains("4.00x; 1500 ± 50 ms/op with the engine on the class path too, where it also writes"
                + " each method's `Value` twin: 5.00x."), text);
        assertTrue(!text.contains("| ProcessorCompile |"), "compile time is no gradient workload: " + text);
        assertEquals(List.of("| AliasCheck 8 | 20.00 ± 1.0 ns/op | 21.00 ± 1.0 ns/op | 19.00 ± 1.0 ns/op | 1.05 | 1.05 |"),
                tableRows(text, "## Arrays passed for two parameters"), "the alias checks' row, out of the main table");

        BufferedImage chart = ImageIO.read(folder.resolve("benchmark-ratios.png").toFile());
        assertNotNull(chart, "the chart is a PNG");
        assertTrue(chart.getWidth() == 1000 && chart.getHeight() == 560);
    }

    /** A run filtered to methods without the primal (as `--include` allows) has no chart to draw. */
    @Test
    void aRunWithoutPrimalsWritesTheTablesWithoutAChart() throws Exception {
        Results results = new Results(List.of(
                new Measurement("MoonsTrainingStep", "compiled", 40.0, 1, "us/op"),
                new Measurement("MoonsTrainingStep", "valueEngine", 2400.0, 10, "us/op")), 0);

        String text = Files.readString(ReportWriter.write(results, "benchmarks/run", "full", folder));

        assertTrue(text.contains("| Value / compiled >= 50.0 | MoonsTrainingStep | 60.0 | yes |"), text);
        assertFalse(text.contains("benchmark-ratios.png"), text);
        assertFalse(Files.exists(folder.resolve("benchmark-ratios.png")));
    }

    /**
     * The library's 784-128-10 step against PyTorch's, with and without the Vector API, and the
     * note when PyTorch is absent.
     */
    @Test
    void theLibrarysMlpStepIsComparedWithPyTorchsInTheSameRun() throws Exception {
        Results measured = new Results(List.of(
                new Measurement("MlpTrainingStep", "library", 1500.0, 20, "us/op"),
                new Measurement("MlpTrainingStep", "libraryPlainLoops", 3000.0, 40, "us/op"),
                new Measurement("MlpTrainingStep", "pytorchFloat64", 1200.0, 30, "us/op"),
                new Measurement("MlpTrainingStep", "pytorchFloat32", 600.0, 10, "us/op")), 0);

        String text = Files.readString(ReportWriter.write(measured, "benchmarks/run", "quick", folder));

        assertEquals(List.of("| 1500 ± 20 us/op | 1200 ± 30 us/op | 600.0 ± 10 us/op | 1.25 | 2.50 |"),
                tableRows(text, "## Against PyTorch"));
        assertTrue(text.contains("| library / PyTorch float64 <= 1.0 | MlpTrainingStep | 1.25 | **no** |"), text);
        assertTrue(text.contains("Without the Vector API (`libraryPlainLoops`, the generated kernel's loops): 3000 ± 40"
                + " us/op, 2.50 times PyTorch's float64 step."), text);

        Results absent = new Results(List.of(new Measurement("MlpTrainingStep", "library", 1500.0, 20, "us/op")), 0);
        String withoutPyTorch = Files.readString(ReportWriter.write(absent, "benchmarks/run", "quick", folder));
        assertTrue(withoutPyTorch.contains("PyTorch was not measured: it is absent"), withoutPyTorch);
        assertFalse(withoutPyTorch.contains("library / PyTorch float64 <="), withoutPyTorch);
    }

    /** The data rows of the table under {@code heading}, up to the next heading. */
    private static List<String> tableRows(String text, String heading) {
        int start = text.indexOf(heading);
        assertTrue(start >= 0, "no section " + heading + ": " + text);
        int end = text.indexOf("\n## ", start + heading.length());
        String section = text.substring(start, end < 0 ? text.length() : end);
        return section.lines()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| workload ")
                        && !line.startsWith("| library, ") && !line.startsWith("|---"))
                .collect(Collectors.toList());
    }
}
