package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory in a JVM of its own, with a heap of 64 MB and nothing on its class path but the
 * compiled classes (generated code needs only the JDK): the projectile, an explicit Euler
 * integration with drag that tapes 4 doubles per step, run for 10,000,000 steps. Taped, its 320 MB
 * tape does not fit; checkpointed, it runs, gives the gradient it gives in this JVM, and holds less
 * than 8 MB once the call has returned. The bound on what a thread keeps comes from the system
 * property {@code microautograd.keptBytes}.
 */
class CheckpointMemoryTest {

    /** The projectile's method, with the checkpoints and the name given. */
    private static final String PROJECTILE = """
                @Differentiable(wrt = {"v0", "angle", "drag"}, checkpoints = %d)
                public static double %s(double v0, double angle, double drag, int steps) {
                    double dt = 10.0 / steps;
                    double x = 0;
                    double y = 0;
                    double vx = v0 * Math.cos(angle);
                    double vy = v0 * Math.sin(angle);
                    for (int i = 0; i < steps; i++) {
                        double speed = Math.sqrt(vx * vx + vy * vy);
                        double ax = -drag * speed * vx;
                        double ay = -9.81 - drag * speed * vy;
                        x += dt * vx;
                        y += dt * vy;
                        vx += dt * ax;
                        vy += dt * ay;
                    }
                    return x + y;
                }
            """;

    private static final String SOURCE = """
            package p;

            import io.microautograd.Differentiable;
            import java.lang.management.ManagementFactory;
            import java.lang.reflect.Field;

            public final class Projectile {
            %s
            %s
                /**
                 * Runs "range" or "taped" for the given steps and prints the value and the partials as
                 * bits, the heap the call left in use (after collections, against before it), and the
                 * length of the double tape the thread kept (-1 for none).
                 */
                public static void main(String[] args) throws ReflectiveOperationException {
                    boolean checkpointed = args[0].equals("range");
                    int steps = Integer.parseInt(args[1]);
                    call(checkpointed, 10, new double[3]);
                    long before = heapInUse();
                    double[] gradient = new double[3];
                    double value = call(checkpointed, steps, gradient);
                    long held = heapInUse() - before;
                    Field field = ProjectileGrad.class.getDeclaredField(checkpointed ? "rangeDoubleTape" : "tapedDoubleTape");
                    field.setAccessible(true);
                    double[] kept = (double[]) ((ThreadLocal<?>) field.get(null)).get();
                    System.out.println(Double.doubleToRawLongBits(value) + " " + Double.doubleToRawLongBits(gradient[0])
                            + " " + Double.doubleToRawLongBits(gradient[1]) + " " + Double.doubleToRawLongBits(gradient[2])
                            + " " + held + " " + (kept == null ? -1 : kept.length));
                }

                private static double call(boolean checkpointed, int steps, double[] gradient) {
                    return checkpointed ? ProjectileGrad.range(40.0, 0.9, 0.01, steps, gradient)
                            : ProjectileGrad.taped(40.0, 0.9, 0.01, steps, gradient);
                }

                private static long heapInUse() {
                    System.gc();
                    System.gc();
                    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                }
            }
            """.formatted(PROJECTILE.formatted(64, "range"), PROJECTILE.formatted(0, "taped"));

    @TempDir
    static Path classes;
    private static GeneratedCode code;

    @BeforeAll
    static void compile() {
        code = GeneratedCode.compile("p.Projectile", SOURCE);
        code.writeClasses(classes);
    }

    @Test
    void tenMillionCheckpointedStepsRunIn64MegabytesAndHoldLittleOnceTheCallReturns() throws Exception {
        Run run = run("-Xmx64m", "range", 10_000_000);
        assertEquals(0, run.exit(), run.errors());
        String[] printed = run.output().strip().split(" ");
        double[] gradient = new double[3];
        double value = (double) code.call("p.ProjectileGrad", "range", 40.0, 0.9, 0.01, 10_000_000, gradient);
        String expected = Double.doubleToRawLongBits(value) + " " + Double.doubleToRawLongBits(gradient[0]) + " "
                + Double.doubleToRawLongBits(gradient[1]) + " " + Double.doubleToRawLongBits(gradient[2]);
        assertEquals(expected, String.join(" ", List.of(printed).subList(0, 4)),
                "the value and gradient this JVM computes, bit for bit");
        long held = Long.parseLong(printed[4]);
        assertTrue(held < 8_000_000, "held after the call: " + held + " bytes");
        assertTrue(Long.parseLong(printed[5]) > 0, "the thread keeps its tape of one segment, which is small");
    }

    @Test
    void tenMillionTapedStepsDoNotFitIn64Megabytes() throws Exception {
        Run run = run("-Xmx64m", "taped", 10_000_000);
        assertTrue(run.exit() != 0 && run.errors().contains("OutOfMemoryError"), run.output() + run.errors());
    }

    /**
     * 100,000 taped steps make a tape of 3.2 MB: let go by default, so that the thread keeps the
     * tape of 40 entries of its first call, of 10 steps; kept when the property allows 4 MB.
     */
    @Test
    void theBoundOnWhatAThreadKeepsComesFromASystemProperty() throws Exception {
        Run byDefault = run("-Xmx256m", "taped", 100_000);
        assertEquals(0, byDefault.exit(), byDefault.errors());
        assertEquals(40, Integer.parseInt(byDefault.output().strip().split(" ")[5]), "the large tape is let go");
        Run raised = run("-Dmicroautograd.keptBytes=4000000", "taped", 100_000);
        assertEquals(0, raised.exit(), raised.errors());
        assertEquals(400_000, Integer.parseInt(raised.output().strip().split(" ")[5]), "the tape is kept");
    }

    private record Run(int exit, String output, String errors) {
    }

    private static Run run(String option, String method, int steps) throws IOException, InterruptedException {
        Path out = Files.createTempFile(classes, "out", ".txt");
        Path err = Files.createTempFile(classes, "err", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), option, "-cp", classes.toString(), "p.Projectile", method, Integer.toString(steps)));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the run took over 2 minutes");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
