package io.microautograd.fuzz;

import io.microautograd.fuzz.DifferentialFuzzer.Compilation;
import io.microautograd.fuzz.DifferentialFuzzer.Counts;
import io.microautograd.fuzz.DifferentialFuzzer.Finding;
import io.microautograd.fuzz.DifferentialFuzzer.Loaded;
import io.microautograd.fuzz.PointCheck.Outcome;
import io.microautograd.fuzz.PointCheck.Verdict;
import io.microautograd.fuzz.Program.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code checkpoints} mode: the array programs with every {@code @Differentiable} method, helpers
 * included, asking for checkpoints, with a budget of 1, 2, 3 or 64 snapshots in turn, so that loops
 * of a few iterations already run as several segments from several snapshots, or from one. Each batch
 * is compiled so and taped ({@code checkpoints = 0}); at each point the checkpointed gradient must
 * agree with the {@code Value} engine and finite differences, and be the taped value and gradient
 * bit for bit. Loops the processor cannot checkpoint are taped in both, with a note.
 */
final class CheckpointedRuns {

    private static final Pattern ANNOTATION = Pattern.compile("@Differentiable\n");
    private static final int[] BUDGETS = {1, 2, 3, 64};
    /** The comment the processor writes over the forward sweep of each loop it checkpoints. */
    private static final String CHECKPOINTED = "// Checkpointed: ";

    private CheckpointedRuns() {
    }

    /** Checks a batch of programs compiled checkpointed and taped. */
    static void checkBatch(List<Method> batch, String className, Random points, Counts counts) {
        Builds builds = Builds.compile(className, batch);
        if (builds.checkpointed().loaded() == null || builds.taped().loaded() == null) {
            for (Method method : batch) {
                Builds alone = Builds.compile(className + method.name(), List.of(method));
                if (alone.checkpointed().loaded() == null || alone.taped().loaded() == null) {
                    counts.programs++;
                    counts.rejectedByProcessor++;
                    counts.findings.add(new Finding(method, new double[0], "processor rejected a program in the"
                            + " subset:\n" + alone.checkpointed().errors() + alone.taped().errors()));
                } else {
                    alone.count(counts);
                    DifferentialFuzzer.checkProgram(method, alone::check, points, counts, CheckpointedRuns::recheck);
                }
            }
            return;
        }
        builds.count(counts);
        for (Method method : batch) {
            DifferentialFuzzer.checkProgram(method, builds::check, points, counts, CheckpointedRuns::recheck);
        }
    }

    private static Outcome recheck(Method candidate, double[] point) {
        Builds builds = Builds.compile("Shrink", List.of(candidate));
        if (builds.checkpointed().loaded() == null || builds.taped().loaded() == null) {
            return new Outcome(Verdict.ILL_CONDITIONED, "does not compile");
        }
        try {
            return builds.check(candidate, point);
        } catch (RuntimeException e) {
            return new Outcome(Verdict.ILL_CONDITIONED, e.toString());
        }
    }

    /** A batch compiled with checkpoints and taped. */
    private record Builds(Compilation checkpointed, Compilation taped) {

        static Builds compile(String className, List<Method> methods) {
            String source = JavaPrinter.compilationUnit(DifferentialFuzzer.PACKAGE, className, methods);
            Matcher annotations = ANNOTATION.matcher(source);
            StringBuilder checkpointed = new StringBuilder();
            for (int n = 0; annotations.find(); n++) {
                annotations.appendReplacement(checkpointed, "@Differentiable(checkpoints = " + BUDGETS[n % BUDGETS.length]
                        + ")\n");
            }
            annotations.appendTail(checkpointed);
            return new Builds(DifferentialFuzzer.compile(className, checkpointed.toString()),
                    DifferentialFuzzer.compile(className, source.replace("@Differentiable\n",
                            "@Differentiable(checkpoints = 0)\n")));
        }

        /** Counts the checkpointed build's loop reversals and the loops it checkpoints. */
        void count(Counts counts) {
            DifferentialFuzzer.countReversals(checkpointed, counts);
            counts.checkpointedLoops += checkpointed.generated().split(Pattern.quote(CHECKPOINTED), -1).length - 1;
        }

        /** The checkpointed build against the references, then against the taped build, bit for bit. */
        Outcome check(Method method, double[] point) {
            Outcome outcome = checkpointed.loaded().check(method, point);
            if (outcome.verdict() != Verdict.AGREE) {
                return outcome;
            }
            double[] withCheckpoints = valueAndGradient(checkpointed.loaded(), method, point);
            double[] withTape = valueAndGradient(taped.loaded(), method, point);
            if (!Arrays.equals(withCheckpoints, withTape)) {
                return new Outcome(Verdict.DISAGREE, "checkpointed value and gradient "
                        + Arrays.toString(withCheckpoints) + " are not the taped " + Arrays.toString(withTape));
            }
            return outcome;
        }

        private static double[] valueAndGradient(Loaded loaded, Method method, double[] point) {
            ParameterLayout layout = ParameterLayout.of(method);
            double[] out = new double[layout.size() + 1];
            try {
                java.lang.reflect.Method compiled = loaded.generated().getMethod(method.name(), layout.gradientTypes());
                double[] gradient = new double[layout.size()];
                out[0] = Loaded.valueAndGradient(compiled, layout, point, gradient);
                System.arraycopy(gradient, 0, out, 1, gradient.length);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("generated class lacks " + e.getMessage(), e);
            }
            return out;
        }
    }
}
