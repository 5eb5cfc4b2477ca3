package io.microautograd.fuzz;

import io.microautograd.fuzz.DifferentialFuzzer.Compilation;
import io.microautograd.fuzz.DifferentialFuzzer.Counts;
import io.microautograd.fuzz.DifferentialFuzzer.Finding;
import io.microautograd.fuzz.DifferentialFuzzer.Loaded;
import io.microautograd.fuzz.PointCheck.Outcome;
import io.microautograd.fuzz.PointCheck.Verdict;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.processor.DifferentiableProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The {@code separate_runs} mode: the helpers of a batch are compiled in a javac run of their own,
 * then the methods that call them in a second run, which sees the helpers only as class files, as
 * a module sees the jar of one it depends on. Each program must come out as it does when the whole
 * batch is compiled in one run: with the same errors (compared program by program, by message,
 * since lines differ), or with none and a gradient that agrees with the {@code Value} engine and
 * finite differences. A program that comes out otherwise is a finding, shrunk by the same test.
 */
final class SeparateRuns {

    /** The line that starts a method in a printed class, with its name. */
    private static final Pattern SIGNATURE = Pattern.compile("^    public static double (\\w+)\\(",
            Pattern.MULTILINE);
    /** A call of a helper, which the generator names after its caller. */
    private static final Pattern HELPER_CALL = Pattern.compile("(?<![\\w.])(\\w+)Helper\\(");

    private SeparateRuns() {
    }

    /** Checks a batch of programs compiled in one run and in two. */
    static void checkBatch(List<Method> batch, String className, Random points, Counts counts) {
        Map<String, List<String>> oneRun = errorsByProgram(oneRun(className, batch));
        TwoRuns twoRuns = TwoRuns.compile(className, batch);
        List<Method> accepted = batch.stream().filter(m -> twoRuns.errors(m).isEmpty()).toList();
        TwoRuns loadable = twoRuns.loaded() != null || accepted.isEmpty() ? twoRuns
                : TwoRuns.compile(className + "Accepted", accepted);
        if (loadable.loaded() != null) {
            DifferentialFuzzer.countReversals(loadable.compilation(), counts);
        }
        Set<String> names = batch.stream().map(Method::name).collect(Collectors.toSet());
        Map<String, List<String>> astray = new HashMap<>(oneRun);
        astray.putAll(twoRuns.errors());
        astray.keySet().removeAll(names);
        if (!astray.isEmpty()) {
            counts.findings.add(new Finding(batch.get(0), new double[0], "errors in no program's method: " + astray));
        }
        for (Method method : batch) {
            List<String> inOneRun = errors(oneRun, method);
            if (inOneRun.isEmpty() && twoRuns.errors(method).isEmpty() && loadable.loaded() != null) {
                DifferentialFuzzer.checkProgram(method, loadable.loaded(), points, counts, SeparateRuns::recheck);
                continue;
            }
            counts.programs++;
            Outcome outcome = compare(method, inOneRun, twoRuns.errors(method), loadable.loaded(), new double[0]);
            if (outcome.verdict() == Verdict.AGREE) {
                counts.rejectedByProcessor++;
            } else {
                counts.findings.add(outcome.verdict() == Verdict.DISAGREE ? Shrinker.shrink(method,
                        new double[ParameterLayout.of(method).size()], outcome.detail(), SeparateRuns::recheck)
                        : new Finding(method, new double[0], outcome.detail()));
            }
        }
    }

    /**
     * Compiles {@code candidate} alone in one run and in two, and compares the outcomes at
     * {@code point}; a candidate whose helper no longer compiles is ill-conditioned, since its
     * caller then has no second run to compare.
     */
    private static Outcome recheck(Method candidate, double[] point) {
        TwoRuns twoRuns = TwoRuns.compile("Shrink", List.of(candidate));
        if (twoRuns.callers() == null) {
            return new Outcome(Verdict.ILL_CONDITIONED, "the helper does not compile");
        }
        return compare(candidate, errors(errorsByProgram(oneRun("Shrink", List.of(candidate))), candidate),
                twoRuns.errors(candidate), twoRuns.loaded(), point);
    }

    /**
     * How a program fares with the errors of one run and of two, and the classes of two runs
     * (null when they did not compile): both accept it, and its gradient is checked at
     * {@code point}; both reject it with the same processor errors (agree); one run gives errors
     * that are not the processor's, so the program is not valid Java (ill-conditioned, which
     * the shrinker never keeps); or the errors differ (disagree).
     */
    private static Outcome compare(Method method, List<String> inOneRun, List<String> inTwoRuns, Loaded loaded,
            double[] point) {
        if (inOneRun.stream().anyMatch(message -> !message.startsWith("[MicroAutograd:"))) {
            return new Outcome(Verdict.ILL_CONDITIONED, "javac rejects " + method.name() + " in one run:\n"
                    + String.join("\n", inOneRun));
        }
        if (inOneRun.equals(inTwoRuns)) {
            if (!inOneRun.isEmpty()) {
                return new Outcome(Verdict.AGREE, "rejected alike");
            }
            return loaded == null ? new Outcome(Verdict.DISAGREE, "accepted in two runs but not loaded")
                    : loaded.check(method, point);
        }
        String detail = "one run and two runs differ on " + method.name() + "\none run: "
                + (inOneRun.isEmpty() ? "accepted" : String.join("\n", inOneRun)) + "\ntwo runs: "
                + (inTwoRuns.isEmpty() ? "accepted" : String.join("\n", inTwoRuns));
        if (inTwoRuns.isEmpty() && loaded != null) {
            double[] sample = new double[ParameterLayout.of(method).size()];
            Arrays.fill(sample, 0.7);
            Outcome gradient = loaded.check(method, sample);
            detail += "\nthe gradient compiled in two runs, at " + Arrays.toString(sample) + ": " + gradient.verdict()
                    + (gradient.detail().isEmpty() ? "" : ", " + gradient.detail());
        }
        return new Outcome(Verdict.DISAGREE, detail);
    }

    private static InMemoryCompiler.Result oneRun(String className, List<Method> methods) {
        return compile(className, JavaPrinter.compilationUnit(DifferentialFuzzer.PACKAGE, className, methods), null);
    }

    /** Compiles one class with the processor, after the compilation {@code after} if it is not null. */
    private static InMemoryCompiler.Result compile(String className, String source, InMemoryCompiler.Result after) {
        Map<String, String> sources = Map.of(DifferentialFuzzer.PACKAGE + "." + className, source);
        return after == null ? InMemoryCompiler.compile(sources, new DifferentiableProcessor())
                : InMemoryCompiler.compileAfter(after, sources, new DifferentiableProcessor());
    }

    private static List<String> errors(Map<String, List<String>> byProgram, Method method) {
        return byProgram.getOrDefault(method.name(), List.of());
    }

    /**
     * The error messages of a compilation by program, sorted: an error belongs to the program whose
     * method (its helper, or a method generated for either) is the last to start before the error.
     */
    private static Map<String, List<String>> errorsByProgram(InMemoryCompiler.Result result) {
        Map<String, List<String>> errors = new HashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : result.diagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String program = "(outside every method)";
            if (d.getSource() != null && d.getLineNumber() > 0) {
                Matcher signature = SIGNATURE.matcher(sourceText(d.getSource()).lines().limit(d.getLineNumber())
                        .collect(Collectors.joining("\n")));
                while (signature.find()) {
                    program = signature.group(1).replaceFirst("(Helper)?(Pullback)?$", "");
                }
            }
            errors.computeIfAbsent(program, k -> new ArrayList<>()).add(d.getMessage(null));
        }
        errors.values().forEach(messages -> messages.sort(null));
        return errors;
    }

    private static String sourceText(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A batch compiled in two runs: the helpers into {@code className + "Helpers"}, then the
     * methods into {@code className}, calling the helpers through that class; with the errors of
     * both runs by program.
     */
    private record TwoRuns(String className, InMemoryCompiler.Result helpers, InMemoryCompiler.Result callers,
            Map<String, List<String>> errors) {

        static TwoRuns compile(String className, List<Method> methods) {
            String helperClass = className + "Helpers";
            List<Method> helpers = methods.stream().flatMap(m -> m.helpers().stream()).toList();
            InMemoryCompiler.Result first = SeparateRuns.compile(helperClass,
                    JavaPrinter.compilationUnit(DifferentialFuzzer.PACKAGE, helperClass, helpers), null);
            Map<String, List<String>> errors = new HashMap<>(errorsByProgram(first));
            if (!first.success()) {
                return new TwoRuns(className, first, null, errors);
            }
            List<Method> callers = methods.stream().map(m -> m.withHelpers(List.of())).toList();
            String source = HELPER_CALL.matcher(JavaPrinter.compilationUnit(DifferentialFuzzer.PACKAGE, className,
                    callers)).replaceAll(helperClass + ".$1Helper(");
            InMemoryCompiler.Result second = SeparateRuns.compile(className, source, first);
            errorsByProgram(second).forEach((program, messages) -> errors.merge(program, messages, (a, b) -> {
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                all.sort(null);
                return all;
            }));
            return new TwoRuns(className, first, second, errors);
        }

        List<String> errors(Method method) {
            return SeparateRuns.errors(errors, method);
        }

        /** The callers' class and the one generated for it, or null when the second run failed. */
        Loaded loaded() {
            if (callers == null || !callers.success()) {
                return null;
            }
            try {
                String name = DifferentialFuzzer.PACKAGE + "." + className;
                return new Loaded(callers.classes().loadClass(name), callers.classes().loadClass(name + "Grad"));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no class " + e.getMessage() + " after a successful compilation", e);
            }
        }

        /** What the two runs generated, for the counts of loop reversals. */
        Compilation compilation() {
            return new Compilation(loaded(), "", String.join("\n", helpers.generatedSources().values()) + "\n"
                    + String.join("\n", callers.generatedSources().values()));
        }
    }
}
