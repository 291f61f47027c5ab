package dev.replicasmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed MCP messages over stdio, written raw to the packaged server: each request gets a JSON-RPC
 * error naming what is wrong (with its id), a tool error is a result with text only, a response to no
 * pending request and a malformed notification get no answer, and no line carries Java text.
 */
class MalformedStdioIT {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"malformed","version":"1.0"}}}""";

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    @Test
    void malformedMessagesAreAnsweredByNameAndTheServerGoesOn() throws Exception {
        List<String> lines = exchange(List.of(
                INITIALIZE,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                call(2, "null"),
                call(3, "[]"),
                call(4, "{\"arguments\":{}}"),
                call(5, "{\"name\":\"list_replicas\",\"arguments\":\"x\"}"),
                call(6, "{\"name\":\"foo\",\"arguments\":{}}"),
                call(7, "{\"name\":\"get_replica\",\"arguments\":{}}"),
                "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"bad\"}}",
                "[{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}]",
                "{\"jsonrpc\":\"2.0\",\"id\":77,\"result\":null}",
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\",\"params\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":[]}",
                "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"ping\"}"));

        Map<Integer, JsonNode> byId = new HashMap<>();
        List<JsonNode> withoutId = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).as("no Java text on the wire").doesNotContain("Exception", "java.", "`", "jackson");
            JsonNode message = ServerProcess.parse(line);
            if (message.path("id").isNull()) {
                withoutId.add(message);
            } else if (message.has("id")) {
                assertThat(byId.put(message.path("id").asInt(), message))
                        .as("one answer per id")
                        .isNull();
            }
        }
        assertThat(byId.keySet())
                .as("every request answered, responses left alone")
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 9, 10);
        assertThat(error(byId.get(2), -32602)).contains("tools/call needs 'params'");
        assertThat(error(byId.get(3), -32602)).contains("'params'", "an array");
        assertThat(error(byId.get(4), -32602)).contains("'name'");
        assertThat(error(byId.get(5), -32602)).contains("'arguments'", "a string");
        assertThat(error(byId.get(6), -32602)).startsWith("Unknown tool 'foo'.");
        JsonNode toolError = byId.get(7).path("result");
        assertThat(toolError.path("isError").asBoolean()).isTrue();
        assertThat(toolError.has("structuredContent"))
                .as("a tool error has text only")
                .isFalse();
        assertThat(toolError.path("content").get(0).path("text").asText()).contains("'replica_id' is required");
        assertThat(error(byId.get(9), -32602)).contains("'params' of tools/list");
        assertThat(byId.get(10).has("result")).as("the server goes on").isTrue();
        assertThat(withoutId)
                .as("the batch and the broken response are answered without an id")
                .extracting(m -> error(m, -32600))
                .satisfiesExactlyInAnyOrder(
                        text -> assertThat(text).contains("batches"),
                        text -> assertThat(text).contains("exactly one"));
    }

    private static String error(JsonNode message, int code) {
        assertThat(message.path("error").path("code").asInt()).as("%s", message).isEqualTo(code);
        return message.path("error").path("message").asText();
    }

    @Test
    void replicasLogLevelSetsHowMuchTheServerLogs() throws Exception {
        List<String> input = List.of(
                INITIALIZE,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"bad\"}}");
        StringBuffer plain = new StringBuffer();
        exchange(input, Map.of(), plain);
        StringBuffer debug = new StringBuffer();
        exchange(input, Map.of("REPLICAS_LOG_LEVEL", "DEBUG"), debug);
        String dropped = "Dropped a response without an id";
        assertThat(plain.toString()).contains("INFO StdioServer - replicas-mcp").doesNotContain(dropped);
        assertThat(debug.toString()).contains("DEBUG StdioInput - " + dropped);
    }

    /** Writes the lines to a fresh server, closes stdin and answers every line it printed. */
    private List<String> exchange(List<String> input) throws Exception {
        return exchange(input, Map.of(), new StringBuffer());
    }

    /** The same, with these environment variables, keeping what it wrote on stderr. */
    private List<String> exchange(List<String> input, Map<String, String> env, StringBuffer stderr) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command(tmp.resolve("data"), 0));
        builder.environment().putAll(env);
        Process process = builder.start();
        logs.track("raw server " + env, stderr::toString);
        CompletableFuture<Void> errors = CompletableFuture.runAsync(() -> readAll(process.getErrorStream())
                .forEach(line -> stderr.append(line).append('\n')));
        try {
            CompletableFuture<List<String>> lines =
                    CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            OutputStream stdin = process.getOutputStream();
            for (String line : input) {
                stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
            stdin.close();
            assertThat(process.waitFor(20, TimeUnit.SECONDS))
                    .as("the server exits once stdin closes")
                    .isTrue();
            assertThat(process.exitValue()).isZero();
            errors.get(10, TimeUnit.SECONDS);
            return lines.get(10, TimeUnit.SECONDS);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String call(int id, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":" + params + "}";
    }

    private static List<String> readAll(java.io.InputStream stream) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }
}
