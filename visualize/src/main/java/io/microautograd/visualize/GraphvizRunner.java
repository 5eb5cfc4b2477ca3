package io.microautograd.visualize;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizEngine;
import guru.nidi.graphviz.engine.GraphvizJdkEngine;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays out DOT text with graphviz-java, choosing and installing the engine.
 *
 * <p>graphviz-java keeps its engine in static state and its embedded engine's JavaScript context in
 * a thread-local, so every new thread would pay the multi-second warm-up again. All rendering
 * therefore runs on one daemon thread owned by this class: the warm-up is paid once per JVM, and
 * callers on any thread share the engine safely.
 */
final class GraphvizRunner {

    /** GraalJS on a stock JDK runs interpreted and says so on stderr unless told not to. */
    private static final String WARN_INTERPRETER_ONLY = "polyglot.engine.WarnInterpreterOnly";
    private static final double PNG_SCALE = 2;
    private static final Pattern TEXT_ELEMENT = Pattern.compile("(<text[^>]*>)([^<]*)(</text>)");
    private static final char NO_BREAK_SPACE = '\u00a0';

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "microautograd-graphviz");
        thread.setDaemon(true);
        return thread;
    });

    /** The engine installed in graphviz-java; only read and written on {@link #THREAD}. */
    private static RenderEngine installed;

    private GraphvizRunner() {
    }

    /** {@code dot} laid out as SVG text. */
    static String svg(String dot, RenderEngine engine) {
        return run(engine, dot, graphviz -> graphviz.render(Format.SVG).toString());
    }

    /** {@code dot} laid out and rasterised at twice Graphviz's nominal size, so text stays readable. */
    static BufferedImage image(String dot, RenderEngine engine) {
        return run(engine, dot, graphviz -> graphviz.scale(PNG_SCALE)
                .postProcessor((svg, options, processOptions) -> svg.mapString(GraphvizRunner::keepSpacesInText))
                .render(Format.PNG).toImage());
    }

    /**
     * The SVG with the spaces inside its text elements made non-breaking. The rasteriser
     * (svgSalamander) trims the text on each side of an entity, so without this "data -0.5",
     * which Graphviz writes as {@code data &#45;0.5}, would be drawn as "data-0.5".
     */
    static String keepSpacesInText(String svg) {
        Matcher text = TEXT_ELEMENT.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        while (text.find()) {
            text.appendReplacement(out, Matcher.quoteReplacement(
                    text.group(1) + text.group(2).replace(' ', NO_BREAK_SPACE) + text.group(3)));
        }
        return text.appendTail(out).toString();
    }

    /** {@link RenderEngine#AUTO} made definite for this machine. */
    static RenderEngine resolve(RenderEngine requested, Optional<Path> dotOnPath) {
        if (requested != RenderEngine.AUTO) {
            return requested;
        }
        return dotOnPath.isPresent() ? RenderEngine.SYSTEM_DOT : RenderEngine.EMBEDDED;
    }

    private static <T> T run(RenderEngine requested, String dot, Function<Graphviz, T> work) {
        Future<T> result = THREAD.submit(() -> {
            Slf4jStartup.start();
            install(resolve(requested, SystemDot.onPath()));
            return work.apply(Graphviz.fromString(dot));
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Graphviz was rendering", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Graphviz failed to render: " + e.getCause(), e.getCause());
        }
    }

    private static void install(RenderEngine engine) {
        if (engine == installed) {
            return;
        }
        if (engine == RenderEngine.SYSTEM_DOT) {
            if (SystemDot.onPath().isEmpty()) {
                throw new IllegalStateException("RenderEngine.SYSTEM_DOT needs Graphviz's dot on the PATH, and there is"
                        + " none; install Graphviz or use RenderEngine.EMBEDDED (or AUTO)");
            }
            Graphviz.useEngine(new GraphvizCmdLineEngine());
        } else {
            System.getProperties().putIfAbsent(WARN_INTERPRETER_ONLY, "false");
            Graphviz.useEngine(new SynchronousJdkEngine());
        }
        installed = engine;
    }

    /**
     * graphviz-java initialises its JDK engine on a fresh thread, so the JavaScript context built
     * there is lost to the thread-local and rebuilt on the rendering thread: the warm-up twice.
     * Initialising on the calling thread (ours) builds it once.
     */
    private static final class SynchronousJdkEngine extends GraphvizJdkEngine {
        @Override
        public void init(Consumer<GraphvizEngine> onOk, Consumer<GraphvizEngine> onError) {
            try {
                doInit();
            } catch (Exception e) {
                close();
                onError.accept(this);
                throw new IllegalStateException("the embedded Graphviz engine (viz.js on GraalJS) failed to start: "
                        + e.getMessage(), e);
            }
            onOk.accept(this);
        }
    }
}
