package io.microautograd.fuzz;

import io.microautograd.Differentiable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with a given annotation processor and loads the classes: the
 * fuzzer's way of running javac thousands of times without touching the disk, and the way other
 * tests of the runtime compile with the processor. A compilation may follow an earlier one whose
 * classes it then sees only as class files on its class path, as a module sees the jar of a
 * module it depends on.
 */
public final class InMemoryCompiler {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    /**
     * What one compilation produced: diagnostics, generated sources, its class files by binary
     * name, and a loader for its classes (and those of the compilation it followed).
     */
    public record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics,
                  Map<String, String> generatedSources, Map<String, byte[]> classFiles, ClassLoader classes) {

        /** The diagnostics of kind ERROR, one per line, as javac would print them. */
        public String errors() {
            StringBuilder out = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    out.append(d.getSource() == null ? "?" : d.getSource().getName()).append(':')
                       .append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n');
                }
            }
            return out.toString();
        }
    }

    private InMemoryCompiler() {
    }

    /** Compiles {@code sources} (fully qualified class name to text) with {@code processor}. */
    public static Result compile(Map<String, String> sources, Processor processor) {
        return compile(sources, processor, Map.of(), InMemoryCompiler.class.getClassLoader());
    }

    /**
     * Compiles {@code sources} with {@code processor} in a javac run after {@code earlier}, whose
     * classes it sees only as class files on its class path.
     */
    static Result compileAfter(Result earlier, Map<String, String> sources, Processor processor) {
        return compile(sources, processor, earlier.classFiles(), earlier.classes());
    }

    private static Result compile(Map<String, String> sources, Processor processor, Map<String, byte[]> classPath,
            ClassLoader parent) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = JAVAC.getStandardFileManager(diagnostics, null, null);
        MemoryFileManager files = new MemoryFileManager(standard, classPath);
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new Source(name, text)));
        List<String> options = List.of("-classpath", annotationsClasspath(), "-Xlint:all", "-implicit:class");
        JavaCompiler.CompilationTask task = JAVAC.getTask(null, files, diagnostics, options, null, units);
        task.setProcessors(List.of(processor));
        boolean success = task.call();
        Map<String, byte[]> classes = files.classes();
        return new Result(success, diagnostics.getDiagnostics(), files.generatedSources(), classes,
                new MemoryClassLoader(classes, parent));
    }

    /**
     * Where {@code @Differentiable} lives, the only thing generated and user code need, and the
     * functions with {@code @Derivative} rules that programs may call ({@link RuledFunctions}).
     */
    private static String annotationsClasspath() {
        return location(Differentiable.class) + File.pathSeparator + location(RuledFunctions.class);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class ClassBytes extends SimpleJavaFileObject {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ClassBytes(String className) {
            super(URI.create("bytes:///" + className.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
        }

        @Override
        public OutputStream openOutputStream() {
            return bytes;
        }
    }

    /** A class file of an earlier compilation, on the class path of a later one. */
    private static final class ClassPathEntry extends SimpleJavaFileObject {
        private final String binaryName;
        private final byte[] bytes;

        ClassPathEntry(String binaryName, byte[] bytes) {
            super(URI.create("classpath:///" + binaryName.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
            this.binaryName = binaryName;
            this.bytes = bytes;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(bytes);
        }
    }

    private static final class GeneratedSource extends SimpleJavaFileObject {
        private final StringBuilder text = new StringBuilder();

        GeneratedSource(String className) {
            super(URI.create("generated:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
        }

        @Override
        public java.io.Writer openWriter() {
            return new java.io.Writer() {
                @Override
                public void write(char[] buffer, int offset, int length) {
                    text.append(buffer, offset, length);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ClassBytes> classes = new HashMap<>();
        private final Map<String, GeneratedSource> generated = new HashMap<>();
        private final Map<String, byte[]> classPath;

        MemoryFileManager(StandardJavaFileManager standard, Map<String, byte[]> classPath) {
            super(standard);
            this.classPath = classPath;
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                boolean recurse) throws IOException {
            Iterable<JavaFileObject> listed = super.list(location, packageName, kinds, recurse);
            if (location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS)) {
                return listed;
            }
            List<JavaFileObject> all = new ArrayList<>();
            listed.forEach(all::add);
            classPath.forEach((name, bytes) -> {
                if (name.substring(0, Math.max(0, name.lastIndexOf('.'))).equals(packageName)) {
                    all.add(new ClassPathEntry(name, bytes));
                }
            });
            return all;
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            return file instanceof ClassPathEntry entry ? entry.binaryName : super.inferBinaryName(location, file);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            if (kind == JavaFileObject.Kind.CLASS) {
                return classes.computeIfAbsent(className, ClassBytes::new);
            }
            if (location == StandardLocation.SOURCE_OUTPUT) {
                return generated.computeIfAbsent(className, GeneratedSource::new);
            }
            throw new IllegalArgumentException("unexpected output " + location + " " + className + " " + kind);
        }

        Map<String, byte[]> classes() {
            Map<String, byte[]> out = new HashMap<>();
            classes.forEach((name, file) -> out.put(name, file.bytes.toByteArray()));
            return out;
        }

        Map<String, String> generatedSources() {
            Map<String, String> out = new HashMap<>();
            generated.forEach((name, file) -> out.put(name, file.text.toString()));
            return out;
        }
    }

    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = Optional.ofNullable(classes.get(name)).orElseThrow(() -> new ClassNotFoundException(name));
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
