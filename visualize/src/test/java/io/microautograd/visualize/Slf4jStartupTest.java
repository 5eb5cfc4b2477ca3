package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLF4J's notice is held back only when there is no binding, only on the thread that starts SLF4J,
 * and nothing else is touched.
 */
class Slf4jStartupTest {

    @Test
    void onlyTheStartingThreadsNoticesAreDroppedAndOtherThreadsWritesPassAsWritten() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // An encoding other than the default's, so that re-encoded text would show.
        PrintStream original = new PrintStream(captured, true, StandardCharsets.ISO_8859_1);
        PrintStream[] filter = new PrintStream[1];
        System.setErr(original);
        try {
            Slf4jStartup.withNoticesHeldBack(() -> {
                filter[0] = System.err;
                onAnotherThread(() -> System.err.print("another thread's half line, \u00e9"));
                System.err.println("SLF4J: Failed to load class \"org.slf4j.impl.StaticLoggerBinder\".");
                System.err.println("SLF4J(W): No SLF4J providers were found.");
                System.err.println("a line of the starting thread's own");
                onAnotherThread(() -> {
                    System.err.println(", and its end");
                    System.err.println("SLF4J: a line of the application's that looks like a notice");
                });
            });
            assertSame(original, System.err, "put back");
            filter[0].println("SLF4J: written to the filter after the start");
        } finally {
            System.setErr(err);
        }
        String expected = String.format("another thread's half line, \u00e9a line of the starting thread's own%n"
                + ", and its end%nSLF4J: a line of the application's that looks like a notice%n"
                + "SLF4J: written to the filter after the start%n");
        assertArrayEquals(expected.getBytes(StandardCharsets.ISO_8859_1), captured.toByteArray(),
                captured.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void standardErrorSetByTheApplicationDuringTheStartIsKept() {
        PrintStream err = System.err;
        PrintStream applications = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try {
            Slf4jStartup.withNoticesHeldBack(() -> onAnotherThread(() -> System.setErr(applications)));
            assertSame(applications, System.err);
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void theFilterHandsEveryOtherCallToTheOriginalStream() {
        // PrintStream writes these through write(byte[], int, int); charset() (JDK 18 on) writes nothing.
        Set<String> inherited = Set.of("write(byte[])", "writeBytes(byte[])", "charset()");
        List<String> notOverridden = Arrays.stream(PrintStream.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !method.isBridge())
                .filter(method -> !declares(Slf4jNoticeFilter.class, method))
                .map(method -> method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")")))
                .filter(signature -> !inherited.contains(signature))
                .toList();
        assertEquals(List.of(), notOverridden);
    }

    @Test
    void aProviderOrAStaticBinderCountsAsABinding(@TempDir Path folder) throws Exception {
        Path provider = folder.resolve("provider");
        Files.createDirectories(provider.resolve("META-INF/services"));
        Files.writeString(provider.resolve("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"), "x.Provider\n");
        Path binder = folder.resolve("binder");
        Files.createDirectories(binder.resolve("org/slf4j/impl"));
        Files.write(binder.resolve("org/slf4j/impl/StaticLoggerBinder.class"), new byte[] {0});

        assertTrue(Slf4jStartup.hasBinding(loader(provider)));
        assertTrue(Slf4jStartup.hasBinding(loader(binder)));
        assertFalse(Slf4jStartup.hasBinding(loader(folder)));
    }

    private static boolean declares(Class<?> type, Method method) {
        try {
            return type.getDeclaredMethod(method.getName(), method.getParameterTypes()) != null;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static void onAnotherThread(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A loader that sees {@code folder} and the JDK, nothing of the test class path. */
    private static ClassLoader loader(Path folder) throws Exception {
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }
}
