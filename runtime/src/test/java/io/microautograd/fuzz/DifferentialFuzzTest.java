package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.fuzz.PointCheck.Verdict;
import io.microautograd.fuzz.Program.Method;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The differential fuzzer: random programs in the compiler's subset, compiled with the processor
 * and checked against the {@code Value} engine and finite differences.
 *
 * <p>The default run checks {@code fuzz.programs} (300) programs of each mode in
 * {@code fuzz.modes} (scalar and arrays) from {@code fuzz.seed}, compiled {@code fuzz.batch}
 * (50) to a class; a long campaign of part-2 programs is {@code mvn -pl runtime -am verify
 * -Dtest=DifferentialFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.programs=100000
 * -Dfuzz.batch=250 -Dfuzz.modes=arrays}.
 */
class DifferentialFuzzTest {

    @Test
    void compiledGradientsAgreeWithTheValueEngineAndFiniteDifferences() {
        long seed = Long.getLong("fuzz.seed", 20261126L);
        int programs = Integer.getInteger("fuzz.programs", 300);
        int batch = Integer.getInteger("fuzz.batch", 50);
        StringBuilder report = new StringBuilder();
        for (String name : System.getProperty("fuzz.modes", "scalar,arrays").split(",")) {
            DifferentialFuzzer.Mode mode = DifferentialFuzzer.Mode.valueOf(name.trim().toUpperCase(Locale.ROOT));
            long start = System.nanoTime();
            DifferentialFuzzer.Counts counts = DifferentialFuzzer.run(mode, seed, programs, batch);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("fuzz %s seed %d: %s; %.1f s, %.1f programs per second%n",
                    name.trim(), seed, counts, seconds, counts.programs / seconds);
            for (DifferentialFuzzer.Finding finding : counts.findings) {
                report.append(finding.detail()).append('\n').append(finding.regressionTest()).append('\n');
            }
            assertEquals(programs, counts.programs);
            assertTrue(counts.agreed > counts.points / 2,
                    "most points must be checked, not skipped as ill-conditioned: " + mode + " " + counts);
        }
        assertTrue(report.length() == 0, report.toString());
    }

    @Test
    void theCheckCatchesAWrongGradient() {
        Method method = new ProgramGenerator(7).method("f");
        double[] point = new double[method.parameters().size()];
        java.util.Arrays.fill(point, 0.3);
        PointCheck.Outcome outcome = PointCheck.check(method, point,
                x -> io.microautograd.fuzz.ValueInterpreter.run(method, io.microautograd.engine.Value.of(x)).data(),
                (x, gradient) -> {
                    io.microautograd.engine.Value[] leaves = io.microautograd.engine.Value.of(x);
                    io.microautograd.engine.Value root = ValueInterpreter.run(method, leaves);
                    root.backward();
                    for (int i = 0; i < x.length; i++) {
                        gradient[i] += leaves[i].grad() * 1.001 + 1e-3;
                    }
                    return root.data();
                });
        assertEquals(Verdict.DISAGREE, outcome.verdict(), outcome.detail());
    }

    @Test
    void shrinkingOffersOnlySmallerPrograms() {
        Method method = new ProgramGenerator(11).method("f");
        String printed = JavaPrinter.method(method, "");
        for (Method candidate : Shrinker.candidates(method)) {
            assertTrue(JavaPrinter.method(candidate, "").length() < printed.length(),
                    "not smaller:\n" + JavaPrinter.method(candidate, ""));
        }
    }
}
