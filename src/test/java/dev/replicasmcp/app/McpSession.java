package dev.replicasmcp.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.support.HttpFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A bare MCP session over Streamable HTTP: JSON-RPC posted as it is, answers read as they come back. */
final class McpSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger(1);

    /** One answer: its HTTP status, the raw body and the JSON-RPC message in it (missing when there is none). */
    record Answer(int status, String raw, JsonNode message) {}

    private McpSession() {}

    /** Initializes a session with the fixture's key and returns its id. */
    static String open(HttpFixture http) throws Exception {
        HttpResponse<String> init = post(
                http,
                null,
                Map.of(
                        "jsonrpc",
                        "2.0",
                        "id",
                        0,
                        "method",
                        "initialize",
                        "params",
                        Map.of(
                                "protocolVersion",
                                "2025-06-18",
                                "capabilities",
                                Map.of(),
                                "clientInfo",
                                Map.of("name", "hostile", "version", "1"))),
                Duration.ofSeconds(30));
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(http, session, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"), Duration.ofSeconds(30));
        return session;
    }

    static Answer call(HttpFixture http, String session, String method, Object params, Duration timeout)
            throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("jsonrpc", "2.0");
        request.put("id", IDS.incrementAndGet());
        request.put("method", method);
        request.put("params", params);
        HttpResponse<String> response = post(http, session, request, timeout);
        return new Answer(response.statusCode(), response.body(), message(response.body()));
    }

    private static HttpResponse<String> post(HttpFixture http, String session, Object body, Duration timeout)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base + "/mcp"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + http.key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The message of a JSON answer or of the first data line of an event-stream answer. */
    private static JsonNode message(String body) throws Exception {
        String data = body.lines()
                .filter(line -> line.startsWith("data:"))
                .findFirst()
                .map(line -> line.substring(5).trim())
                .orElse(body.trim());
        return data.isEmpty() ? JSON.missingNode() : JSON.readTree(data);
    }
}
