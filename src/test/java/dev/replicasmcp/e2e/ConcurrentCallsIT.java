package dev.replicasmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many calls in flight at once: the server answers each tool call on its own thread, so its answers are
 * sent concurrently, and every one must reach stdout. A raw process is used because the SDK's client
 * cannot send from several threads at once itself.
 */
class ConcurrentCallsIT {

    static final int CALLS = 600;
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"burst\","
            + "\"version\":\"1.0\"}}}";

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    @Test
    void everyCallOfABurstIsAnswered() throws Exception {
        Process process = new ProcessBuilder(ServerProcess.command(tmp.resolve("data"), 0)).start();
        StringBuffer stderr = new StringBuffer();
        logs.track("burst server", stderr::toString);
        CompletableFuture.runAsync(
                () -> new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))
                        .lines()
                        .forEach(line -> stderr.append(line).append('\n')));
        Set<Integer> answered = new TreeSet<>();
        try {
            BufferedReader stdout =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            OutputStream stdin = process.getOutputStream();
            write(stdin, INITIALIZE);
            assertThat(ServerProcess.parse(stdout.readLine()).path("id").asInt())
                    .isZero();
            write(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            StringBuilder burst = new StringBuilder();
            for (int id = 1; id <= CALLS; id++) {
                String tool = id % 2 == 0 ? "list_environments" : "search_skill_catalog";
                burst.append("{\"jsonrpc\":\"2.0\",\"id\":")
                        .append(id)
                        .append(",\"method\":\"tools/call\",")
                        .append("\"params\":{\"name\":\"")
                        .append(tool)
                        .append("\",\"arguments\":{}}}\n");
            }
            stdin.write(burst.toString().getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
                try {
                    while (answered.size() < CALLS) {
                        JsonNode message = ServerProcess.parse(stdout.readLine());
                        assertThat(message.path("result").path("isError").asBoolean())
                                .as("%s", message)
                                .isFalse();
                        synchronized (answered) {
                            answered.add(message.path("id").asInt());
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                reading.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // reported below with the count
            }
            synchronized (answered) {
                assertThat(answered).as("ids answered of %s", CALLS).hasSize(CALLS);
            }
            stdin.close();
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    private static void write(OutputStream stdin, String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }
}
