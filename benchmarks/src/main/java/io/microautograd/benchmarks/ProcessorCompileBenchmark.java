package io.microautograd.benchmarks;

import io.microautograd.Differentiable;
import io.microautograd.processor.DifferentiableProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the processor adds to a build: javac on one class of 50 {@code @Differentiable} methods,
 * without the processor, with it (which also compiles the 50 generated gradients), and with it and
 * the engine on the class path, where it also writes each method's {@code Value} twin.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProcessorCompileBenchmark {

    /** The number of @Differentiable methods in the compiled class. */
    public static final int METHODS = 50;

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private String source;
    private Path output;
    private Path annotationsAlone;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        source = sourceWithMethods(METHODS);
        output = Files.createTempDirectory("processor-benchmark");
        annotationsAlone = copyAnnotations(Files.createTempDirectory("processor-benchmark-annotations"));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        for (Path folder : List.of(output, annotationsAlone)) {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** javac without annotation processing. */
    @Benchmark
    public boolean withoutProcessor() {
        return compile(false, annotationsAlone.toString());
    }

    /**
     * javac with the processor writing 50 gradients, which javac then compiles too; the class path
     * has the annotations alone, as in a build that uses only the compiled path.
     */
    @Benchmark
    public boolean withProcessor() {
        return compile(true, annotationsAlone.toString());
    }

    /**
     * As {@link #withProcessor}, with the engine on the class path: the processor also writes a
     * {@code Value} twin of each method, and javac compiles those too.
     */
    @Benchmark
    public boolean withProcessorAndTwins() {
        return compile(true, codeSource().toString());
    }

    private boolean compile(boolean withProcessor, String classPath) {
        List<String> options = new java.util.ArrayList<>(List.of(
                "-d", output.toString(), "-s", output.toString(), "-classpath", classPath));
        if (!withProcessor) {
            options.add("-proc:none");
        }
        var task = javac.getTask(null, null, null, options, null, List.of(new Source(source)));
        // Naming the processor also stops javac from discovering others on the class path.
        task.setProcessors(withProcessor ? List.of(new DifferentiableProcessor()) : List.of());
        return task.call();
    }

    /** A class of {@code count} distinct smooth functions of three variables with branches and locals. */
    static String sourceWithMethods(int count) {
        StringBuilder out = new StringBuilder("package bench;\n\nimport io.microautograd.Differentiable;\n\n"
                + "public final class Functions {\n");
        for (int i = 0; i < count; i++) {
            out.append("    @Differentiable\n")
               .append("    public static double f").append(i).append("(double x, double y, double z) {\n")
               .append("        double a = Math.sin(x * ").append(i + 1).append(") + y * y;\n")
               .append("        double b = Math.exp(-z * z) * Math.log1p(a * a);\n")
               .append("        if (a > b) {\n")
               .append("            b += Math.tanh(a - ").append(i).append(".5);\n")
               .append("        } else {\n")
               .append("            b *= Math.hypot(x, y);\n")
               .append("        }\n")
               .append("        return a * b + Math.pow(1.5 + z * z, 0.").append(i % 9 + 1).append(");\n")
               .append("    }\n\n");
        }
        return out.append("}\n").toString();
    }

    /**
     * Copies the annotations' classes (package {@code io.microautograd} itself; the engine is in
     * its subpackages) from where they were loaded, a jar that may hold the engine too, into {@code folder}.
     */
    private static Path copyAnnotations(Path folder) throws IOException {
        Path codeSource = codeSource();
        try (FileSystem jar = Files.isDirectory(codeSource) ? null : FileSystems.newFileSystem(codeSource)) {
            Path annotations = (jar == null ? codeSource : jar.getPath("/")).resolve("io/microautograd");
            Path copies = Files.createDirectories(folder.resolve("io/microautograd"));
            try (var classes = Files.list(annotations)) {
                for (Path annotation : classes.filter(c -> c.toString().endsWith(".class")).toList()) {
                    Files.copy(annotation, copies.resolve(annotation.getFileName().toString()));
                }
            }
        }
        return folder;
    }

    /** The jar or folder the annotations were loaded from. */
    private static Path codeSource() {
        try {
            return Path.of(Differentiable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String text) {
            super(URI.create("string:///bench/Functions.java"), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
