package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.JsonRpcErrors;
import dev.replicasmcp.support.OtherOrganization;
import dev.replicasmcp.support.RawHttp;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP over Streamable HTTP at /mcp behind keys and the transport guard (the contract every transport
 * keeps is {@link McpContractHttpTest}).
 */
class McpHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

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

    static McpSyncClient client(String key) {
        return http.mcpClient(key);
    }

    @Test
    void mcpAndRestShareOneCore() {
        try (McpSyncClient client = client(http.key)) {
            client.initialize();
            McpSchema.CallToolResult made =
                    client.callTool(new McpSchema.CallToolRequest("create_environment", Map.of("name", "over-mcp")));
            assertThat(made.isError()).isNotEqualTo(Boolean.TRUE);
            String id = JSON.valueToTree(made.structuredContent())
                    .path("environment")
                    .path("id")
                    .asText();
            assertThat(http.get("/v1/environments/" + id)
                            .expect(200)
                            .path("environment")
                            .path("name")
                            .asText())
                    .as("the same core behind both doors")
                    .isEqualTo("over-mcp");
        }
    }

    @Test
    void toolsActAsTheKeysOrganization() {
        String otherKey = OtherOrganization.create(http.core.dataDir().resolve("replicas.db"), "mcp-other");
        try (McpSyncClient mine = client(http.key);
                McpSyncClient theirs = client(otherKey)) {
            mine.initialize();
            theirs.initialize();
            mine.callTool(new McpSchema.CallToolRequest("create_environment", Map.of("name", "only-mine")));
            JsonNode visible =
                    JSON.valueToTree(theirs.callTool(new McpSchema.CallToolRequest("list_environments", Map.of()))
                            .structuredContent());
            assertThat(visible.path("environments"))
                    .extracting(e -> e.path("name").asText())
                    .doesNotContain("only-mine");
        }
    }

    @Test
    void aWrongKeyIsAJsonRpcErrorWith401() throws Exception {
        RawHttp.Answer none = post(Map.of(), INITIALIZE);
        assertThat(none.status()).isEqualTo(401);
        JsonRpcErrors.assertJsonRpcError(none.body(), null);
        assertThat(none.head()).contains("WWW-Authenticate: Bearer");
        assertThat(post(Map.of("Authorization", "Bearer sk_replicas_nope"), INITIALIZE)
                        .status())
                .isEqualTo(401);
        try (McpSyncClient client = client("sk_replicas_nope")) {
            assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void aForeignHostOrOriginIsRefused() throws Exception {
        RawHttp.Answer evil = post(Map.of("Host", "evil.example", "Authorization", "Bearer " + http.key), INITIALIZE);
        assertThat(evil.status()).isEqualTo(403);
        JsonRpcErrors.assertJsonRpcError(evil.body(), null);
        RawHttp.Answer origin =
                post(Map.of("Origin", "https://evil.example", "Authorization", "Bearer " + http.key), INITIALIZE);
        assertThat(origin.status()).isEqualTo(403);
        RawHttp.Answer local =
                post(Map.of("Origin", "http://localhost:3000", "Authorization", "Bearer " + http.key), INITIALIZE);
        assertThat(local.status()).as("a loopback origin is fine").isEqualTo(200);
        RawHttp.Answer rest = RawHttp.send(
                http.app.port(),
                "GET",
                "/v1/environments",
                Map.of("Host", "evil.example:80", "Authorization", "Bearer " + http.key),
                null);
        assertThat(rest.status()).as("the REST API too").isEqualTo(403);
        assertThat(JSON.readTree(rest.body()).path("error").asText()).contains("evil.example");
    }

    @Test
    void transportErrorsAreJsonRpcErrorObjects() throws Exception {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + http.key);
        RawHttp.Answer notJson = post(auth, "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(JsonRpcErrors.assertJsonRpcError(notJson.body(), null)
                        .path("code")
                        .asInt())
                .isEqualTo(-32700);

        Map<String, String> version = new HashMap<>(auth);
        version.put("MCP-Protocol-Version", "1999-01-01");
        RawHttp.Answer oldVersion = post(version, INITIALIZE);
        assertThat(oldVersion.status()).isEqualTo(400);
        assertThat(JsonRpcErrors.assertJsonRpcError(oldVersion.body(), null)
                        .path("message")
                        .asText())
                .contains("1999-01-01");

        String big = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\",\"params\":{\"pad\":\""
                + "x".repeat(5 * 1024 * 1024) + "\"}}";
        RawHttp.Answer tooLarge = post(auth, big);
        assertThat(tooLarge.status()).isEqualTo(413);
        JsonRpcErrors.assertJsonRpcError(tooLarge.body(), null);

        RawHttp.Answer noSession = post(auth, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}");
        assertThat(noSession.status()).isEqualTo(400);
        assertThat(JsonRpcErrors.assertJsonRpcError(noSession.body(), 5)
                        .path("message")
                        .asText())
                .contains("ession");

        Map<String, String> stale = new HashMap<>(auth);
        stale.put("Mcp-Session-Id", "no-such-session");
        RawHttp.Answer unknown = post(stale, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\"}");
        assertThat(unknown.status()).isEqualTo(404);
        JsonRpcErrors.assertJsonRpcError(unknown.body(), 6);

        HttpResponse<String> get = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http.base + "/mcp"))
                                .header("Authorization", "Bearer " + http.key)
                                .header("Accept", "text/event-stream")
                                .header("Mcp-Session-Id", "no-such-session")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(404);
        JsonRpcErrors.assertJsonRpcError(get.body(), null);
    }

    private static RawHttp.Answer post(Map<String, String> headers, String body) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "127.0.0.1:" + http.app.port());
        all.put("Content-Type", "application/json");
        all.put("Accept", "application/json, text/event-stream");
        all.putAll(headers);
        return RawHttp.send(http.app.port(), "POST", "/mcp", all, body);
    }
}
