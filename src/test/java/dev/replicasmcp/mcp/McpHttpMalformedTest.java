package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.JsonRpcErrors;
import dev.replicasmcp.support.RawHttp;
import dev.replicasmcp.support.RawMcpSession;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed MCP messages over Streamable HTTP, sent raw inside a live session: each gets a JSON-RPC
 * error naming what is wrong (a request with a usable id as the answer to it), a client response to no
 * pending request is accepted and dropped, and no answer carries Java or Jackson text.
 */
class McpHttpMalformedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static HttpFixture http;
    static RawMcpSession session;

    @BeforeAll
    static void start() throws Exception {
        http = HttpFixture.start(dir);
        session = RawMcpSession.open(http);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void toolsCallWithBadParamsIsInvalidParamsNamingTheMember() throws Exception {
        assertThat(answer(200, 2, -32602, call(2, "null"))).contains("tools/call needs 'params'");
        assertThat(answer(200, 3, -32602, call(3, "[]"))).contains("'params'", "an array");
        assertThat(answer(200, 4, -32602, call(4, "{\"arguments\":{}}"))).contains("'name'");
        assertThat(answer(200, 5, -32602, call(5, "{\"name\":7}"))).contains("'name'", "a number");
        assertThat(answer(200, 6, -32602, call(6, "{\"name\":\"list_replicas\",\"arguments\":\"x\"}")))
                .contains("'arguments'", "a string");
        assertThat(answer(
                        200,
                        "seven",
                        -32602,
                        "{\"jsonrpc\":\"2.0\",\"id\":\"seven\",\"method\":\"tools/call\","
                                + "\"params\":{\"name\":\"list_replicas\",\"arguments\":[1]}}"))
                .contains("'arguments'", "an array");
    }

    @Test
    void anUnknownToolIsNamedInItsError() throws Exception {
        assertThat(answer(200, 8, -32602, call(8, "{\"name\":\"foo\",\"arguments\":{}}")))
                .isEqualTo("Unknown tool 'foo'. Call tools/list for the tools this server offers.");
    }

    @Test
    void aToolErrorIsAResultWithTextAndNoStructuredContent() throws Exception {
        RawHttp.Answer answer = post(call(9, "{\"name\":\"get_replica\",\"arguments\":{}}"));
        assertThat(answer.status()).isEqualTo(200);
        // Answered as one JSON body (DirectCalls), not as an event stream.
        assertThat(answer.head()).containsIgnoringCase("content-type: application/json");
        JsonNode result = JSON.readTree(answer.body()).path("result");
        assertThat(result.path("isError").asBoolean()).as(answer.body()).isTrue();
        assertThat(result.has("structuredContent")).as(answer.body()).isFalse();
        assertThat(result.path("content").get(0).path("text").asText()).startsWith("Field 'replica_id' is required");
    }

    @Test
    void aResponseToNoPendingRequestIsAcceptedAndDropped() throws Exception {
        for (String response : new String[] {
            "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":-1,\"message\":\"no\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"bad\"}}"
        }) {
            RawHttp.Answer answer = post(response);
            assertThat(answer.status()).as(response).isEqualTo(202);
            assertThat(answer.body()).as(response).isEmpty();
        }
        assertThat(RawMcpSession.lastEvent(post("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"ping\"}")
                                .body())
                        .has("result"))
                .as("the session goes on")
                .isTrue();
    }

    @Test
    void bodiesThatAreNotOneMessageAreRefusedInPlainWords() throws Exception {
        assertThat(refused(-32700, "")).contains("empty");
        assertThat(refused(-32700, "{not json")).contains("not valid JSON");
        assertThat(refused(-32700, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} trailing"))
                .contains("JSON");
        assertThat(refused(-32600, "[{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"ping\"}]"))
                .contains("batches");
        assertThat(refused(-32600, "42")).contains("JSON object");
        assertThat(refused(-32600, "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}"))
                .contains("'id'");
        assertThat(refused(-32600, "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}"))
                .contains("'id'");
        assertThat(refused(-32600, "{\"jsonrpc\":\"1.0\",\"method\":\"ping\"}")).contains("'jsonrpc'");
        assertThat(refused(-32600, "{\"jsonrpc\":\"2.0\"}")).contains("'method'");
        assertThat(refused(-32602, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":[]}"))
                .contains("'params'");
    }

    @Test
    void v1McpIsTheSameEndpointBehindTheSameGuard() throws Exception {
        Map<String, String> headers = RawMcpSession.headers(http, Map.of("Mcp-Session-Id", session.id()));
        RawHttp.Answer ping = RawHttp.send(
                http.app.port(), "POST", "/v1/mcp", headers, "{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"ping\"}");
        assertThat(RawMcpSession.lastEvent(ping.body()).has("result"))
                .as("a session made at /mcp answers at /v1/mcp: %s", ping.body())
                .isTrue();
        RawHttp.Answer bad = RawHttp.send(http.app.port(), "POST", "/v1/mcp", headers, call(14, "null"));
        assertThat(JSON.readTree(bad.body()).path("error").path("code").asInt()).isEqualTo(-32602);
        Map<String, String> noKey = new LinkedHashMap<>(headers);
        noKey.remove("Authorization");
        RawHttp.Answer unauthorized = RawHttp.send(http.app.port(), "POST", "/v1/mcp", noKey, RawMcpSession.INITIALIZE);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(JSON.readTree(unauthorized.body()).path("jsonrpc").asText()).isEqualTo("2.0");
        Map<String, String> evil = new LinkedHashMap<>(headers);
        evil.put("Host", "evil.example");
        assertThat(RawHttp.send(http.app.port(), "POST", "/v1/mcp", evil, RawMcpSession.INITIALIZE)
                        .status())
                .isEqualTo(403);
    }

    private static String call(int id, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":" + params + "}";
    }

    /** The error message of an answer to a request: the status, its id and code checked. */
    private static String answer(int status, Object id, int code, String body) throws Exception {
        RawHttp.Answer answer = post(body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode error = JsonRpcErrors.assertJsonRpcError(answer.body(), null);
        assertThat(JSON.readTree(answer.body()).get("id")).as(answer.body()).isEqualTo(JSON.valueToTree(id));
        assertThat(error.path("code").asInt()).as(answer.body()).isEqualTo(code);
        return error.path("message").asText();
    }

    /** The error message of a body refused with 400 and id null. */
    private static String refused(int code, String body) throws Exception {
        RawHttp.Answer answer = post(body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode error = JsonRpcErrors.assertJsonRpcError(answer.body(), null);
        assertThat(JSON.readTree(answer.body()).get("id").isNull())
                .as(answer.body())
                .isTrue();
        assertThat(error.path("code").asInt()).as(answer.body()).isEqualTo(code);
        return error.path("message").asText();
    }

    private static RawHttp.Answer post(String body) throws Exception {
        return session.post(body);
    }
}
