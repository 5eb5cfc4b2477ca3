package io.microautograd.gradbench.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tool's side of GradBench's protocol: one JSON message per line in, one response per line
 * out, each carrying the message's {@code id}. {@code start} is answered with the tool's name
 * and configuration, {@code define} with whether the module is implemented (and why not),
 * {@code evaluate} with the output and one timing per run, anything else with the id alone.
 */
public final class Session {

    /** The name this tool gives in its {@code start} response. */
    public static final String TOOL = "microautograd";

    private final Evals evals;
    private final double warmupSeconds;
    private final ObjectMapper json = JsonMapper.builder().build();

    /**
     * A session answering with {@code evals}, warming each function up for {@code warmupSeconds}
     * before timing it.
     */
    public Session(Evals evals, double warmupSeconds) {
        this.evals = Objects.requireNonNull(evals, "evals");
        if (!(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("the warm-up must be 0 or more seconds but is " + warmupSeconds);
        }
        this.warmupSeconds = warmupSeconds;
    }

    /**
     * Answers every line of {@code in} on {@code out}, flushing each response, until {@code in}
     * ends.
     *
     * @throws ProtocolException at a line that is not a message
     */
    public void run(BufferedReader in, Writer out) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            out.write(respond(line));
            out.write('\n');
            out.flush();
        }
    }

    /**
     * The response line to a message line.
     *
     * @throws ProtocolException when the line is not a message
     */
    public String respond(String line) {
        JsonNode message;
        try {
            message = json.readTree(line);
        } catch (JacksonException e) {
            throw new ProtocolException("not a JSON message: " + e.getOriginalMessage(), e);
        }
        JsonNode id = message.path("id");
        if (!id.isIntegralNumber() || !message.path("kind").isString()) {
            throw new ProtocolException("a message needs an integer \"id\" and a string \"kind\": " + line, null);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id);
        switch (message.get("kind").stringValue()) {
            case "start" -> {
                response.put("tool", TOOL);
                response.put("config", Map.of("warmup_seconds", warmupSeconds,
                        "java", Runtime.version().toString()));
            }
            case "define" -> define(message.path("module").asString(""), response);
            case "evaluate" -> evaluate(message, response);
            default -> {
                // analysis, and kinds added to the protocol later: only the id is due.
            }
        }
        return json.writeValueAsString(response);
    }

    private void define(String module, Map<String, Object> response) {
        boolean known = evals.module(module).isPresent();
        response.put("success", known);
        if (!known) {
            response.put("error", evals.whyNot(module));
        }
    }

    private void evaluate(JsonNode message, Map<String, Object> response) {
        String moduleName = message.path("module").asString("");
        String functionName = message.path("function").asString("");
        EvalModule module = evals.module(moduleName).orElse(null);
        if (module == null) {
            fail(response, evals.whyNot(moduleName));
            return;
        }
        EvalFunction function = module.functions().get(functionName);
        if (function == null) {
            fail(response, "module " + moduleName + " has no function \"" + functionName + "\"; it has "
                    + String.join(", ", new TreeSet<>(module.functions().keySet())));
            return;
        }
        JsonNode input = message.path("input");
        try {
            Runs runs = Runs.of(input, warmupSeconds);
            Measurement measurement = runs.measure(function.prepare(input));
            response.put("success", true);
            response.put("output", measurement.output());
            response.put("timings", measurement.timings());
        } catch (IllegalArgumentException e) {
            fail(response, e.getMessage());
        } catch (RuntimeException e) {
            fail(response, functionName + " failed: " + e);
        }
    }

    private static void fail(Map<String, Object> response, String error) {
        response.put("success", false);
        response.put("error", error);
    }
}
