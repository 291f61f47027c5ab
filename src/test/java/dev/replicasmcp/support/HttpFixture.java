package dev.replicasmcp.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.api.SiteUrls;
import dev.replicasmcp.app.HttpApp;
import dev.replicasmcp.mcp.JsonMappers;
import dev.replicasmcp.mcp.McpExtras;
import dev.replicasmcp.mcp.ToolCatalog;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real core on SQLite in a temporary folder, served by the real HTTP server on port 0, and a
 * client that checks every /v1 answer against the OpenAPI contract.
 */
public final class HttpFixture implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    public final TestCore core;
    public final HttpApp app;
    public final String base;
    public final String key;
    public final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpFixture(TestCore core, HttpApp app, String key) {
        this.core = core;
        this.app = app;
        this.base = "http://127.0.0.1:" + app.port();
        this.key = key;
    }

    public static HttpFixture start(Path dir, Duration turnDelay, Duration heartbeat) {
        return start(dir, turnDelay, heartbeat, McpExtras.NONE);
    }

    /** The same, with extra MCP features next to the catalogue (the conformance profile's). */
    public static HttpFixture start(Path dir, Duration turnDelay, Duration heartbeat, McpExtras extras) {
        return start(dir, turnDelay, heartbeat, HttpApp.Limits.DEFAULT, extras);
    }

    /** The same, with other per-key limits (MCP session idle time and caps). */
    public static HttpFixture start(Path dir, Duration heartbeat, HttpApp.Limits limits) {
        return start(dir, Duration.ofMillis(200), heartbeat, limits, McpExtras.NONE);
    }

    /** With a clock of the test's choosing (token expiry), other limits and a --public-url (OAuth tests). */
    public static HttpFixture start(Path dir, java.time.Clock clock, HttpApp.Limits limits, SiteUrls urls) {
        return start(dir, Duration.ofMillis(200), Duration.ofMillis(300), limits, McpExtras.NONE, clock, urls);
    }

    private static HttpFixture start(
            Path dir, Duration turnDelay, Duration heartbeat, HttpApp.Limits limits, McpExtras extras) {
        return start(dir, turnDelay, heartbeat, limits, extras, java.time.Clock.systemUTC(), SiteUrls.of(null));
    }

    private static HttpFixture start(
            Path dir,
            Duration turnDelay,
            Duration heartbeat,
            HttpApp.Limits limits,
            McpExtras extras,
            java.time.Clock clock,
            SiteUrls urls) {
        TestCore core = new TestCore(dir, turnDelay, clock);
        try {
            String key = core.core
                    .keys()
                    .create(core.core.account().organizationId(), null, "tests")
                    .plaintext();
            HttpApp app = HttpApp.start(
                    core.core,
                    ToolCatalog.standard(),
                    JsonMappers.tools(),
                    new HttpApp.Options("127.0.0.1", 0, List.of(), List.of(), heartbeat, limits, urls),
                    extras);
            return new HttpFixture(core, app, key);
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }

    public static HttpFixture start(Path dir) {
        return start(dir, Duration.ofMillis(200), Duration.ofMillis(300));
    }

    /** A status, the JSON body and the headers of one answer. */
    public record Reply(int status, JsonNode body, HttpHeaders headers) {

        /** The body, after checking the status. */
        public JsonNode expect(int expected) {
            assertThat(status).as("status of a reply with body %s", body).isEqualTo(expected);
            return body;
        }

        /** The error message, after checking the status. */
        public String error(int expected) {
            return expect(expected).path("error").asText();
        }
    }

    public Reply get(String path) {
        return send("GET", path, null, key);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body, key);
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body, key);
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body, key);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, key);
    }

    /** A request with another key (null: none); the body is JSON-encoded unless it is a String. */
    public Reply send(String method, String path, Object body, String withKey) {
        return send(method, path, body, withKey, java.util.Map.of());
    }

    /** The same with extra request headers. */
    public Reply send(String method, String path, Object body, String withKey, java.util.Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            method,
                            text == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            if (withKey != null) {
                request.header("Authorization", "Bearer " + withKey);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return check(method, path, response);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Every /v1 answer is JSON that matches the contract for its operation and status. */
    private static Reply check(String method, String path, HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type"))
                .as("content type of %s %s", method, path)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (bare.startsWith("/v1/")) {
            assertThat(Contract.get().problems(method, bare, response.statusCode(), body))
                    .as("%s %s answered %s %s: contract problems", method, path, response.statusCode(), body)
                    .isEmpty();
        }
        assertThat(response.body()).as("no stack trace in an answer").doesNotContain("\tat ", "Exception:");
        return new Reply(response.statusCode(), body, response.headers());
    }

    /**
     * An MCP client of /mcp over Streamable HTTP sending the key (not yet initialized). It caches the
     * output schemas tools/list gives and validates successful results against them.
     */
    public McpSyncClient mcpClient(String withKey) {
        return mcpClient(withKey, "/mcp");
    }

    /** The same, at another path of the endpoint (/v1/mcp). */
    public McpSyncClient mcpClient(String withKey, String endpoint) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint)
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + withKey))
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                .build();
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(30))
                .enableCallToolSchemaCaching(true)
                .build();
    }

    @Override
    public void close() {
        app.close();
        core.close();
    }
}
