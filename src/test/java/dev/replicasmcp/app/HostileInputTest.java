package dev.replicasmcp.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.support.Contract;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.TestCore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile-input corpus over every tool (MCP over Streamable HTTP) and every documented /v1 route:
 * each answer is a success or a clear error, never a 5xx, an internal JSON-RPC error, a Java class name,
 * a stack trace or a wait over 5 s; no injected command runs; the server stays up and its database is intact.
 */
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    /** What a leaked exception looks like: a JVM package name, an exception's name, a stack frame. */
    private static final Pattern LEAK = Pattern.compile(
            "\\b(java|javax|jakarta|sun|com\\.fasterxml|io\\.modelcontextprotocol|org\\.eclipse|io\\.javalin|"
                    + "org\\.sqlite|org\\.jooq|dev\\.replicasmcp)\\.[a-z]|Exception\\b|\\tat |`[A-Za-z]+\\.[a-z]+\\w*\\(\\)`");

    private static final int PER_FIELD = 5;
    /** The tools that run the hook script they are given (in a scratch workspace). */
    private static final java.util.Set<String> RUNS_ITS_CONTENT =
            java.util.Set.of("test_start_hook", "test_warm_hook", "save_and_test_warm_hook");

    @TempDir
    static Path dir;

    static HttpFixture http;
    static HostileValues hostile;
    static Path marker;
    static Map<String, String> ids = new LinkedHashMap<>();
    static String session;
    static int counter;

    @BeforeAll
    static void start() throws Exception {
        http = HttpFixture.start(dir);
        marker = dir.resolve("injected-command-ran");
        hostile = new HostileValues(marker);
        Repository repository = http.core.repository("target");
        Environment environment = http.core
                .services
                .environments()
                .create(http.core.caller, "target-env", null, repository.id(), null, null);
        Replica replica = http.core
                .services
                .replicas()
                .create(http.core.caller, TestCore.create("target", "hi", environment.id()))
                .replica();
        ids.put("repository_id", repository.id());
        ids.put("environment_id", environment.id());
        ids.put("replica_id", replica.id());
        ids.put(
                "chat_id",
                http.core
                        .services
                        .chats()
                        .list(http.core.caller, replica.id())
                        .chats()
                        .get(0)
                        .id());
        session = McpSession.open(http);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            assertThat(http.get("/v1/replica").status())
                    .as("the server still answers")
                    .isEqualTo(200);
            assertThat(marker).as("no injected command ran").doesNotExist();
            try (var db = DriverManager.getConnection(
                            "jdbc:sqlite:" + http.core.dataDir().resolve("replicas.db"));
                    ResultSet check = db.createStatement().executeQuery("PRAGMA integrity_check")) {
                assertThat(check.next()).isTrue();
                assertThat(check.getString(1)).isEqualTo("ok");
            }
        } finally {
            http.close();
        }
    }

    @Test
    void everyToolAnswersHostileArgumentsWithAResultOrAClearError() throws Exception {
        List<JsonNode> tools = new ArrayList<>();
        McpSession.call(http, session, "tools/list", Map.of(), Duration.ofSeconds(30))
                .message()
                .path("result")
                .path("tools")
                .forEach(tools::add);
        // Deleting tools last, so the other tools meet the replica, chat and environment that exist.
        tools.sort((a, b) -> Boolean.compare(
                a.path("name").asText().startsWith("delete_"),
                b.path("name").asText().startsWith("delete_")));
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (JsonNode tool : tools) {
            String name = tool.path("name").asText();
            JsonNode properties = tool.path("inputSchema").path("properties");
            List<Map<String, Object>> calls = new ArrayList<>();
            calls.add(new LinkedHashMap<>());
            Map<String, Object> extra = base(properties);
            extra.put("unexpected_field", hostile.get(counter++));
            calls.add(extra);
            for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (RUNS_ITS_CONTENT.contains(name) && field.equals("content")) {
                    // Running the script it is given is this tool's job: a `$(touch …)` there is no injection.
                    continue;
                }
                for (int i = 0; i < PER_FIELD; i++) {
                    Map<String, Object> args = base(properties);
                    args.put(field, hostile.get(counter++));
                    calls.add(args);
                }
            }
            for (Map<String, Object> args : calls) {
                cases++;
                toolCase(name, args).ifPresent(failures::add);
            }
        }
        System.out.printf("hostile corpus: %d tool calls over %d tools%n", cases, tools.size());
        assertThat(cases).as("cases over %s tools", tools.size()).isGreaterThanOrEqualTo(400);
        assertThat(failures).as("hostile tool calls answered badly").isEmpty();
    }

    @Test
    void everyRestRouteAnswersHostileInputWithAStatusBelow500() throws Exception {
        JsonNode document = JSON.readTree(Files.readString(Contract.DOCUMENT));
        List<RestCase> cases = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    cases.addAll(RestCases.of(document, path.getKey(), method, op.getValue(), ids, hostile));
                }
            }
        }
        // Deletions last, so the other requests meet the replica, chat and environment that exist.
        cases.sort((a, b) ->
                Boolean.compare(a.method().equals("DELETE"), b.method().equals("DELETE")));
        List<String> failures = new ArrayList<>();
        for (RestCase c : cases) {
            restCase(c).ifPresent(failures::add);
        }
        System.out.printf("hostile corpus: %d REST requests%n", cases.size());
        assertThat(cases).as("cases over the documented routes").hasSizeGreaterThanOrEqualTo(300);
        assertThat(failures).as("hostile REST requests answered badly").isEmpty();
    }

    /** Every property filled with a value that passes (real ids for ids), so one hostile value is all that is off. */
    private static Map<String, Object> base(JsonNode properties) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (ids.containsKey(field)) {
                args.put(field, ids.get(field));
            }
        }
        return args;
    }

    private static java.util.Optional<String> toolCase(String tool, Map<String, Object> args) throws Exception {
        String what = tool + " " + abbreviate(JSON.writeValueAsString(args));
        long started = System.nanoTime();
        McpSession.Answer answer;
        try {
            answer = McpSession.call(http, session, "tools/call", Map.of("name", tool, "arguments", args), PATIENCE);
        } catch (HttpTimeoutException e) {
            return java.util.Optional.of(what + ": no answer within " + PATIENCE.toSeconds() + " s");
        }
        JsonNode message = answer.message();
        if (!message.has("result") && !message.has("error")) {
            return java.util.Optional.of(what + ": no JSON-RPC answer but " + abbreviate(answer.raw()));
        }
        return problem(what, answer.status(), answer.raw(), started)
                .or(() -> message.path("error").path("code").asInt() == -32603
                        ? java.util.Optional.of(what + ": internal error " + abbreviate(answer.raw()))
                        : java.util.Optional.empty());
    }

    private static java.util.Optional<String> restCase(RestCase c) throws Exception {
        String what = c.method() + " " + abbreviate(c.path()) + " " + abbreviate(c.body() == null ? "" : c.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base + c.path()))
                .timeout(PATIENCE)
                .header("Authorization", "Bearer " + http.key)
                .header("Content-Type", "application/json")
                .method(
                        c.method(),
                        c.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(c.body()));
        long started = System.nanoTime();
        try {
            HttpResponse<java.io.InputStream> response =
                    http.client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            String body;
            try (java.io.InputStream in = response.body()) {
                // An event stream that opened is a success; it is closed at once.
                body = type.startsWith("text/event-stream")
                        ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!type.startsWith("text/event-stream") && !type.startsWith("application/json")) {
                return java.util.Optional.of(what + ": answered " + type + " " + abbreviate(body));
            }
            return problem(what, response.statusCode(), body, started);
        } catch (HttpTimeoutException e) {
            return java.util.Optional.of(what + ": no answer within " + PATIENCE.toSeconds() + " s");
        } catch (java.io.IOException e) {
            return java.util.Optional.of(what + ": no HTTP answer (" + e.getMessage() + ")");
        }
    }

    private static java.util.Optional<String> problem(String what, int status, String body, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (status >= 500) {
            return java.util.Optional.of(what + ": status " + status + " " + abbreviate(body));
        }
        if (LEAK.matcher(body).find()) {
            return java.util.Optional.of(what + ": Java text in " + abbreviate(body));
        }
        if (millis > PATIENCE.toMillis()) {
            return java.util.Optional.of(what + ": took " + millis + " ms");
        }
        return java.util.Optional.empty();
    }

    static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
