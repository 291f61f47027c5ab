package dev.replicasmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.mcp.ToolCatalog;
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
 * Stdout belongs to the protocol: with a raw process (no SDK client in between), every line the server
 * prints must be a JSON-RPC 2.0 message, every request must be answered, and closing stdin must end
 * the process cleanly.
 */
class StdoutPurityIT {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"stdout-purity","version":"1.0"}}}""";
    private static final List<String> AFTER_INITIALIZE = List.of(
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            call(3, "list_repositories", "{}"),
            call(4, "get_replica", "{\"replica_id\":\"00000000-0000-4000-8000-000000000000\"}"),
            call(5, "list_replicas", "{\"limit\":\"abc\"}"),
            call(6, "add_repository", "{\"location\":\"/definitely/not/a/repository\"}"),
            call(7, "no_such_tool", "{}"));

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    @Test
    void stdoutCarriesOnlyJsonRpcAndTheServerExitsWhenStdinCloses() throws Exception {
        Process process = new ProcessBuilder(ServerProcess.command(tmp.resolve("data"), 0)).start();
        StringBuffer stderr = new StringBuffer();
        logs.track("raw server", stderr::toString);
        CompletableFuture.runAsync(() -> readAll(
                        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)))
                .forEach(line -> stderr.append(line).append('\n')));
        try {
            BufferedReader stdout =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> readAll(stdout));
            OutputStream stdin = process.getOutputStream();
            write(stdin, INITIALIZE);
            for (String line : AFTER_INITIALIZE) {
                write(stdin, line);
            }
            stdin.close();

            // Generous: a loaded machine may take a while to start the JVM; what matters is that it exits.
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the server exits by itself once stdin closes")
                    .isTrue();
            assertThat(process.exitValue()).as("exit code").isZero();

            List<String> output = lines.get(30, TimeUnit.SECONDS);
            Map<Integer, JsonNode> responses = new HashMap<>();
            for (String line : output) {
                JsonNode message = ServerProcess.parse(line);
                assertThat(message.isObject()).as("a JSON object: %s", line).isTrue();
                assertThat(message.path("jsonrpc").asText())
                        .as("jsonrpc of %s", line)
                        .isEqualTo("2.0");
                boolean response = message.has("id") && (message.has("result") ^ message.has("error"));
                boolean notification = message.has("method") && !message.has("id");
                assertThat(response || notification)
                        .as("a response or a notification: %s", line)
                        .isTrue();
                if (response) {
                    assertThat(responses.put(message.path("id").asInt(), message))
                            .as("one answer per id")
                            .isNull();
                }
            }

            assertThat(responses.keySet())
                    .as("ids answered: every request read before stdin closed")
                    .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
            assertThat(responses
                            .get(1)
                            .path("result")
                            .path("serverInfo")
                            .path("name")
                            .asText())
                    .isEqualTo("replicas-mcp");
            assertThat(responses.get(2).path("result").path("tools"))
                    .hasSize(ToolCatalog.standard().specs().size());
            assertThat(responses.get(3).path("result").path("isError").asBoolean())
                    .isFalse();
            assertThat(responses
                            .get(3)
                            .path("result")
                            .path("structuredContent")
                            .path("repositories")
                            .isArray())
                    .isTrue();
            for (int id : List.of(4, 5, 6)) {
                assertThat(responses.get(id).path("result").path("isError").asBoolean())
                        .as("id %s", id)
                        .isTrue();
            }
            assertThat(responses.get(4).toString()).contains("00000000-0000-4000-8000-000000000000");
            assertThat(responses.get(5).toString()).contains("limit");
            assertThat(responses.get(6).toString()).contains("location");
            assertThat(responses.get(7).path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(responses.get(7).path("error").path("message").asText()).contains("'no_such_tool'");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void linesThatAreNotJsonRpcAreAnsweredWithAParseErrorAndTheServerKeepsReading() throws Exception {
        Process process = new ProcessBuilder(ServerProcess.command(tmp.resolve("data"), 0)).start();
        StringBuffer stderr = new StringBuffer();
        logs.track("raw server", stderr::toString);
        CompletableFuture.runAsync(() -> readAll(
                        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)))
                .forEach(line -> stderr.append(line).append('\n')));
        try {
            CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> readAll(
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))));
            OutputStream stdin = process.getOutputStream();
            write(stdin, INITIALIZE);
            write(stdin, AFTER_INITIALIZE.get(0));
            for (String garbage : List.of(
                    "not json at all",
                    "",
                    "   ",
                    "[1, 2]",
                    "{\"jsonrpc\":\"2.0\"}",
                    "{\"secret\": \"garbage-secret-7f1c\"")) {
                write(stdin, garbage);
            }
            write(stdin, AFTER_INITIALIZE.get(1));
            write(stdin, call(3, "list_repositories", "{}"));
            stdin.close();

            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the server still exits once stdin closes")
                    .isTrue();
            assertThat(process.exitValue()).isZero();
            List<JsonNode> messages = lines.get(30, TimeUnit.SECONDS).stream()
                    .map(ServerProcess::parse)
                    .toList();
            assertThat(messages)
                    .filteredOn(m -> m.has("error"))
                    .as("one error per non-blank line that is not a message")
                    .hasSize(4)
                    .allSatisfy(m -> assertThat(m.get("id").isNull()).isTrue())
                    .extracting(m -> m.path("error").path("code").asInt())
                    .as("not JSON: parse error; JSON but not a message: invalid request")
                    .containsExactlyInAnyOrder(-32700, -32600, -32600, -32700);
            assertThat(messages)
                    .filteredOn(m -> m.path("id").asInt() == 2)
                    .singleElement()
                    .satisfies(m -> assertThat(m.path("result").path("tools"))
                            .hasSize(ToolCatalog.standard().specs().size()));
            assertThat(messages)
                    .filteredOn(m -> m.path("id").asInt() == 3)
                    .singleElement()
                    .satisfies(m -> assertThat(m.path("result").path("isError").asBoolean())
                            .isFalse());
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> stderr.toString().contains("not a well-formed JSON-RPC message"));
            assertThat(stderr.toString()).as("the line is never echoed").doesNotContain("garbage-secret-7f1c");
        } finally {
            process.destroyForcibly();
        }
    }

    private static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static void write(OutputStream stdin, String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private static List<String> readAll(BufferedReader reader) {
        List<String> lines = new ArrayList<>();
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }
}
