package dev.replicasmcp.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.JsonRpcErrors;
import dev.replicasmcp.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The errors the HTTP server (Jetty) makes itself, before any route or the MCP endpoint sees the
 * request, come back as JSON: a JSON-RPC error object on the MCP paths, {error, details} elsewhere;
 * never Jetty's HTML page, never a Java class name.
 */
class JettyErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BIG = "a".repeat(20_000);

    @TempDir
    static Path dir;

    static HttpFixture http;

    @BeforeAll
    static void start() {
        http = HttpFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void headersTooLargeOnMcpIsAJsonRpcError() throws Exception {
        RawHttp.Answer answer = send("POST /mcp HTTP/1.1", "X-Big: " + BIG);
        assertThat(answer.status()).isEqualTo(431);
        assertThat(jsonRpcError(answer).path("message").asText()).contains("headers are too large", "8192");
        assertThat(jsonRpcError(send("POST /v1/mcp HTTP/1.1", "X-Big: " + BIG))
                        .path("code")
                        .asInt())
                .isEqualTo(-32600);
    }

    @Test
    void headersTooLargeOnTheRestApiIsAnErrorBody() throws Exception {
        RawHttp.Answer answer = send("GET /v1/replicas HTTP/1.1", "X-Big: " + BIG);
        assertThat(answer.status()).isEqualTo(431);
        assertThat(errorBody(answer)).contains("headers are too large");
    }

    @Test
    void aMalformedHostIsABadRequestInJson() throws Exception {
        RawHttp.Answer rest = send("GET /v1/replicas HTTP/1.1", "Host: a b c");
        assertThat(rest.status()).isEqualTo(400);
        assertThat(errorBody(rest)).startsWith("Bad request");
        RawHttp.Answer twice = send("GET /v1/replicas HTTP/1.1", "Host: 127.0.0.1\r\nHost: 127.0.0.1");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(errorBody(twice)).contains("Duplicate Host Header");
        RawHttp.Answer mcp = send("POST /mcp HTTP/1.1", "Host: a b c");
        assertThat(mcp.status()).isEqualTo(400);
        assertThat(jsonRpcError(mcp).path("message").asText()).startsWith("Bad request");
    }

    @Test
    void aMalformedPathOrVersionIsABadRequestInJson() throws Exception {
        RawHttp.Answer ambiguous = send("GET /v1/..;/v1/replicas HTTP/1.1", "Host: 127.0.0.1");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(errorBody(ambiguous)).startsWith("Bad request");
        RawHttp.Answer nul = send("GET /v1/%00 HTTP/1.1", "Host: 127.0.0.1");
        assertThat(nul.status()).isEqualTo(400);
        errorBody(nul);
        RawHttp.Answer version = send("GET /v1/replicas HTTP/7.1", "Host: 127.0.0.1");
        assertThat(version.status()).isEqualTo(505);
        assertThat(errorBody(version)).contains("HTTP/1.1");
    }

    @Test
    void unknownPathsAndMethodsAreJsonToo() throws Exception {
        RawHttp.Answer nowhere = send("GET /nothing/here HTTP/1.1", "Host: 127.0.0.1");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(errorBody(nowhere)).contains("/nothing/here");
        RawHttp.Answer put = send("PUT /mcp HTTP/1.1", "Host: 127.0.0.1\r\nAuthorization: Bearer " + http.key);
        assertThat(put.status()).isEqualTo(405);
        jsonRpcError(put);
    }

    /** One request with the given request line and extra header lines, no body. */
    private static RawHttp.Answer send(String requestLine, String headers) throws Exception {
        String head = requestLine + "\r\n" + (headers.startsWith("Host:") ? "" : "Host: 127.0.0.1\r\n") + headers
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        return RawHttp.exchange(http.app.port(), head.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
    }

    private static JsonNode jsonRpcError(RawHttp.Answer answer) throws Exception {
        assertThat(answer.head()).containsIgnoringCase("Content-Type: application/json");
        return JsonRpcErrors.assertJsonRpcError(answer.body(), null);
    }

    /** The {error, details} body's message, checked to be plain JSON without Java text. */
    private static String errorBody(RawHttp.Answer answer) throws Exception {
        assertThat(answer.head()).containsIgnoringCase("Content-Type: application/json");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("error").isTextual()).as(answer.body()).isTrue();
        assertThat(body.has("details")).as(answer.body()).isTrue();
        assertThat(answer.body()).doesNotContain("<html", "Exception", "java.", "jetty");
        return body.path("error").asText();
    }
}
