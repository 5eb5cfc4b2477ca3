package io.microautograd.benchmarks.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RUN_EVAL's printed lines in, docs/gradbench.md and its charts out. */
class GradBenchReportTest {

    @TempDir
    Path folder;

    private Path write(String name, String... lines) throws Exception {
        Path file = folder.resolve(name);
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void readsEvaluationsAndSkipsOtherLines() throws Exception {
        Path file = write("hello.manual.txt",
                "square                                           0.001 ms  valid",
                "double                                           0.002 ms  INVALID: expected 2",
                "square                                           0.003 ms  valid",
                "relay: 3 evaluations, 0 failed, 1 invalid, 4.6 s");

        assertEquals(List.of(new EvalRun("square", "#1", 0.001, true), new EvalRun("double", "#1", 0.002, false),
                new EvalRun("square", "#2", 0.003, true)), EvalRun.read(file));
        assertEquals(List.of(new EvalRun("gradient", "n=2500", 12.5, true)), EvalRun.read(write("lse.x.txt",
                "define lse: not supported (no)", "gradient     n=2500                              12.500 ms  valid")));
    }

    @Test
    void writesTablesRatiosTargetsAndCharts() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        Files.write(logs.resolve("lse.microautograd.txt"), List.of(
                "primal       n=10                                 1.000 ms  valid",
                "gradient     n=10                                 3.000 ms  valid",
                "primal       n=20                                 2.000 ms  valid",
                "gradient     n=20                                 9.000 ms  valid"));
        Files.write(logs.resolve("lse.manual.txt"), List.of(
                "primal       n=10                                 0.500 ms  valid",
                "gradient     n=10                                 0.750 ms  valid",
                "primal       n=20                                 1.000 ms  valid",
                "gradient     n=20                                 3.000 ms  valid"));
        Files.write(logs.resolve("lse.pytorch.txt"), List.of(
                "primal       n=10                                 2.000 ms  valid",
                "gradient     n=10                                 2.000 ms  valid",
                "primal       n=20                                 4.000 ms  valid",
                "gradient     n=20                                18.000 ms  valid"));
        Files.write(logs.resolve("ode.microautograd.txt"), List.of(
                "gradient     n=10,s=1                             1.000 ms  valid"));
        Path docs = folder.resolve("docs");

        String page = Files.readString(GradBenchReport.write(logs, docs, "benchmarks/gradbench DIR lse"));

        assertTrue(page.contains("| function | input | MicroAutograd | manual (C++ by hand) | PyTorch"
                + " | ours / manual | ours / pytorch |"), page);
        assertTrue(page.contains("| gradient | n=20 | 9.00 ms | 3.00 ms | 18.0 ms | 3.00 | 0.500 |"), page);
        assertTrue(page.contains("| lse gradient | ours / manual <= 2.00 | n=20 | 3.00 | **no** | 2 of 2"
                + " | 4.00 at n=10 |"), page);
        assertTrue(page.contains("| lse gradient | ours / pytorch <= 1.00 | n=20 | 0.500 | yes | 1 of 2"
                + " | 1.50 at n=10 |"), page);
        assertTrue(page.contains("![lse gradient times](gradbench-lse.png)"), page);
        assertFalse(page.contains("## gmm"), page);
        assertTrue(page.contains("## ode\n\n`manual` computes ode's gradient from the closed-form solution"), page);
        assertTrue(page.contains("| gradient | n=10,s=1 | 1.00 ms |\n"), page);
        BufferedImage chart = ImageIO.read(docs.resolve("gradbench-lse.png").toFile());
        assertEquals(1000, chart.getWidth());
    }

    @Test
    void kmeansDirIsChartedAndTargetedAfterTheOtherEvals() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        Files.write(logs.resolve("kmeans.microautograd.txt"), List.of(
                "cost         k=10,n=1000,d=8                      0.100 ms  valid",
                "dir          k=10,n=1000,d=8                      0.300 ms  valid"));
        Files.write(logs.resolve("kmeans.manual.txt"), List.of(
                "cost         k=10,n=1000,d=8                      0.050 ms  valid",
                "dir          k=10,n=1000,d=8                      0.200 ms  valid"));
        Files.write(logs.resolve("ode.microautograd.txt"), List.of(
                "gradient     n=10,s=1                             1.000 ms  valid"));
        Path docs = folder.resolve("docs");

        String page = Files.readString(GradBenchReport.write(logs, docs, "benchmarks/gradbench DIR kmeans ode"));

        assertTrue(page.indexOf("## ode") < page.indexOf("## kmeans\n\n`manual` computes kmeans' Newton direction"),
                page);
        assertTrue(page.contains("![kmeans dir times](gradbench-kmeans.png)"), page);
        assertTrue(page.contains("| kmeans dir | ours / manual <= 2.00 | k=10,n=1000,d=8 | 1.50 | yes | 0 of 1"
                + " | 1.50 at k=10,n=1000,d=8 |"), page);
    }

    @Test
    void saddleComesAfterKmeansWithItsNoteAndOnlyOurTimes() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        Files.write(logs.resolve("saddle.microautograd.txt"), List.of(
                "rr           w=0                                 1.126 ms  valid",
                "ff           w=0                                 0.905 ms  valid"));
        Files.write(logs.resolve("kmeans.microautograd.txt"), List.of(
                "dir          k=10,n=1000,d=8                      0.300 ms  valid"));
        Path docs = folder.resolve("docs");

        String page = Files.readString(GradBenchReport.write(logs, docs, "benchmarks/gradbench DIR saddle kmeans"));

        assertTrue(page.indexOf("## kmeans") < page.indexOf("## saddle\n\nNeither `manual` nor GradBench's PyTorch"
                + " tool has saddle."), page);
        assertTrue(page.contains("| function | input | MicroAutograd |\n|---|---|---|\n| rr | w=0 | 1.13 ms |\n"
                + "| ff | w=0 | 0.905 ms |\n"), page);
        assertFalse(page.contains("gradbench-saddle.png"), page);
    }

    @Test
    void baJacobianIsChartedAndTargetedAfterKmeans() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        Files.write(logs.resolve("ba.microautograd.txt"), List.of(
                "objective    ba1_n49_m7776_p31843                 1.000 ms  valid",
                "jacobian     ba1_n49_m7776_p31843                 9.000 ms  valid"));
        Files.write(logs.resolve("ba.manual.txt"), List.of(
                "objective    ba1_n49_m7776_p31843                 1.000 ms  valid",
                "jacobian     ba1_n49_m7776_p31843                 6.000 ms  valid"));
        Files.write(logs.resolve("kmeans.microautograd.txt"), List.of(
                "dir          k=10,n=1000,d=8                      0.300 ms  valid"));
        Path docs = folder.resolve("docs");

        String page = Files.readString(GradBenchReport.write(logs, docs, "benchmarks/gradbench DIR ba kmeans"));

        assertTrue(page.indexOf("## kmeans") < page.indexOf("## ba\n\n`manual` computes each observation's"), page);
        assertTrue(page.contains("![ba jacobian times](gradbench-ba.png)"), page);
        assertTrue(page.contains("| ba jacobian | ours / manual <= 2.00 | ba1_n49_m7776_p31843 | 1.50 | yes | 0 of 1"
                + " | 1.50 at ba1_n49_m7776_p31843 |"), page);
    }

    @Test
    void aTargetAgainstAToolIsJudgedOnTheInputsThatToolAnswers() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        Files.write(logs.resolve("ba.microautograd.txt"), List.of(
                "jacobian     ba1_n49_m7776_p31843                 9.000 ms  valid",
                "jacobian     ba2_n21_m11315_p36455                20.000 ms  valid"));
        // PyTorch answers ba1 only (it crashes from ba3 on here).
        Files.write(logs.resolve("ba.pytorch.txt"), List.of(
                "jacobian     ba1_n49_m7776_p31843                 18.000 ms  valid"));
        Path docs = folder.resolve("docs");

        String page = Files.readString(GradBenchReport.write(logs, docs, "benchmarks/gradbench DIR ba"));

        assertTrue(page.contains("| ba jacobian | ours / pytorch <= 1.00 | ba1_n49_m7776_p31843 | 0.500 | yes | 0 of 1"
                + " | 0.500 at ba1_n49_m7776_p31843 |"), page);
    }

    @Test
    void aToolStoppedByTheTimeLimitIsSaidInItsEvalsSectionAndOdeIsTargeted() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        Files.write(logs.resolve("ht.microautograd.txt"), List.of(
                "jacobian     hand1_t26_c100                       90.000 ms  valid",
                "jacobian     hand2_t26_c192                       60.000 ms  valid"));
        Files.write(logs.resolve("ht.pytorch.txt"), List.of(
                "jacobian     hand1_t26_c100                     5500.000 ms  valid",
                "stopped after 1200 s"));
        Files.write(logs.resolve("ode.microautograd.txt"), List.of(
                "gradient     n=1000,s=100                         2.000 ms  valid"));
        Files.write(logs.resolve("ode.manual.txt"), List.of(
                "gradient     n=1000,s=100                         0.010 ms  valid"));
        Path docs = folder.resolve("docs");

        String page = Files.readString(GradBenchReport.write(logs, docs, "benchmarks/gradbench DIR ht ode"));

        assertTrue(page.contains("PyTorch's run was stopped after 1200 s (the runner's TIME_LIMIT): the inputs after"
                + " its last time have none.\n\n| function |"), page);
        assertTrue(page.contains("| hand2_t26_c192 | 60.0 ms | – |"), page);
        assertTrue(page.contains("| ode gradient | ours / manual <= 2.00 | n=1000,s=100 | 200 | **no** | 1 of 1"), page);
        assertFalse(page.contains("manual's run was stopped"), page);
    }
}
