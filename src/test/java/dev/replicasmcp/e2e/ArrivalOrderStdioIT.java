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
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 send_replica_message calls written to the packaged server's stdin in one go, without waiting for
 * any answer, are queued in the order they were written, though the server handles calls concurrently.
 */
class ArrivalOrderStdioIT {

    static final int SENDS = 200;

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    @Test
    void pipelinedSendsAreQueuedInTheOrderTheyWereWritten() throws Exception {
        Path repo = ServerProcess.gitRepository(tmp.resolve("order-repo"));
        // The first turn lasts far longer than the test: every send after it waits in the queue.
        Process process = new ProcessBuilder(ServerProcess.command(tmp.resolve("data"), 600_000)).start();
        StringBuffer stderr = new StringBuffer();
        logs.track("raw server", stderr::toString);
        CompletableFuture.runAsync(() ->
                lines(process.getErrorStream(), line -> stderr.append(line).append('\n')));
        Map<Integer, JsonNode> answers = new ConcurrentHashMap<>();
        BlockingQueue<Integer> arrived = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> lines(process.getInputStream(), line -> {
            JsonNode message = ServerProcess.parse(line);
            if (message.has("id")) {
                answers.put(message.path("id").asInt(), message);
                arrived.add(message.path("id").asInt());
            }
        }));
        try (OutputStream stdin = process.getOutputStream()) {
            write(
                    stdin,
                    List.of(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"order\",\"version\":\"1\"}}}",
                            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
            await(arrived, answers, 1);
            String repoId = call(stdin, arrived, answers, 2, "add_repository", "{\"location\":\"" + repo + "\"}")
                    .path("repository")
                    .path("id")
                    .asText();
            String envId = call(
                            stdin,
                            arrived,
                            answers,
                            3,
                            "create_environment",
                            "{\"name\":\"order\",\"repository_id\":\"" + repoId + "\"}")
                    .path("environment")
                    .path("id")
                    .asText();
            String replicaId = call(
                            stdin,
                            arrived,
                            answers,
                            4,
                            "create_replica",
                            "{\"name\":\"order\"," + "\"message\":\"first\",\"environment_id\":\"" + envId + "\"}")
                    .path("replica")
                    .path("id")
                    .asText();

            List<String> sends = new ArrayList<>();
            for (int i = 0; i < SENDS; i++) {
                sends.add(request(
                        100 + i,
                        "send_replica_message",
                        "{\"replica_id\":\"" + replicaId + "\",\"message\":\"m" + i + "\"}"));
            }
            // One write: the server reads all of them before it has answered any.
            stdin.write((String.join("\n", sends) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            for (int i = 0; i < SENDS; i++) {
                await(arrived, answers, 100 + i);
            }
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < SENDS; i++) {
                JsonNode ack = result(answers.get(100 + i));
                assertThat(ack.path("status").asText()).as("send %d", i).isEqualTo("queued");
                positions.add(ack.path("position").asInt());
            }
            // Position n in the queue went to the n-th line written: the queue is in arrival order.
            List<Integer> expected = new ArrayList<>();
            for (int i = 1; i <= SENDS; i++) {
                expected.add(i);
            }
            assertThat(positions).containsExactlyElementsOf(expected);
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static JsonNode call(
            OutputStream stdin,
            BlockingQueue<Integer> arrived,
            Map<Integer, JsonNode> answers,
            int id,
            String tool,
            String arguments)
            throws Exception {
        write(stdin, List.of(request(id, tool, arguments)));
        await(arrived, answers, id);
        return result(answers.get(id));
    }

    private static JsonNode result(JsonNode answer) {
        JsonNode result = answer.path("result");
        assertThat(result.path("isError").asBoolean()).as("%s", answer).isFalse();
        return result.path("structuredContent");
    }

    private static String request(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static void write(OutputStream stdin, List<String> lines) throws IOException {
        for (String line : lines) {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        stdin.flush();
    }

    private static void await(BlockingQueue<Integer> arrived, Map<Integer, JsonNode> answers, int id)
            throws InterruptedException {
        while (!answers.containsKey(id)) {
            assertThat(arrived.poll(60, TimeUnit.SECONDS))
                    .as("an answer to request %d", id)
                    .isNotNull();
        }
    }

    private static void lines(java.io.InputStream stream, java.util.function.Consumer<String> each) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                each.accept(line);
            }
        } catch (IOException e) {
            // The process is gone.
        }
    }
}
