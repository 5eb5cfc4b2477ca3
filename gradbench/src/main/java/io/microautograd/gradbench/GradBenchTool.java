package io.microautograd.gradbench;

import io.microautograd.gradbench.evals.Catalog;
import io.microautograd.gradbench.protocol.ProtocolException;
import io.microautograd.gradbench.protocol.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The command line: {@code java -jar microautograd-gradbench.jar [--warmup-seconds S]} speaks
 * GradBench's protocol on standard input and output. Each {@code evaluate} first runs its
 * function untimed for S seconds (default {@value #DEFAULT_WARMUP_SECONDS}; 0 for none), so that
 * the timed runs measure code the JIT compiler has compiled.
 *
 * <p>The generated classes keep each method's tape between calls of a thread whatever its size
 * ({@code microautograd.keptBytes} set to the largest {@code long}, unless the command line sets
 * it), as a program that calls one gradient again and again at one size would: the eval's runs
 * then time the derivative, not the allocation of its tape.
 */
public final class GradBenchTool {

    /** The warm-up of each evaluate unless {@code --warmup-seconds} says otherwise. */
    public static final double DEFAULT_WARMUP_SECONDS = 2.0;
    /** The system property that bounds the tapes the generated classes keep, read as each is initialised. */
    static final String KEPT_BYTES = "microautograd.keptBytes";

    private GradBenchTool() {
    }

    /** Runs a session on standard input and output; exits with status 2 on a bad command line or message. */
    public static void main(String[] args) throws IOException {
        double warmupSeconds;
        try {
            warmupSeconds = warmupSeconds(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: java -jar microautograd-gradbench.jar [--warmup-seconds S]");
            System.exit(2);
            return;
        }
        keepEveryTape();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        try {
            new Session(Catalog.evals(), warmupSeconds).run(in, out);
        } catch (ProtocolException e) {
            System.err.println("microautograd: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Lifts the bound on kept tapes unless the command line set one; call it before any generated class loads. */
    static void keepEveryTape() {
        if (System.getProperty(KEPT_BYTES) == null) {
            System.setProperty(KEPT_BYTES, Long.toString(Long.MAX_VALUE));
        }
    }

    /** The warm-up the arguments ask for. */
    static double warmupSeconds(String[] args) {
        if (args.length == 0) {
            return DEFAULT_WARMUP_SECONDS;
        }
        if (args.length == 2 && args[0].equals("--warmup-seconds")) {
            try {
                double seconds = Double.parseDouble(args[1]);
                if (seconds >= 0) {
                    return seconds;
                }
            } catch (NumberFormatException e) {
                // Reported below with the other bad values.
            }
            throw new IllegalArgumentException("--warmup-seconds needs 0 or more seconds, not " + args[1]);
        }
        throw new IllegalArgumentException("unknown arguments: " + String.join(" ", args));
    }
}
