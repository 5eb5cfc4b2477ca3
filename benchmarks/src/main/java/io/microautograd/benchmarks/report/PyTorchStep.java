package io.microautograd.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's time per training step of {@code MlpTrainingStepBenchmark}'s network, the yardstick
 * of the library's compiled MLP, measured by {@code benchmarks/pytorch_mlp_step.py} in the same
 * run as the JMH benchmarks (one thread, float64 and float32). The interpreter is the system
 * property {@code pytorch.python}, by default Debian's {@code /usr/bin/python3} where it exists,
 * whose {@code python3-torch} links OpenBLAS.
 */
public final class PyTorchStep {

    /** The workload of the measurements, the row of {@code MlpTrainingStepBenchmark}. */
    public static final String WORKLOAD = "MlpTrainingStep";
    /** The method names of PyTorch's float64 and float32 steps. */
    public static final String FLOAT64 = "pytorchFloat64";
    public static final String FLOAT32 = "pytorchFloat32";

    private static final Path SCRIPT = Path.of("benchmarks", "pytorch_mlp_step.py");
    /** The script's exit status when PyTorch is absent. */
    private static final int ABSENT = 3;

    private PyTorchStep() {
    }

    /**
     * PyTorch's float64 and float32 steps in microseconds (median of the script's repeats, error
     * half their range), or nothing, with the reason printed, when PyTorch or the script is absent.
     */
    public static List<Measurement> measure() throws IOException, InterruptedException {
        if (!Files.isRegularFile(SCRIPT)) {
            System.out.println("PyTorch not measured: no " + SCRIPT.toAbsolutePath() + " (run from the project's root)");
            return List.of();
        }
        String python = System.getProperty("pytorch.python",
                Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
        Process process = new ProcessBuilder(python, SCRIPT.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        System.out.print(output);
        if (status != 0) {
            System.out.println("PyTorch not measured: " + python + " " + SCRIPT + (status == ABSENT ? " found no torch"
                    : " exited with status " + status));
            return List.of();
        }
        List<Measurement> measurements = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length == 5 && fields[0].equals("pytorch")) {
                double median = Double.parseDouble(fields[2]) * 1e3;
                double halfRange = (Double.parseDouble(fields[4]) - Double.parseDouble(fields[3])) * 1e3 / 2;
                String method = fields[1].equals("float64") ? FLOAT64 : FLOAT32;
                measurements.add(new Measurement(WORKLOAD, method, median, halfRange, "us/op"));
            }
        }
        return measurements;
    }
}
