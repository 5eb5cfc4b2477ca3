package io.microautograd.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The examples launcher, which the README's demo command runs.
 *
 * <pre>
 * Demo                  runs the default tour
 * Demo --list           lists every example with what it shows
 * Demo moons sine       runs the named examples
 * Demo all              runs every example
 * Demo --out DIR ...    writes the pictures into DIR (default target/microautograd-examples)
 * </pre>
 *
 * Each picture's absolute path is printed after its example, with the wall and processor time
 * the example took.
 */
public final class Demo {

    /** Where pictures go without {@code --out}, relative to the working directory. */
    public static final Path DEFAULT_OUTPUT = Path.of("target", "microautograd-examples");

    private static final String USAGE = """
            usage: Demo [--out DIR] [--list] [all | NAME...]
              no NAME     run the default tour (%s)
              all         run every example
              NAME...     run the named examples (see --list)
              --out DIR   write pictures into DIR (default %s)
              --list      list the examples and exit
            """;

    private Demo() {
    }

    /** Runs the launcher; exits with status 2 on a bad command line and 1 if an example fails. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the launcher with {@code args}, printing to {@code out} and errors to {@code err}.
     *
     * @return the exit status: 0 on success, 1 if an example failed, 2 on a bad command line
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path output = DEFAULT_OUTPUT;
        boolean list = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--out")) {
                if (i + 1 == args.length) {
                    return usageError(err, "--out needs a folder after it");
                }
                output = Path.of(args[++i]);
            } else if (arg.equals("--list")) {
                list = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.print(usage());
                return 0;
            } else if (arg.startsWith("-")) {
                return usageError(err, "unknown option " + arg);
            } else {
                names.add(arg);
            }
        }
        if (list) {
            Examples.all().forEach(example -> out.printf("%-12s %s%n", example.name(), example.description()));
            return 0;
        }
        List<Example> chosen = new ArrayList<>();
        if (names.isEmpty()) {
            chosen.addAll(Examples.tour());
        } else if (names.equals(List.of("all"))) {
            chosen.addAll(Examples.all());
        } else {
            for (String name : names) {
                Optional<Example> example = Examples.named(name);
                if (example.isEmpty()) {
                    return usageError(err, "unknown example \"" + name + "\"; known: " + knownNames()
                            + ", or all");
                }
                chosen.add(example.get());
            }
        }
        return runAll(chosen, new ExampleContext(output, out), err);
    }

    /** Runs {@code examples} in order; stops at the first that throws, naming it on {@code err}, and returns 1. */
    static int runAll(List<Example> examples, ExampleContext context, PrintStream err) {
        for (Example example : examples) {
            context.println("== " + example.name() + ": " + example.description());
            long start = System.nanoTime();
            Duration cpuBefore = processCpuTime();
            try {
                ExampleResult result = example.run(context);
                result.files().forEach(file -> context.println("picture: " + file));
                context.printf("(%s took %.1f s, %.1f s of processor time)%n", example.name(),
                        (System.nanoTime() - start) / 1e9, processCpuTime().minus(cpuBefore).toMillis() / 1e3);
            } catch (RuntimeException e) {
                err.println("example " + example.name() + " failed: " + e);
                return 1;
            }
            context.println("");
        }
        return 0;
    }

    /**
     * The processor time this JVM has used (all threads: the graph renderer draws on its own),
     * zero where the platform does not tell. Printed beside the wall time because on a shared
     * machine the two differ.
     */
    private static Duration processCpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static int usageError(PrintStream err, String message) {
        err.println(message);
        err.print(usage());
        return 2;
    }

    private static String usage() {
        return String.format(USAGE, String.join(", ", Examples.tour().stream().map(Example::name).toList()),
                DEFAULT_OUTPUT);
    }

    private static String knownNames() {
        return String.join(", ", Examples.all().stream().map(Example::name).toList());
    }
}
