package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.conformance.ConformanceProfile;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.RawHttp;
import dev.replicasmcp.support.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test-only conformance profile (scripts/conformance runs the suite against it): it adds the suite's
 * fixtures next to the product's tools, which stay as tools.json says, and keeps the key requirement.
 */
class ConformanceProfileTest {

    @TempDir
    static Path dir;

    static HttpFixture http;

    @BeforeAll
    static void start() {
        http = HttpFixture.start(dir, Duration.ofMillis(200), Duration.ofMillis(300), ConformanceProfile.extras());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void addsTheFixturesNextToEveryProductTool() throws Exception {
        List<String> product = new ArrayList<>();
        ToolCalls.JSON
                .readTree(Files.readString(Path.of("tools.json")))
                .forEach(t -> product.add(t.path("name").asText()));
        try (McpSyncClient client = http.mcpClient(http.key)) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.capabilities().resources()).isNotNull();
            assertThat(init.capabilities().prompts()).isNotNull();
            assertThat(init.capabilities().logging()).isNotNull();
            assertThat(init.capabilities().completions()).isNotNull();

            List<String> listed = client.listTools().tools().stream()
                    .map(McpSchema.Tool::name)
                    .toList();
            assertThat(listed)
                    .containsAll(product)
                    .contains("test_simple_text", "test_sampling", "json_schema_2020_12_tool")
                    .doesNotHaveDuplicates();
            assertThat(listed)
                    .hasSize(
                            product.size() + ConformanceProfile.extras().tools().size());

            McpSchema.CallToolResult fixture = ToolCalls.call(client, "test_simple_text", Map.of());
            assertThat(ToolCalls.text(fixture)).isEqualTo("This is a simple text response for testing.");
            assertThat(ToolCalls.ok(client, "list_repositories", Map.of())
                            .path("repositories")
                            .isArray())
                    .isTrue();
            assertThat(client.readResource(new McpSchema.ReadResourceRequest("test://template/42/data"))
                            .contents())
                    .singleElement()
                    .satisfies(c -> assertThat(((McpSchema.TextResourceContents) c).text())
                            .contains("\"id\":\"42\""));
        }
    }

    @Test
    void stillRequiresAnApiKey() throws Exception {
        RawHttp.Answer answer = RawHttp.send(
                http.app.port(),
                "POST",
                "/mcp",
                Map.of(
                        "Host",
                        "127.0.0.1:" + http.app.port(),
                        "Content-Type",
                        "application/json",
                        "Accept",
                        "application/json, text/event-stream"),
                """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",\
                "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""");
        assertThat(answer.status()).isEqualTo(401);
        JsonNode body = ToolCalls.parse(answer.body());
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32001);
    }
}
