package io.microautograd.visualize;

import java.io.PrintStream;
import org.slf4j.LoggerFactory;

/**
 * Starts SLF4J, through which graphviz-java logs, without the notice it prints when an
 * application has no SLF4J binding.
 *
 * <p>Without a binding SLF4J logs nothing, which suits a library with nothing to say, but first
 * prints three lines to standard error ("SLF4J: Failed to load class
 * org.slf4j.impl.StaticLoggerBinder" in 1.7, "SLF4J(W): No SLF4J providers were found" in 2.x).
 * There is no switch for them in 1.7, so when the class path holds neither a 1.7 binding nor a
 * 2.x provider, SLF4J is started here with standard error replaced, for the time of the start, by
 * a {@link Slf4jNoticeFilter}: the starting thread's notice lines are dropped, and everything else
 * any thread writes reaches the stream it was meant for as it was written. With a binding SLF4J
 * starts untouched: what it reports then is about the application's own logging set-up, which is
 * the application's to see.
 */
final class Slf4jStartup {

    private static boolean started;

    private Slf4jStartup() {
    }

    /** Starts SLF4J once per JVM, before graphviz-java's first log call would. */
    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        if (!hasBinding(LoggerFactory.class.getClassLoader())) {
            withNoticesHeldBack(LoggerFactory::getILoggerFactory);
        }
    }

    /** Whether {@code loader} sees an SLF4J 1.7 binding or an SLF4J 2.x provider. */
    static boolean hasBinding(ClassLoader loader) {
        return loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null
                || loader.getResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") != null;
    }

    /**
     * Runs {@code start} on this thread with its SLF4J notices to standard error held back, then
     * puts standard error back, unless the application replaced it meanwhile: its stream stays.
     */
    static void withNoticesHeldBack(Runnable start) {
        PrintStream err = System.err;
        Slf4jNoticeFilter filter = new Slf4jNoticeFilter(err, Thread.currentThread());
        System.setErr(filter);
        try {
            start.run();
        } finally {
            filter.passEverything();
            if (System.err == filter) {
                System.setErr(err);
            }
        }
    }
}
