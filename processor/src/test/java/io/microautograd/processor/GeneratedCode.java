package io.microautograd.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources through the processor with every lint warning on, then loads the
 * compiled classes (the user's and the generated ones) so tests can call them.
 */
final class GeneratedCode {

    private final Compilation compilation;
    private final Map<String, byte[]> classes = new HashMap<>();
    private final ClassLoader loader;

    private GeneratedCode(Compilation compilation, ClassLoader parent) {
        this.compilation = compilation;
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String binary = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
                        path.length() - ".class".length()).replace('/', '.');
                try (InputStream in = file.openInputStream()) {
                    classes.put(binary, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        this.loader = new ClassLoader(parent) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    /** Compiles {@code source} (the class {@code qualifiedName}) and requires success without warnings. */
    static GeneratedCode compile(String qualifiedName, String source) {
        return compile(JavaFileObjects.forSourceString(qualifiedName, source));
    }

    /** Compiles the sources together and requires success without warnings. */
    static GeneratedCode compile(JavaFileObject... sources) {
        return of(javac().compile(sources));
    }

    /** The classes of a compilation, which must have succeeded without warnings. */
    static GeneratedCode of(Compilation compilation) {
        return of(compilation, GeneratedCode.class.getClassLoader());
    }

    private static GeneratedCode of(Compilation compilation, ClassLoader parent) {
        assertWithMessage(compilation.diagnostics().toString()).that(compilation.status())
                .isEqualTo(Compilation.Status.SUCCESS);
        assertWithMessage("warnings: " + compilation.warnings()).that(compilation.warnings()).isEmpty();
        return new GeneratedCode(compilation, parent);
    }

    /**
     * The compiler of a later javac run that sees this compilation's classes only as class files,
     * written into {@code directory} and put on its class path, as a module sees the jar of one it
     * depends on.
     */
    Compiler javacAfter(Path directory) {
        writeClasses(directory);
        List<File> classpath = new ArrayList<>(List.of(directory.toFile()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }
        return javac().withClasspath(classpath);
    }

    /** Writes this compilation's class files into {@code directory}, in folders by package, as a class path. */
    void writeClasses(Path directory) {
        try {
            for (Map.Entry<String, byte[]> type : classes.entrySet()) {
                Path file = directory.resolve(type.getKey().replace('.', '/') + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, type.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles {@code sources} in a later javac run ({@link #javacAfter}), requires success without
     * warnings, and loads its classes beside this compilation's.
     */
    GeneratedCode compileAfter(Path directory, JavaFileObject... sources) {
        return of(javacAfter(directory).compile(sources), loader);
    }

    /**
     * The compiler the tests use: javac with the processor and every lint warning except
     * "processing", which only says that no processor claimed the annotations; ours leaves
     * {@code @Differentiable} unclaimed on purpose, as processors should; then {@code options}.
     */
    static Compiler javac(String... options) {
        List<String> all = new ArrayList<>(List.of("-Xlint:all,-processing"));
        all.addAll(List.of(options));
        return Compiler.javac().withProcessors(new DifferentiableProcessor()).withOptions(all);
    }

    Compilation compilation() {
        return compilation;
    }

    /**
     * The text of the generated pullback of {@code method} in the generated class
     * {@code gradientClass}, from its signature to its closing brace.
     */
    String pullbackSource(String gradientClass, String method) {
        return generatedMethodSource(gradientClass, method + "Pullback");
    }

    /** The text of the generated tangent method of {@code method}, as {@link #pullbackSource} gives a pullback's. */
    String tangentSource(String gradientClass, String method) {
        return generatedMethodSource(gradientClass, method + "Tangent");
    }

    private String generatedMethodSource(String gradientClass, String name) {
        String source;
        try {
            source = compilation.generatedSourceFile(gradientClass).orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = source.indexOf("static double " + name + "(");
        if (start < 0) {
            throw new AssertionError("no " + name + " in " + gradientClass);
        }
        return source.substring(start, source.indexOf("\n    }\n", start));
    }

    /** The text of a generated source file. */
    static String text(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many times {@code regex} matches in {@code text}, generated code for instance. */
    static int occurrences(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The class loader holding the compiled classes. */
    ClassLoader loader() {
        return loader;
    }

    /** Calls the static method {@code name} of class {@code className} with {@code arguments}. */
    Object call(String className, String name, Object... arguments) {
        try {
            Class<?> type = loader.loadClass(className);
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == arguments.length
                        && accepts(m.getParameterTypes(), arguments)) {
                    m.setAccessible(true);
                    return m.invoke(null, arguments);
                }
            }
            throw new AssertionError("no method " + className + "." + name + Arrays.toString(arguments));
        } catch (InvocationTargetException e) {
            throw new AssertionError("call of " + name + " threw", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean accepts(Class<?>[] types, Object[] arguments) {
        for (int i = 0; i < types.length; i++) {
            Class<?> boxed = types[i] == double.class ? Double.class : types[i] == int.class ? Integer.class
                    : types[i] == long.class ? Long.class : types[i] == boolean.class ? Boolean.class : types[i];
            boolean fits = arguments[i] == null ? !types[i].isPrimitive() : boxed.isInstance(arguments[i]);
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    /** A component of a generated result record, by name. */
    static Object component(Object record, String name) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    return accessor.invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no component " + name + " in " + record);
    }
}
