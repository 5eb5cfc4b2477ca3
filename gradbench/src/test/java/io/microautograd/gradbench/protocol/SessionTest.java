package io.microautograd.gradbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.gradbench.evals.Catalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Messages in, responses out, as GradBench's evals send and read them. */
class SessionTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Session session = new Session(Catalog.evals(), 0);

    private JsonNode answer(Session on, String message) {
        return JSON.readTree(on.respond(message));
    }

    private JsonNode answer(String message) {
        return answer(session, message);
    }

    private static long count(JsonNode timings, String name) {
        long count = 0;
        for (JsonNode timing : timings) {
            count += timing.get("name").stringValue().equals(name) ? 1 : 0;
        }
        return count;
    }

    @Test
    void startIsAnsweredWithTheToolAndItsWarmUp() {
        JsonNode response = answer("{\"id\": 0, \"kind\": \"start\", \"eval\": \"gmm\"}");

        assertEquals(0, response.get("id").intValue());
        assertEquals("microautograd", response.get("tool").stringValue());
        assertEquals(0.0, response.get("config").get("warmup_seconds").doubleValue());
    }

    @Test
    void defineSucceedsForImplementedModules() {
        for (String module : List.of("hello", "gmm", "lse", "llsq", "ode", "det", "kmeans", "ba", "ht", "lstm",
                "particle", "saddle")) {
            JsonNode response = answer("{\"id\": 7, \"kind\": \"define\", \"module\": \"" + module + "\"}");
            assertEquals(7, response.get("id").intValue());
            assertTrue(response.get("success").booleanValue(), module);
        }
    }

    @Test
    void defineDeclinesOtherNamesWithTheEvalsImplemented() {
        JsonNode unknown = answer("{\"id\": 1, \"kind\": \"define\", \"module\": \"foo\"}");
        assertFalse(unknown.get("success").booleanValue());
        assertEquals("no eval named \"foo\"; this tool implements ba, det, gmm, hello, ht, kmeans, llsq, lse, lstm,"
                + " ode, particle, saddle",
                unknown.get("error").stringValue());
    }

    @Test
    void evaluateRoundTripsTheOutput() {
        JsonNode response = answer("{\"id\": 3, \"kind\": \"evaluate\", \"module\": \"lse\", \"function\": \"gradient\","
                + " \"input\": {\"x\": [0, 0, 0, 0], \"min_runs\": 1, \"min_seconds\": 0}}");

        assertEquals(3, response.get("id").intValue());
        assertTrue(response.get("success").booleanValue());
        assertEquals(4, response.get("output").size());
        for (JsonNode partial : response.get("output")) {
            assertEquals(0.25, partial.doubleValue(), 1e-15);
        }
    }

    @Test
    void kmeansDirRoundTripsAsOneRowPerCentroid() {
        JsonNode response = answer("{\"id\": 4, \"kind\": \"evaluate\", \"module\": \"kmeans\", \"function\": \"dir\","
                + " \"input\": {\"points\": [[0, 0], [2, 4], [10, 10]], \"centroids\": [[0, 1], [9, 9]],"
                + " \"min_runs\": 1, \"min_seconds\": 0}}");

        assertTrue(response.get("success").booleanValue(), response.toString());
        // Each centroid minus the mean of its points: (0, 1) - (1, 2) and (9, 9) - (10, 10).
        assertEquals("[[-1.0,-1.0],[-1.0,-1.0]]", response.get("output").toString());
    }

    @Test
    void saddleRoundTripsTheFourCoordinatesOfItsSaddlePoint() {
        for (String function : List.of("ff", "fr", "rf", "rr")) {
            JsonNode response = answer("{\"id\": 5, \"kind\": \"evaluate\", \"module\": \"saddle\", \"function\": \""
                    + function + "\", \"input\": {\"start\": [1.0, 1.0], \"min_runs\": 1, \"min_seconds\": 0}}");
            assertTrue(response.get("success").booleanValue(), response.toString());
            assertEquals(4, response.get("output").size(), function);
            for (JsonNode coordinate : response.get("output")) {
                assertEquals(8.246324826140356e-06, coordinate.doubleValue(), 1e-9, function);
            }
        }
        JsonNode bad = answer("{\"id\": 6, \"kind\": \"evaluate\", \"module\": \"saddle\", \"function\": \"rr\","
                + " \"input\": {\"start\": [1.0], \"min_runs\": 1, \"min_seconds\": 0}}");
        assertFalse(bad.get("success").booleanValue());
        assertTrue(bad.get("error").stringValue().contains("start must have 2 numbers but has 1"), bad.toString());
    }

    @Test
    void particleRoundTripsItsControl() {
        for (String function : List.of("ff", "fr", "rf", "rr")) {
            JsonNode response = answer("{\"id\": 5, \"kind\": \"evaluate\", \"module\": \"particle\", \"function\":"
                    + " \"" + function + "\", \"input\": {\"w\": 0.0, \"min_runs\": 1, \"min_seconds\": 0}}");
            assertTrue(response.get("success").booleanValue(), response.toString());
            assertEquals(0.2071918746486116, response.get("output").doubleValue(), 1e-6, function);
        }
        JsonNode bad = answer("{\"id\": 6, \"kind\": \"evaluate\", \"module\": \"particle\", \"function\": \"rr\","
                + " \"input\": {\"min_runs\": 1, \"min_seconds\": 0}}");
        assertFalse(bad.get("success").booleanValue());
        assertTrue(bad.get("error").stringValue().contains("the input has no field \"w\""), bad.toString());
    }

    @Test
    void baRoundTripsAsManualSendsIt() {
        String input = "\"input\": {\"n\": 2, \"m\": 3, \"p\": 16, \"cam\": [0, 0, 0, 0, 0, 0, 2, 0.5, -0.5, 0, 0],"
                + " \"x\": [1, 2, 4], \"w\": 3, \"feat\": [0.25, 0.75], \"min_runs\": 1, \"min_seconds\": 0}}";
        JsonNode objective = answer("{\"id\": 4, \"kind\": \"evaluate\", \"module\": \"ba\", \"function\":"
                + " \"objective\", " + input);
        // No rotation or distortion: 3 * (2 * (1, 2) / 4 + (0.5, -0.5) - (0.25, 0.75)), and 1 - 3^2.
        assertEquals("[2.25,-0.75]", objective.get("output").get("reproj_error").get("elements").toString());
        assertEquals(16, objective.get("output").get("reproj_error").get("repeated").intValue());
        assertEquals(-8.0, objective.get("output").get("w_err").get("element").doubleValue());
        assertEquals(16, objective.get("output").get("w_err").get("repeated").intValue());
        JsonNode jacobian = answer("{\"id\": 5, \"kind\": \"evaluate\", \"module\": \"ba\", \"function\":"
                + " \"jacobian\", " + input).get("output");
        StringBuilder rows = new StringBuilder();
        StringBuilder cols = new StringBuilder();
        for (int k = 0; k < 30; k++) {
            rows.append(15 * k).append(',');
            // Observation 0 sees point 0 from camera 0: camera columns 0-10, point columns 22-24, weight column 31.
            int c = k % 15;
            cols.append(c < 11 ? c : c < 14 ? 22 + c - 11 : 31).append(',');
        }
        assertEquals("[" + rows + (30 * 16 + 16) + "]", jacobian.get("rows").toString());
        // The last row is the last weight's: column 22 + 9 + 15, value -2w.
        assertEquals("[" + cols + 46 + "]", jacobian.get("cols").toString());
        assertEquals(-6.0, jacobian.get("vals").get(30).doubleValue());
        // d error[0] / d f = 3 * 1 / 4 and d error[1] / d point[2] = 3 * 2 * -2 / 16.
        assertEquals(0.75, jacobian.get("vals").get(6).doubleValue(), 1e-15);
        assertEquals(-0.75, jacobian.get("vals").get(15 + 13).doubleValue(), 1e-15);
    }

    @Test
    void helloSquaresAndDoubles() {
        JsonNode square = answer("{\"id\": 2, \"kind\": \"evaluate\", \"module\": \"hello\", \"function\": \"square\", \"input\": 3.0}");
        JsonNode twice = answer("{\"id\": 4, \"kind\": \"evaluate\", \"module\": \"hello\", \"function\": \"double\", \"input\": 9.0}");

        assertEquals(9.0, square.get("output").doubleValue());
        assertEquals(18.0, twice.get("output").doubleValue());
        assertEquals(1, count(square.get("timings"), Timing.EVALUATE));
    }

    @Test
    void evaluateRunsMinRunsTimesEachTimed() {
        JsonNode response = answer("{\"id\": 5, \"kind\": \"evaluate\", \"module\": \"llsq\", \"function\": \"primal\","
                + " \"input\": {\"x\": [1, 2], \"n\": 3, \"min_runs\": 7, \"min_seconds\": 0}}");

        assertEquals(7, count(response.get("timings"), Timing.EVALUATE));
        assertEquals(7, response.get("timings").size());
    }

    @Test
    void evaluateRunsForAtLeastMinSeconds() {
        JsonNode response = answer("{\"id\": 5, \"kind\": \"evaluate\", \"module\": \"llsq\", \"function\": \"gradient\","
                + " \"input\": {\"x\": [1, 2], \"n\": 100, \"min_runs\": 1, \"min_seconds\": 0.05}}");

        long total = 0;
        for (JsonNode timing : response.get("timings")) {
            total += timing.get("nanoseconds").longValue();
        }
        assertTrue(total >= 50_000_000L, "timed " + total + " ns");
        assertTrue(count(response.get("timings"), Timing.EVALUATE) > 1);
    }

    @Test
    void warmUpIsOneUntimedTimingBeforeTheRuns() {
        Session warming = new Session(Catalog.evals(), 0.02);
        JsonNode timings = answer(warming, "{\"id\": 5, \"kind\": \"evaluate\", \"module\": \"lse\", \"function\": \"primal\","
                + " \"input\": {\"x\": [1, 2], \"min_runs\": 2, \"min_seconds\": 0}}").get("timings");

        assertEquals(3, timings.size());
        assertEquals(Timing.WARMUP, timings.get(0).get("name").stringValue());
        assertTrue(timings.get(0).get("nanoseconds").longValue() >= 20_000_000L);
        assertEquals(2, count(timings, Timing.EVALUATE));
    }

    @Test
    void badInputFailsTheEvaluateWithTheFieldAtFault() {
        assertEquals("the input has no field \"x\"", error("lse", "gradient", "{\"y\": [1]}"));
        assertEquals("x[1] must be a number but is \"a\"", error("lse", "gradient", "{\"x\": [1, \"a\"]}"));
        assertEquals("n must be an integer but is 2.5", error("llsq", "primal", "{\"x\": [1], \"n\": 2.5}"));
        assertEquals("x must not be empty: the log-sum-exp of nothing is -infinity",
                error("lse", "primal", "{\"x\": []}"));
        assertEquals("min_runs must be at least 1 but is 0",
                error("lse", "primal", "{\"x\": [1], \"min_runs\": 0, \"min_seconds\": 0}"));
        assertEquals("mu[1] must have 2 numbers but has 1", error("gmm", "jacobian",
                "{\"d\": 2, \"k\": 2, \"n\": 1, \"m\": 0, \"gamma\": 1, \"x\": [[0, 0]], \"alpha\": [0, 0],"
                        + " \"mu\": [[0, 0], [0]], \"q\": [[0, 0], [0, 0]], \"l\": [[0], [0]]}"));
        assertEquals("A must have ell * ell = 4 elements but has 3",
                error("det", "gradient", "{\"A\": [1, 2, 3], \"ell\": 2}"));
        assertEquals("ell must be from 1 to 16 but is 17", error("det", "primal", "{\"A\": [1], \"ell\": 17}"));
        assertEquals("module gmm has no function \"gradient\"; it has jacobian, objective",
                error("gmm", "gradient", "{}"));
        assertEquals("points[1] must have 2 numbers but has 1",
                error("kmeans", "dir", "{\"points\": [[0, 1], [2]], \"centroids\": [[0, 0]]}"));
        assertEquals("kmeans needs at least one point and one centroid of at least one coordinate, but has 1 points"
                + " and 0 centroids", error("kmeans", "cost", "{\"points\": [[0, 1]], \"centroids\": []}"));
        assertEquals("centroids[1] is the nearest centroid of no point: the Hessian is 0 there, so there is no"
                + " Newton direction", error("kmeans", "dir", "{\"points\": [[0], [1]], \"centroids\": [[0], [5]]}"));
    }

    @Test
    void baInputErrorsNameTheField() {
        assertEquals("cam must have 11 numbers but has 2", error("ba", "jacobian", "{\"n\": 1, \"m\": 1, \"p\": 15,"
                + " \"cam\": [1, 2], \"x\": [1, 2, 3], \"w\": 1, \"feat\": [0, 0]}"));
        assertEquals("ba needs n, m >= 1 and p >= 15 (the first 30 entries of the Jacobian are sent), but n = 1,"
                + " m = 0, p = 15", error("ba", "objective", "{\"n\": 1, \"m\": 0, \"p\": 15, \"cam\": [],"
                + " \"x\": [], \"w\": 1, \"feat\": []}"));
    }

    private String error(String module, String function, String input) {
        JsonNode response = answer("{\"id\": 9, \"kind\": \"evaluate\", \"module\": \"" + module
                + "\", \"function\": \"" + function + "\", \"input\": " + input + "}");
        assertFalse(response.get("success").booleanValue(), response.toString());
        assertFalse(response.has("output"));
        return response.get("error").stringValue();
    }

    @Test
    void analysisAndUnknownKindsGetTheIdAlone() {
        assertEquals("{\"id\":6}", session.respond("{\"id\": 6, \"kind\": \"analysis\", \"of\": 5, \"valid\": true}"));
        assertEquals("{\"id\":8}", session.respond("{\"id\": 8, \"kind\": \"end\"}"));
    }

    @Test
    void linesThatAreNotMessagesEndTheSession() {
        ProtocolException notJson = assertThrows(ProtocolException.class, () -> session.respond("{\"id\": 1,"));
        assertTrue(notJson.getMessage().startsWith("not a JSON message: "), notJson.getMessage());
        ProtocolException noId = assertThrows(ProtocolException.class,
                () -> session.respond("{\"kind\": \"start\"}"));
        assertEquals("a message needs an integer \"id\" and a string \"kind\": {\"kind\": \"start\"}", noId.getMessage());
    }

    @Test
    void runAnswersEachLineOnItsOwnLine() throws IOException {
        StringWriter out = new StringWriter();
        session.run(new BufferedReader(new StringReader("{\"id\": 0, \"kind\": \"start\"}\n\n"
                + "{\"id\": 1, \"kind\": \"define\", \"module\": \"hello\"}\n")), out);

        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length);
        assertEquals("{\"id\":1,\"success\":true}", lines[1]);
    }
}
