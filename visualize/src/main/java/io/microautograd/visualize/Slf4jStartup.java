package io.microautograd.visualize;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import org.slf4j.LoggerFactory;

/**
 * Starts SLF4J, through which graphviz-java logs, without the notice it prints when an
 * application has no SLF4J binding.
 *
 * <p>Without a binding SLF4J logs nothing, which suits a library with nothing to say, but first
 * writes three lines starting with {@code SLF4J:} to standard error ("Failed to load class
 * org.slf4j.impl.StaticLoggerBinder" in 1.7, "No SLF4J providers were found" in 2.x). So when
 * the class path holds neither a 1.7 binding nor a 2.x provider, SLF4J is started here with those
 * lines held back; every other line written to standard error meanwhile passes through. With a
 * binding SLF4J starts untouched: what it reports then is about the application's own logging
 * set-up, which is the application's to see.
 */
final class Slf4jStartup {

    private static final String NOTICE = "SLF4J: ";

    private static boolean started;

    private Slf4jStartup() {
    }

    /** Starts SLF4J once per JVM, before graphviz-java's first log call would. */
    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        if (hasBinding(LoggerFactory.class.getClassLoader())) {
            return;
        }
        PrintStream err = System.err;
        LineFilter filter = new LineFilter(err);
        System.setErr(new PrintStream(filter, true, Charset.defaultCharset()));
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            System.setErr(err);
            filter.flushPartialLine();
        }
    }

    /** Whether {@code loader} sees an SLF4J 1.7 binding or an SLF4J 2.x provider. */
    static boolean hasBinding(ClassLoader loader) {
        return loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null
                || loader.getResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") != null;
    }

    /** Passes whole lines on to {@code target}, except those starting with {@link #NOTICE}. */
    static final class LineFilter extends OutputStream {

        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineFilter(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flushPartialLine();
            }
        }

        /** Passes on what is buffered, unless it is a notice. */
        synchronized void flushPartialLine() {
            if (!line.toString(Charset.defaultCharset()).startsWith(NOTICE)) {
                target.write(line.toByteArray(), 0, line.size());
                target.flush();
            }
            line.reset();
        }
    }
}
