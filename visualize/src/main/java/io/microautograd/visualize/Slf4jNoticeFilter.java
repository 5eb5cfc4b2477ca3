package io.microautograd.visualize;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Standard error while SLF4J starts: every call goes to the stream it replaces, as made, except a
 * line that the starting thread prints with {@code println(String)}, SLF4J's way of reporting,
 * and that starts like an SLF4J notice ({@code "SLF4J: "} in 1.7, {@code "SLF4J(W): "} and its
 * kin from 2.0.10 on), which is dropped. Other threads' writes are neither held nor re-encoded:
 * they reach the original stream at once, with its own encoding, whatever they print. Once the
 * start is over, the filter drops nothing, should anyone still hold it.
 */
final class Slf4jNoticeFilter extends PrintStream {

    private final PrintStream target;
    private final Thread starter;
    private volatile boolean starting = true;

    Slf4jNoticeFilter(PrintStream target, Thread starter) {
        super(target, true);
        this.target = target;
        this.starter = starter;
    }

    /** Ends the start: from now on every line passes. */
    void passEverything() {
        starting = false;
    }

    @Override
    public void println(String line) {
        boolean notice = line != null && (line.startsWith("SLF4J: ") || line.startsWith("SLF4J("));
        if (!(notice && starting && Thread.currentThread() == starter)) {
            target.println(line);
        }
    }

    // Everything else is the original stream's, unchanged.

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public void close() {
        target.close();
    }

    @Override
    public boolean checkError() {
        return target.checkError();
    }

    @Override
    public void write(int b) {
        target.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        target.write(bytes, offset, length);
    }

    @Override
    public void print(boolean b) {
        target.print(b);
    }

    @Override
    public void print(char c) {
        target.print(c);
    }

    @Override
    public void print(int i) {
        target.print(i);
    }

    @Override
    public void print(long l) {
        target.print(l);
    }

    @Override
    public void print(float f) {
        target.print(f);
    }

    @Override
    public void print(double d) {
        target.print(d);
    }

    @Override
    public void print(char[] s) {
        target.print(s);
    }

    @Override
    public void print(String s) {
        target.print(s);
    }

    @Override
    public void print(Object obj) {
        target.print(obj);
    }

    @Override
    public void println() {
        target.println();
    }

    @Override
    public void println(boolean x) {
        target.println(x);
    }

    @Override
    public void println(char x) {
        target.println(x);
    }

    @Override
    public void println(int x) {
        target.println(x);
    }

    @Override
    public void println(long x) {
        target.println(x);
    }

    @Override
    public void println(float x) {
        target.println(x);
    }

    @Override
    public void println(double x) {
        target.println(x);
    }

    @Override
    public void println(char[] x) {
        target.println(x);
    }

    @Override
    public void println(Object x) {
        target.println(x);
    }

    @Override
    public PrintStream printf(String format, Object... args) {
        target.printf(format, args);
        return this;
    }

    @Override
    public PrintStream printf(Locale locale, String format, Object... args) {
        target.printf(locale, format, args);
        return this;
    }

    @Override
    public PrintStream format(String format, Object... args) {
        target.format(format, args);
        return this;
    }

    @Override
    public PrintStream format(Locale locale, String format, Object... args) {
        target.format(locale, format, args);
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
        target.append(csq);
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        target.append(csq, start, end);
        return this;
    }

    @Override
    public PrintStream append(char c) {
        target.append(c);
        return this;
    }
}
