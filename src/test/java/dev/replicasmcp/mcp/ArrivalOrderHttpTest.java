package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.support.HttpFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 send_replica_message calls POSTed on one MCP session one after the other, without waiting for any
 * answer, are queued in the order the server received them, though each has a connection and a thread
 * of its own.
 */
class ArrivalOrderHttpTest {

    static final int SENDS = 200;

    @TempDir
    Path dir;

    @Test
    void sendsPostedWithoutWaitingAreQueuedInArrivalOrder() throws Exception {
        // The first turn lasts far longer than the test: every send after it waits in the queue.
        try (HttpFixture http = HttpFixture.start(dir, Duration.ofMinutes(10), Duration.ofMillis(300))) {
            var repository = http.core.repository("order-http");
            var environment = http.core
                    .services
                    .environments()
                    .create(http.core.caller, "order-env", null, repository.id(), null, null);
            String replicaId = http.post(
                            "/v1/replica",
                            Map.of("name", "ordered", "message", "first", "environment_id", environment.id()))
                    .expect(201)
                    .path("replica")
                    .path("id")
                    .asText();

            HttpResponse<String> init = http.client.send(
                    post(
                            http,
                            null,
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                                    + "\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                                    + "\"clientInfo\":{\"name\":\"order\",\"version\":\"1\"}}}"),
                    HttpResponse.BodyHandlers.ofString());
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            assertThat(http.client
                            .send(
                                    post(
                                            http,
                                            session,
                                            "{\"jsonrpc\":\"2.0\",\"method\":" + "\"notifications/initialized\"}"),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(202);

            // Each POST on a connection of its own, all open at once; each waits only until the server has
            // started reading it (100 Continue), not for its answer, before the next one goes.
            int port = URI.create(http.base).getPort();
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < SENDS; i++) {
                    byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + (100 + i) + ",\"method\":\"tools/call\",\"params\":"
                                    + "{\"name\":\"send_replica_message\",\"arguments\":{\"replica_id\":\"" + replicaId
                                    + "\",\"message\":\"m" + i + "\"}}}")
                            .getBytes(StandardCharsets.UTF_8);
                    Socket socket = new Socket("127.0.0.1", port);
                    socket.setSoTimeout(60_000);
                    sockets.add(socket);
                    String head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                            + http.key + "\r\nContent-Type: application/json\r\nAccept: application/json, "
                            + "text/event-stream\r\nMcp-Session-Id: " + session + "\r\nContent-Length: " + body.length
                            + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
                    OutputStream out = socket.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 100");
                    out.write(body);
                    out.flush();
                }
                List<Integer> positions = new ArrayList<>();
                for (Socket socket : sockets) {
                    JsonNode result = message(
                                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                            .path("result");
                    assertThat(result.path("isError").asBoolean())
                            .as("%s", result)
                            .isFalse();
                    positions.add(
                            result.path("structuredContent").path("position").asInt());
                }
                List<Integer> expected = new ArrayList<>();
                for (int i = 1; i <= SENDS; i++) {
                    expected.add(i);
                }
                assertThat(positions).containsExactlyElementsOf(expected);
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    /** The status line and headers of an interim answer, read byte by byte up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static HttpRequest post(HttpFixture http, String session, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base + "/mcp"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + http.key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return request.build();
    }

    /** The JSON-RPC message of a whole HTTP answer: the data line of its event stream, or its JSON body. */
    private static JsonNode message(String answer) throws Exception {
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        String json = body.lines()
                .filter(line -> line.startsWith("data:"))
                .map(line -> line.substring(5).strip())
                .reduce((a, b) -> b)
                .orElseGet(() -> body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1));
        return HttpFixture.JSON.readTree(json);
    }
}
