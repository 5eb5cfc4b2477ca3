package io.microautograd.benchmarks;

import io.microautograd.benchmarks.report.Measurement;
import io.microautograd.benchmarks.report.NodeMemory;
import io.microautograd.benchmarks.report.PyTorchStep;
import io.microautograd.benchmarks.report.ReportWriter;
import io.microautograd.benchmarks.report.Results;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of this module with JMH and writes {@code docs/benchmarks.md} with its
 * chart. The default is a quick run (one fork, short iterations: minutes on 2 cores);
 * {@code --full} runs three forks of longer iterations. {@code --include REGEX} narrows the run
 * to matching benchmarks; {@code --out DIR} writes elsewhere than {@code docs};
 * {@code --warmup SECONDS} warms each benchmark up for that many one-second iterations. A run that
 * measured the library's 784-128-10 step then times PyTorch's ({@link PyTorchStep}).
 *
 * <p>Both modes warm up for at least six seconds, because the report is about steady state and
 * the JIT takes seconds over the largest generated method, the MLP kernel's pullback: C2
 * compiles versions of it entered in the middle of a loop (on-stack replacement) before the one
 * calls enter, and until then a fork runs the step in profiling code, several times slower. The
 * compiled MLP's row kernel ({@code MlpTrainingStepBenchmark.library}) is larger still and needs
 * longer on a loaded machine: measure it with {@code --warmup 40}.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    /** Entry point of {@code benchmarks/run}. */
    public static void main(String[] args) throws Exception {
        boolean full = false;
        String include = "io\\.microautograd\\.benchmarks\\..*Benchmark\\..*";
        Path out = Path.of("docs");
        int warmup = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full" -> full = true;
                case "--include" -> include = requireValue(args, ++i, "--include");
                case "--out" -> out = Path.of(requireValue(args, ++i, "--out"));
                case "--warmup" -> warmup = Integer.parseInt(requireValue(args, ++i, "--warmup"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --full, --include REGEX, --out DIR, --warmup SECONDS");
            }
        }
        double bytesPerNode = NodeMemory.bytesPerNode();
        System.out.printf("Value engine: %.1f bytes per node%n", bytesPerNode);

        ChainedOptionsBuilder options = new OptionsBuilder().include(include).shouldFailOnError(true);
        if (full) {
            options.forks(3).warmupIterations(5).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(10).measurementTime(TimeValue.seconds(2));
        } else {
            options.forks(1).warmupIterations(6).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        if (warmup > 0) {
            options.warmupIterations(warmup).warmupTime(TimeValue.seconds(1));
        }
        Collection<RunResult> runs = new Runner(options.build()).run();
        List<Measurement> measurements = new ArrayList<>();
        for (RunResult run : runs) {
            measurements.add(measurement(run));
        }
        if (measurements.stream().anyMatch(m -> m.workload().equals(PyTorchStep.WORKLOAD)
                && m.method().equals("library"))) {
            measurements.addAll(PyTorchStep.measure());
        }
        Path report = ReportWriter.write(new Results(measurements, bytesPerNode),
                "benchmarks/run" + (full ? " --full" : ""), full ? "full" : "quick", out);
        System.out.println("Wrote " + report.toAbsolutePath());
    }

    private static Measurement measurement(RunResult run) {
        BenchmarkParams params = run.getParams();
        String name = params.getBenchmark();
        String method = name.substring(name.lastIndexOf('.') + 1);
        String className = name.substring(0, name.lastIndexOf('.'));
        StringBuilder workload = new StringBuilder(className.substring(className.lastIndexOf('.') + 1)
                .replace("Benchmark", ""));
        for (String key : params.getParamsKeys()) {
            workload.append(' ').append(params.getParam(key).replace(".txt", ""));
        }
        var statistics = run.getPrimaryResult().getStatistics();
        return new Measurement(workload.toString(), method, statistics.getPercentile(50),
                statistics.getMeanErrorAt(0.999), run.getPrimaryResult().getScoreUnit());
    }

    private static String requireValue(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
