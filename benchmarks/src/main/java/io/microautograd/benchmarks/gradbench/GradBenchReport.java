package io.microautograd.benchmarks.gradbench;

import io.microautograd.benchmarks.report.MachineDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes docs/gradbench.md from the outputs of {@code RUN_EVAL} that {@code benchmarks/gradbench}
 * saved, one file {@code EVAL.TOOL.txt} per eval and tool: a table per eval with each tool's time
 * at each input and our time over manual's and PyTorch's, a chart per eval of its derivative, and
 * the speed targets at each eval's largest input, with the inputs where they are missed.
 */
public final class GradBenchReport {

    /** Our tool's file name part, then the tools we compare with, in table order, with their titles. */
    static final Map<String, String> TOOLS;

    static {
        Map<String, String> tools = new LinkedHashMap<>();
        tools.put("microautograd", "MicroAutograd");
        tools.put("manual", "manual (C++ by hand)");
        tools.put("pytorch", "PyTorch");
        TOOLS = Collections.unmodifiableMap(tools);
    }

    /** The evals in report order. */
    static final List<String> EVALS = List.of("hello", "lse", "llsq", "gmm", "ode", "det", "kmeans", "ba", "ht",
            "lstm", "saddle", "particle");
    /** What a reader of an eval's table needs to know about the tools compared. */
    static final Map<String, String> NOTES = Map.of(
            "hello", "hello is no benchmark (its README says so): it shows that the protocol works.",
            "llsq", "GradBench's PyTorch tool has no llsq.",
            "ode", "`manual` computes ode's gradient from the closed-form solution (y_r / x_i), not"
                    + " through the Runge-Kutta steps of the primal, which ours differentiates; GradBench's"
                    + " PyTorch tool has no ode.",
            "det", "`manual` computes det's gradient as the cofactors, each the determinant of a minor by"
                    + " expansion by minors; ours differentiates the expansion of the primal in reverse mode."
                    + " GradBench's PyTorch tool has no det.",
            "kmeans", "`manual` computes kmeans' Newton direction in closed form, each centroid minus the mean"
                    + " of its points, with no derivative; ours is the gradient over the Hessian's diagonal, both"
                    + " from one generated Hessian-vector product along all ones.",
            "ba", "`manual` computes each observation's 2 x 15 Jacobian block from hand-written derivatives of the"
                    + " projection; ours from the generated `fJacobian`, one vector-Jacobian product per row."
                    + " GradBench's PyTorch tool crashes (a segmentation fault) from ba3 on, here.",
            "ht", "`manual` computes the hand residuals' Jacobian from hand-written derivatives of the skinning;"
                    + " ours is a generated Jacobian-vector product per column (28, each the whole skinning of the"
                    + " hand's vertices).",
            "lstm", "lstm reads its characters from the layout's `evals/lstm/data/lstm_full.txt`, which"
                    + " GradBench's snapshot lacks: the text here stands in for ADBench's (the README's GradBench"
                    + " section says which); every tool reads the same one, and `manual` checks each answer on it."
                    + " Ours is reverse mode through the loop over the characters.",
            "saddle", "Neither `manual` nor GradBench's PyTorch tool has saddle. Each function is the whole"
                    + " nested descent; its name gives the modes of the outer and the inner gradients (f forward,"
                    + " r reverse), all from generated code.",
            "particle", "Neither `manual` nor GradBench's PyTorch tool has particle. Each function is the whole"
                    + " descent on the control, through Euler steps driven by gradients; its name gives the modes of"
                    + " the outer and the inner gradients (f forward, r reverse), all from generated code.");
    /** The file of the outputs' folder where {@code benchmarks/gradbench} adds a line per run it makes. */
    static final String RUNS = "runs.txt";
    /** Evals with the targets: our derivative at most 2x manual's and at most PyTorch's. */
    static final Set<String> TARGETED = Set.of("gmm", "lse", "llsq", "kmeans", "ode", "ba");
    static final double MAX_OVER_MANUAL = 2;
    static final double MAX_OVER_PYTORCH = 1;
    /**
     * The functions that compute a derivative, which the charts and the targets are about
     * (hello's {@code double} is no benchmark: its README says its times mean nothing).
     */
    static final Set<String> DERIVATIVES = Set.of("gradient", "jacobian", "dir");

    private GradBenchReport() {
    }

    /** {@code GradBenchReport LOGS_DIR DOCS_DIR}: writes DOCS_DIR/gradbench.md and its charts. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GradBenchReport LOGS_DIR DOCS_DIR");
            System.exit(2);
        }
        Path page = write(Path.of(args[0]), Path.of(args[1]));
        System.out.println("wrote " + page.toAbsolutePath());
    }

    /**
     * Writes the page and charts into {@code docs} from the outputs in {@code logs}, and from its
     * {@value #RUNS} the runs that wrote them, a line each; returns the page.
     */
    static Path write(Path logs, Path docs) throws IOException {
        Files.createDirectories(docs);
        StringBuilder md = new StringBuilder();
        md.append("# GradBench\n\nGenerated by `benchmarks/gradbench` from the outputs of these runs:\n\n");
        for (String run : Files.readAllLines(logs.resolve(RUNS))) {
            md.append("- ").append(run).append('\n');
        }
        md.append("\nMachine: ").append(MachineDescription.describe()).append(".\n\n")
          .append("[GradBench](https://github.com/gradbench/gradbench)'s evals send each function an input")
          .append(" and check the answer against the hand-written C++ tool `manual`. Each time below is the")
          .append(" mean of a tool's `evaluate` timings for that input (at least one run and one second of")
          .append(" runs, GradBench's default), as the intermediary computes it. MicroAutograd's tool (module")
          .append(" `gradbench`) warms each function up untimed first; `manual` is built with `-O3")
          .append(" -march=native`, single-threaded; PyTorch is Debian's, on OpenBLAS with one thread.")
          .append(" Ratios compare times from the same run; the machine is shared, so single times are")
          .append(" noisy.\n\n");
        List<String> targets = new ArrayList<>();
        for (String eval : EVALS) {
            Map<String, List<EvalRun>> byTool = new LinkedHashMap<>();
            List<String> stops = new ArrayList<>();
            for (String tool : TOOLS.keySet()) {
                Path file = logs.resolve(eval + "." + tool + ".txt");
                List<EvalRun> runs = Files.exists(file) ? EvalRun.read(file) : List.of();
                // A tool that declines the eval (manual has no saddle) prints no evaluation: no column.
                if (!runs.isEmpty()) {
                    byTool.put(tool, runs);
                    stopped(file).ifPresent(line -> stops.add(TOOLS.get(tool) + "'s run was " + line
                            + " (the runner's TIME_LIMIT): the inputs after its last time have none."));
                }
            }
            if (byTool.containsKey("microautograd")) {
                section(eval, byTool, stops, docs, md, targets);
            }
        }
        if (!targets.isEmpty()) {
            md.append("## Targets\n\nOur derivative at each targeted eval's largest input: at most ")
              .append(fmt(MAX_OVER_MANUAL)).append("x manual's time and at most PyTorch's, on the inputs the other tool")
              .append(" answers. The last two columns say at how many of those inputs a target is missed, and the")
              .append(" worst ratio.\n\n")
              .append("| eval | target | largest input | measured | met | missed at | worst |\n")
              .append("|---|---|---|---|---|---|---|\n");
            targets.forEach(md::append);
        }
        Path page = docs.resolve("gradbench.md");
        Files.writeString(page, md.toString());
        return page;
    }

    /** The line {@code benchmarks/gradbench} adds to a tool's output when its TIME_LIMIT stopped it. */
    private static Optional<String> stopped(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith("stopped after ")).findFirst();
    }

    private static void section(String eval, Map<String, List<EvalRun>> byTool, List<String> stops, Path docs,
                                StringBuilder md, List<String> targets) throws IOException {
        List<EvalRun> ours = byTool.get("microautograd");
        md.append("## ").append(eval).append("\n\n");
        if (NOTES.containsKey(eval)) {
            md.append(NOTES.get(eval)).append("\n\n");
        }
        for (String stop : stops) {
            md.append(stop).append("\n\n");
        }
        md.append("| function | input");
        for (String tool : byTool.keySet()) {
            md.append(" | ").append(TOOLS.get(tool));
        }
        List<String> others = new ArrayList<>(byTool.keySet()).subList(1, byTool.size());
        for (String tool : others) {
            md.append(" | ours / ").append(tool);
        }
        md.append(" |\n|---|---");
        md.append("|---".repeat(byTool.size() + others.size())).append("|\n");
        Set<String> derivativeInputs = new LinkedHashSet<>();
        List<EvalRun> derivativeRuns = new ArrayList<>();
        String derivative = null;
        for (EvalRun run : ours) {
            md.append("| ").append(run.function()).append(" | ").append(run.input());
            for (String tool : byTool.keySet()) {
                md.append(" | ").append(lookup(byTool.get(tool), run.function(), run.input()).map(EvalRun::time)
                        .orElse("–"));
            }
            for (String tool : others) {
                md.append(" | ").append(ratio(run, byTool.get(tool)).map(GradBenchReport::fmt).orElse("–"));
            }
            md.append(" |\n");
            if (DERIVATIVES.contains(run.function())) {
                derivative = run.function();
                derivativeInputs.add(run.input());
                derivativeRuns.add(run);
            }
        }
        md.append('\n');
        if (derivative == null) {
            return;
        }
        String png = "gradbench-" + eval + ".png";
        if (TimesChart.write(eval, derivative, List.copyOf(derivativeInputs), byTool, docs.resolve(png))) {
            md.append("![").append(eval).append(' ').append(derivative).append(" times](").append(png).append(")\n\n");
        }
        if (TARGETED.contains(eval)) {
            target(targets, eval, derivativeRuns, "manual", MAX_OVER_MANUAL, byTool);
            target(targets, eval, derivativeRuns, "pytorch", MAX_OVER_PYTORCH, byTool);
        }
    }

    /**
     * Adds the row of our derivative's {@code runs}, by input size, against {@code tool}'s times on
     * the inputs {@code tool} answers (the "wherever PyTorch answers"): whether the largest
     * of them meets {@code limit}, at how many of them it is missed, and the worst ratio.
     */
    private static void target(List<String> targets, String eval, List<EvalRun> runs, String tool, double limit,
                               Map<String, List<EvalRun>> byTool) {
        if (!byTool.containsKey(tool)) {
            return;
        }
        List<EvalRun> theirs = byTool.get(tool);
        List<EvalRun> answered = runs.stream()
                .filter(run -> lookup(theirs, run.function(), run.input()).filter(EvalRun::timed).isPresent()).toList();
        if (answered.isEmpty()) {
            return;
        }
        EvalRun largest = answered.get(answered.size() - 1);
        long missed = answered.stream().filter(run -> !meets(run, theirs, limit)).count();
        String worst = answered.stream().filter(run -> ratio(run, theirs).isPresent())
                .max(Comparator.comparing(run -> ratio(run, theirs).orElseThrow()))
                .map(run -> fmt(ratio(run, theirs).orElseThrow()) + " at " + run.input()).orElse("–");
        targets.add("| " + eval + " " + largest.function() + " | ours / " + tool + " <= " + fmt(limit) + " | "
                + largest.input() + " | " + ratio(largest, theirs).map(GradBenchReport::fmt).orElse("–") + " | "
                + (meets(largest, theirs, limit) ? "yes" : "**no**") + " | " + missed + " of " + answered.size()
                + " | " + worst + " |\n");
    }

    /** Whether {@code ours} is valid and takes at most {@code limit} times the same run in {@code theirs}. */
    private static boolean meets(EvalRun ours, List<EvalRun> theirs, double limit) {
        Optional<Double> ratio = ratio(ours, theirs);
        return ours.valid() && ratio.isPresent() && ratio.get() <= limit;
    }

    /** The run of {@code function} on {@code input} in {@code runs}, if any. */
    static Optional<EvalRun> lookup(List<EvalRun> runs, String function, String input) {
        return runs.stream().filter(run -> run.function().equals(function) && run.input().equals(input)).findFirst();
    }

    /** Our time over theirs on the same function and input, where both have a time. */
    private static Optional<Double> ratio(EvalRun ours, List<EvalRun> theirs) {
        return lookup(theirs, ours.function(), ours.input()).filter(run -> run.timed() && ours.milliseconds() > 0)
                .map(run -> ours.milliseconds() / run.milliseconds());
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
