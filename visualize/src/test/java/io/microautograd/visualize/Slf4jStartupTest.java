package io.microautograd.visualize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SLF4J's notice is held back only when there is no binding, and nothing else is. */
class Slf4jStartupTest {

    @Test
    void theFilterDropsNoticeLinesAndPassesEveryOtherLine() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        Slf4jStartup.LineFilter filter =
                new Slf4jStartup.LineFilter(new PrintStream(target, true, Charset.defaultCharset()));
        PrintStream err = new PrintStream(filter, true, Charset.defaultCharset());

        err.println("SLF4J: Failed to load class \"org.slf4j.impl.StaticLoggerBinder\".");
        err.println("a warning of the application's own");
        err.println("SLF4J: Defaulting to no-operation (NOP) logger implementation");
        err.print("half a line");
        filter.flushPartialLine();

        assertEquals(String.format("a warning of the application's own%nhalf a line"),
                target.toString(Charset.defaultCharset()));
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

    /** A loader that sees {@code folder} and the JDK, nothing of the test class path. */
    private static ClassLoader loader(Path folder) throws Exception {
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }
}
