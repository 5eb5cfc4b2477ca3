package io.microautograd.fuzz;

import io.microautograd.fuzz.PointCheck.Outcome;
import io.microautograd.fuzz.PointCheck.Verdict;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.processor.DifferentiableProcessor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Generates batches of random programs, compiles each batch once with the processor, and checks
 * every program at random points with {@link PointCheck}. A program that fails is shrunk and
 * reported as a ready-to-paste regression test.
 */
final class DifferentialFuzzer {

    static final String PACKAGE = "fuzz";
    /** The comment the processor writes over a loop reversal it skips under zero adjoints. */
    private static final String ZERO_ADJOINT_GUARD =
            "// Skipped when every adjoint it reads is zero: it would add only zeros.";
    /** The comment the processor writes over a loop reversal it runs as two loops, sums then updates. */
    private static final String TWO_LOOP_SPLIT =
            "// Reversed in two loops: the sums keep their order, the array updates vectorise.";
    /** The comment the processor writes over every loop reversal: the source loop's line and header. */
    private static final Pattern LOOP_REVERSAL = Pattern.compile("// line \\d+: (for|while|do)\\b");
    private static final int POINTS_PER_PROGRAM = 3;

    /** A program that failed, shrunk, with the failure and a regression test for it. */
    record Finding(Method program, double[] point, String detail) {

        /** A JUnit test method that reproduces the finding with {@link FuzzRegressions}. */
        String regressionTest() {
            boolean shared = SharedArrayCalls.isSharedPoint(program, point);
            return "    @Test\n    void fuzzFinding() {\n        FuzzRegressions."
                    + (shared ? "assertSharedArraysAgree" : "assertAgrees") + "(\"\"\"\n"
                    + JavaPrinter.staticImports(List.of(program), "            ")
                    + JavaPrinter.method(program, "            ") + "            \"\"\", "
                    + (program.arrays().isEmpty() ? "" : program.arrayLength() + ", ") + indexArrays()
                    + (shared ? sharing() : "") + "new double[] {"
                    + Arrays.stream(point).mapToObj(Double::toString).collect(Collectors.joining(", ")) + "});\n    }\n";
        }

        /** The arrays a call shares and the message its generated method must throw (null when none), as arguments. */
        private String sharing() {
            String rejection = SharedArrayCalls.rejection(program);
            return "\"" + program.arrays().get(0) + "\", \"" + program.arrays().get(1) + "\", "
                    + (rejection == null ? "null" : "\"" + rejection + "\"") + ", ";
        }

        /** The {@code int[]} parameters' contents as a Java argument, or nothing when there are none. */
        private String indexArrays() {
            return program.indexArrays().isEmpty() ? "" : program.indexArrays().stream()
                    .map(a -> "new Program.IndexArray(\"" + a.name() + "\", List.of(" + a.contents().stream()
                            .map(String::valueOf).collect(Collectors.joining(", ")) + "))")
                    .collect(Collectors.joining(", ", "List.of(", "), "));
        }
    }

    /** Counts of a run. */
    static final class Counts {
        int programs;
        int points;
        int agreed;
        int illConditioned;
        int rejectedByProcessor;
        /** Programs that declare another name for an array ({@code double[] b = a;}). */
        int withAliases;
        /** Programs that take an {@code int[]} parameter. */
        int withIndexArrays;
        /** Loop reversals in the generated code of the programs checked, how many are guarded, how many split. */
        int loopReversals;
        int guardedReversals;
        int splitReversals;
        /** Runs of an array stored on the tape in one copy before a loop, and given back in one copy after one. */
        int slicesStored;
        int slicesRestored;
        /** Calls that pass one array for two parameters, and how many the generated method rejected as the rule says. */
        int sharedCalls;
        int sharedRejected;
        /** Points where a guard threw, and the generated method and the Value engine threw alike. */
        int thrownAlike;
        /** The loops the generated code checkpoints. */
        int checkpointedLoops;
        final List<Finding> findings = new ArrayList<>();

        @Override
        public String toString() {
            return String.format("%d programs, %d points: %d agreed, %d ill-conditioned (skipped), "
                    + "%d programs rejected by the processor, %d disagreements; %d programs with an array alias, "
                    + "%d with an int[] parameter; %d of %d loop reversals guarded against zero adjoints, "
                    + "%d split into sums and updates; %d runs taped and %d restored in one copy; %d calls passed "
                    + "one array for two parameters, %d of them rejected as the rule says; %d points where a guard "
                    + "threw, alike on all three paths; %d loops checkpointed",
                    programs, points, agreed, illConditioned, rejectedByProcessor, findings.size(), withAliases,
                    withIndexArrays, guardedReversals, loopReversals, splitReversals, slicesStored, slicesRestored,
                    sharedCalls, sharedRejected, thrownAlike, checkpointedLoops);
        }
    }

    private DifferentialFuzzer() {
    }

    /** The two kinds of programs. */
    enum Mode {
        /** Part 1: double parameters, locals, branches, every Math rule. */
        SCALAR,
        /** Part 2: an array parameter, loops with overwrites, local arrays, calls of a helper. */
        ARRAYS,
        /**
         * Part 2 where the helper may also write into its array parameter, which Java makes
         * visible to the caller: left out of the default run while the compiler gets it wrong
         * (see the disabled tests in {@link FuzzRegressionsTest}).
         */
        HELPER_WRITES,
        /**
         * Part 2 where a scalar may be called {@code eIndex} while an enhanced for names its
         * element {@code e}: left out of the default run while the compiler confuses the two.
         */
        INDEX_NAMES,
        /**
         * The programs of {@code HELPER_WRITES} with each batch's helpers compiled in a javac run
         * before the methods that call them, which see them only as class files: every program
         * must get the errors it gets in one run, or none and the right gradient ({@link SeparateRuns}).
         */
        SEPARATE_RUNS,
        /**
         * Part 2 with two {@code double[]} parameters of one length, of order 2 as in {@code HESSIANS},
         * checked at some points with one array passed for both ({@link SharedArrayCalls}).
         */
        SHARED_ARRAYS,
        /** Part 1 with every result passed through tanh, sigmoid, exp, expm1, log, atan2 or hypot in a tail. */
        TAILS,
        /**
         * Integer edges ({@link IntegerProgramGenerator}): int and long values at their extremes
         * as Math arguments and loop bounds, large steps, long counters, names with $ and _.
         */
        INTEGERS,
        /**
         * Part 2 with every method asking for checkpoints, compiled beside the same programs taped:
         * the checkpointed gradient must also be the taped one, bit for bit ({@link CheckpointedRuns}).
         */
        CHECKPOINTS,
        /** Part 2 with each generated {@code fTangent} checked against the gradient ({@link TangentPoints}). */
        TANGENTS,
        /** Part 2 of order 2, each {@code fHvp} checked against differences of the gradient ({@link HessianPoints}). */
        HESSIANS,
        /**
         * Everyday Java ({@link EverydayProgramGenerator}): switch statements and expressions,
         * var, static imports, StrictMath, guards that throw, overloaded helpers; each program in
         * a compilation unit of its own ({@link SeparateUnits}).
         */
        EVERYDAY,
        /**
         * Part 2 calling functions whose derivatives are {@code @Derivative} rules and functions of
         * arrays with {@code @Pullback} rules ({@link RuledFunctions}), on the {@code Value} side
         * through the operations the same rules gave.
         */
        RULES;

        Function<String, Method> generator(long seed) {
            return switch (this) {
                case SCALAR -> new ProgramGenerator(seed)::method;
                case TAILS -> new TailProgramGenerator(seed)::method;
                case INTEGERS -> new IntegerProgramGenerator(seed)::method;
                case EVERYDAY -> new EverydayProgramGenerator(seed)::method;
                case RULES -> ArrayProgramGenerator.withRuledFunctions(seed)::method;
                case ARRAYS, HELPER_WRITES, INDEX_NAMES, SEPARATE_RUNS, SHARED_ARRAYS, CHECKPOINTS, TANGENTS, HESSIANS ->
                        new ArrayProgramGenerator(seed, this == HELPER_WRITES || this == SEPARATE_RUNS,
                                this == INDEX_NAMES, this == SHARED_ARRAYS)::method;
            };
        }
    }

    /** Runs {@code programs} programs of {@code mode} from {@code seed}, in batches of {@code batchSize}. */
    static Counts run(Mode mode, long seed, int programs, int batchSize) {
        Counts counts = new Counts();
        Random points = new Random(seed ^ 0x5DEECE66DL);
        Function<String, Method> generator = mode.generator(seed);
        for (int start = 0; start < programs; start += batchSize) {
            List<Method> batch = new ArrayList<>();
            for (int i = start; i < Math.min(programs, start + batchSize); i++) {
                Method method = generator.apply("f" + i);
                if (method.statements().anyMatch(Program.DeclareAlias.class::isInstance)) {
                    counts.withAliases++;
                }
                if (!method.indexArrays().isEmpty()) {
                    counts.withIndexArrays++;
                }
                batch.add(method);
            }
            if (mode == Mode.SEPARATE_RUNS) {
                SeparateRuns.checkBatch(batch, "Batch" + start, points, counts);
            } else if (mode == Mode.CHECKPOINTS) {
                CheckpointedRuns.checkBatch(batch, "Batch" + start, points, counts);
            } else if (mode == Mode.TANGENTS) {
                checkBatch(batch, "Batch" + start, points, counts, TangentPoints.MODE);
            } else if (mode == Mode.HESSIANS || mode == Mode.SHARED_ARRAYS) {
                checkBatch(batch, "Batch" + start, points, counts, HessianPoints.MODE);
            } else if (mode == Mode.EVERYDAY) {
                SeparateUnits.checkBatch(batch, "Batch" + start, points, counts);
            } else {
                checkBatch(batch, "Batch" + start, points, counts);
            }
        }
        return counts;
    }

    private static void checkBatch(List<Method> batch, String className, Random points, Counts counts) {
        Compilation compilation = compile(className, batch);
        if (compilation.loaded() == null) {
            for (Method method : batch) {
                checkAlone(method, className + method.name(), points, counts);
            }
            return;
        }
        countReversals(compilation, counts);
        for (Method method : batch) {
            checkProgram(method, compilation.loaded(), points, counts, Shrinker::recheck);
        }
    }

    /** A mode's check of one program at a point, with its compiled class loaded. */
    interface LoadedCheck {
        Outcome check(Loaded loaded, Method method, double[] point);
    }

    /** How a mode compiles its programs into one class, and its check of a program there. */
    record CompiledCheck(BiFunction<String, List<Method>, Compilation> compile, LoadedCheck check) {
    }

    /**
     * Compiles a batch as {@code mode} does and checks each program at its points; a batch the
     * processor rejects is a finding, and a disagreement is shrunk by compiling and checking each
     * smaller candidate alone the same way.
     */
    static void checkBatch(List<Method> batch, String className, Random points, Counts counts, CompiledCheck mode) {
        Compilation compilation = mode.compile().apply(className, batch);
        if (compilation.loaded() == null) {
            counts.programs += batch.size();
            counts.rejectedByProcessor += batch.size();
            counts.findings.add(new Finding(batch.get(0), new double[0],
                    "processor rejected a batch in the subset:\n" + compilation.errors()));
            return;
        }
        countReversals(compilation, counts);
        BiFunction<Method, double[], Outcome> recheck = (candidate, x) -> {
            Compilation alone = mode.compile().apply("Shrink", List.of(candidate));
            return alone.loaded() == null ? new Outcome(Verdict.ILL_CONDITIONED, "does not compile")
                    : mode.check().check(alone.loaded(), candidate, x);
        };
        for (Method method : batch) {
            checkProgram(method, (m, x) -> mode.check().check(compilation.loaded(), m, x), points, counts, recheck);
        }
    }

    /**
     * Compiles {@code method} alone into class {@code className} and checks it, after its batch
     * failed to compile: a program the processor refuses is a finding.
     */
    static void checkAlone(Method method, String className, Random points, Counts counts) {
        Compilation alone = compile(className, List.of(method));
        if (alone.loaded() == null) {
            counts.programs++;
            counts.rejectedByProcessor++;
            counts.findings.add(new Finding(method, new double[0],
                    "processor rejected a program in the subset:\n" + alone.errors()));
        } else {
            countReversals(alone, counts);
            checkProgram(method, alone.loaded(), points, counts, Shrinker::recheck);
        }
    }

    /**
     * Checks {@code method} at random points with its compiled classes; a disagreement is shrunk
     * with {@code recheck}, which compiles and checks a smaller candidate as this mode does.
     */
    static void checkProgram(Method method, Loaded loaded, Random points, Counts counts,
            BiFunction<Method, double[], Outcome> recheck) {
        checkProgram(method, loaded::check, points, counts, recheck);
    }

    /**
     * Checks {@code method} at random points with {@code check}, which compares what its compiled
     * classes give with what they must; a disagreement is shrunk with {@code recheck}.
     */
    static void checkProgram(Method method, BiFunction<Method, double[], Outcome> check, Random points,
            Counts counts, BiFunction<Method, double[], Outcome> recheck) {
        counts.programs++;
        for (int p = 0; p < POINTS_PER_PROGRAM; p++) {
            // A program with two arrays gets them separate at its first point and one array for both after.
            boolean shared = p > 0 && SharedArrayCalls.appliesTo(method);
            double[] point = new double[ParameterLayout.of(shared ? SharedArrayCalls.asCalled(method) : method).size()];
            for (int i = 0; i < point.length; i++) {
                point[i] = points.nextDouble() * 4 - 2;
            }
            counts.points++;
            Outcome outcome = check.apply(method, point);
            if (shared) {
                counts.sharedCalls++;
                if (outcome.verdict() == Verdict.AGREE && SharedArrayCalls.rejection(method) != null) {
                    counts.sharedRejected++;
                }
            }
            if (GuardCheck.THREW_ALIKE.equals(outcome.detail())) {
                counts.thrownAlike++;
            }
            if (outcome.verdict() == Verdict.AGREE) {
                counts.agreed++;
            } else if (outcome.verdict() == Verdict.ILL_CONDITIONED) {
                counts.illConditioned++;
            } else {
                counts.findings.add(Shrinker.shrink(method, point, outcome.detail(), recheck));
                return;
            }
        }
    }

    static void countReversals(Compilation compilation, Counts counts) {
        counts.loopReversals += compilation.loopReversals();
        counts.guardedReversals += compilation.guardedReversals();
        counts.splitReversals += compilation.splitReversals();
        counts.slicesStored += compilation.occurrences("= pushSlice(doubleTape, ");
        counts.slicesRestored += compilation.occurrences("= restoreSlice(doubleTape, ");
    }

    /**
     * The classes of a compilation and the Java the processor generated, or (loaded == null) the
     * errors that stopped it.
     */
    record Compilation(Loaded loaded, String errors, String generated) {

        /** The loop reversals in the generated code (each generated method that sweeps back counts). */
        int loopReversals() {
            return (int) LOOP_REVERSAL.matcher(generated).results().count();
        }

        /** The loop reversals guarded to run only under a nonzero adjoint. */
        int guardedReversals() {
            return occurrences(ZERO_ADJOINT_GUARD);
        }

        /** The loop reversals run as two loops, the scalar sums then the array updates. */
        int splitReversals() {
            return occurrences(TWO_LOOP_SPLIT);
        }

        /** How many times the generated code holds {@code text}. */
        int occurrences(String text) {
            return generated.split(Pattern.quote(text), -1).length - 1;
        }
    }

    /** Compiles methods into one class with the processor and loads it and its generated class. */
    static Compilation compile(String className, List<Method> methods) {
        return compile(className, JavaPrinter.compilationUnit(PACKAGE, className, methods));
    }

    /** Compiles the source of a class with the processor and loads it and its generated class. */
    static Compilation compile(String className, String source) {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(Map.of(PACKAGE + "." + className, source),
                new DifferentiableProcessor());
        if (!result.success()) {
            return new Compilation(null, result.errors() + "\n" + source, "");
        }
        String generated = String.join("\n", result.generatedSources().values());
        try {
            return new Compilation(new Loaded(result.classes().loadClass(PACKAGE + "." + className),
                    result.classes().loadClass(PACKAGE + "." + className + "Grad")), "", generated);
        } catch (ClassNotFoundException e) {
            return new Compilation(null, "no class " + e.getMessage() + " among the generated files "
                    + result.generatedSources().keySet(), generated);
        }
    }

    /** A compiled batch: the user's class and the generated one. */
    record Loaded(Class<?> user, Class<?> generated) {

        /** A check of another generated method, made where the gradient agreed. */
        interface FurtherCheck {
            Outcome at(Loaded loaded, Method method, double[] point) throws NoSuchMethodException;
        }

        /**
         * The check of mode {@code arrays}, then {@code further} where the gradient agreed at a point
         * that passes no array twice; a missing method or an exception from it disagrees.
         */
        Outcome checkThen(Method method, double[] point, FurtherCheck further) {
            Outcome gradientCheck = check(method, point);
            if (gradientCheck.verdict() != Verdict.AGREE || SharedArrayCalls.isSharedPoint(method, point)) {
                return gradientCheck;
            }
            try {
                return further.at(this, method, point);
            } catch (NoSuchMethodException e) {
                return new Outcome(Verdict.DISAGREE, "generated class lacks " + e.getMessage());
            } catch (RuntimeException e) {
                return new Outcome(Verdict.DISAGREE, "threw " + e + (e.getCause() == null ? "" : ", caused by "
                        + e.getCause()));
            }
        }

        Outcome check(Method method, double[] point) {
            if (SharedArrayCalls.isSharedPoint(method, point)) {
                return SharedArrayCalls.check(this, method, point);
            }
            ParameterLayout layout = ParameterLayout.of(method);
            try {
                java.lang.reflect.Method original = user.getMethod(method.name(), layout.types());
                java.lang.reflect.Method compiled = generated.getMethod(method.name(), layout.gradientTypes());
                return GuardCheck.check(method, point,
                        x -> invoke(original, layout.arguments(x)),
                        (x, gradient) -> valueAndGradient(compiled, layout, x, gradient));
            } catch (NoSuchMethodException e) {
                return new Outcome(Verdict.DISAGREE, "generated class lacks " + e.getMessage());
            }
        }

        /**
         * Calls the generated method, adds its partials into {@code gradient}, and insists that
         * it left the caller's arrays as they were.
         */
        static double valueAndGradient(java.lang.reflect.Method compiled, ParameterLayout layout, double[] point,
                double[] gradient) {
            Object[] arguments = layout.arguments(point);
            double[][] storage = layout.storage();
            Object[] all = Arrays.copyOf(arguments, arguments.length + storage.length);
            System.arraycopy(storage, 0, all, arguments.length, storage.length);
            double value = invoke(compiled, all);
            if (!Arrays.deepEquals(arguments, layout.arguments(point))) {
                throw new IllegalStateException("the generated method changed the caller's arrays: "
                        + Arrays.deepToString(arguments) + " where the point is " + Arrays.toString(point));
            }
            double[] partials = layout.flatten(storage);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += partials[i];
            }
            return value;
        }

        static double invoke(java.lang.reflect.Method method, Object[] arguments) {
            try {
                return (double) method.invoke(null, arguments);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(method.getName() + " threw", e.getCause());
            }
        }
    }
}
