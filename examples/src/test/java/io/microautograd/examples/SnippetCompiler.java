package io.microautograd.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in strings with the JDK's compiler, against the test classpath and
 * with the given annotation processors, and loads the result. Processors are passed as
 * instances, not discovered on the class path, which JDK 22 and later no longer do by default.
 */
final class SnippetCompiler {

    private SnippetCompiler() {
    }

    /** A source file: its binary type name, its text, and where its line 1 sits in the tutorial. */
    record Source(String typeName, String text, int tutorialLineOfLine1) {
    }

    /**
     * Compiles {@code sources} with {@code processors} into {@code classes} (generated sources
     * into {@code generated}) and returns a loader for them.
     *
     * @throws AssertionError listing every diagnostic, at its tutorial line, if compilation fails
     *     or warns
     */
    static ClassLoader compile(List<Source> sources, Path classes, Path generated, List<Processor> processors) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        Map<URI, Source> byUri = new HashMap<>();
        for (Source source : sources) {
            JavaFileObject unit = new StringSource(source);
            units.add(unit);
            byUri.put(unit.toUri(), source);
        }
        List<String> options = List.of("-classpath", testClassPath(), "-d", classes.toString(),
                "-s", generated.toString(), "-Xlint:all", "-Xlint:-processing", "-Werror");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, units);
            task.setProcessors(processors);
            boolean ok = task.call();
            if (!ok) {
                StringBuilder report = new StringBuilder("the tutorial's code does not compile:\n");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    Source source = d.getSource() == null ? null : byUri.get(d.getSource().toUri());
                    String where = source == null ? String.valueOf(d.getSource())
                            : "tutorial.md line " + (source.tutorialLineOfLine1() + d.getLineNumber() - 1);
                    report.append(where).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
                }
                throw new AssertionError(report.toString());
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, SnippetCompiler.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire passes the test classpath in this property (its JVM's own class path is a manifest jar). */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static final class StringSource extends SimpleJavaFileObject {
        private final String text;

        StringSource(Source source) {
            super(URI.create("string:///" + source.typeName().replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = source.text();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
