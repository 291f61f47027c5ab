package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.support.TestCore;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter between MCP arguments and the domain, on the real core. */
class ToolInvokerTest {

    @TempDir
    Path dir;

    TestCore t;
    ToolCatalog catalog;
    ToolInvoker invoker;

    @BeforeEach
    void start() {
        t = new TestCore(dir, Duration.ZERO);
        ObjectMapper mapper = JsonMappers.tools();
        catalog = ToolCatalog.standard();
        invoker = new ToolInvoker(mapper, t.core::invoker, () -> new OperationContext(t.services, t.caller));
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        return invoker.call(
                catalog.specs().stream()
                        .filter(s -> s.name().equals(tool))
                        .findFirst()
                        .orElseThrow(),
                args);
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @Test
    void longHistoryTextsAreCutWithANoteUnlessFullTextIsAsked() throws Exception {
        Replica replica = t.replica("long", "x".repeat(10_000));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> t.services
                                .history()
                                .read(t.caller, replica.id(), null, null, null)
                                .total()
                        == 3);
        CallToolResult cut = call("read_replica_history", Map.of("replica_id", replica.id()));
        assertThat(cut.isError()).isFalse();
        assertThat(text(cut)).contains("[cut at 4000 of 10000 characters]").doesNotContain("x".repeat(4001));
        assertThat(JsonMappers.tools()
                        .<JsonNode>valueToTree(cut.structuredContent())
                        .path("note")
                        .asText())
                .contains("full_text=true");
        CallToolResult whole = call(
                "read_replica_history", Map.of("replica_id", replica.id(), "full_text", true, "limit", 1, "offset", 2));
        assertThat(text(whole)).contains("x".repeat(10_000));
    }

    @Test
    void structuredContentAndTextCarryTheSameJson() throws Exception {
        t.repository("repo");
        CallToolResult result = call("list_repositories", Map.of());
        JsonNode fromText = JsonMappers.tools().readTree(text(result));
        assertThat(fromText).isEqualTo(JsonMappers.tools().valueToTree(result.structuredContent()));
        assertThat(fromText.path("repositories")).hasSize(1);
    }

    @Test
    void badArgumentsNameTheField() {
        assertThat(text(call("list_replicas", Map.of("limit", "ten"))))
                .contains("'limit'")
                .contains("integer");
        assertThat(text(call("create_replica", Map.of("name", "x")))).contains("'message' is required");
        assertThat(text(call("add_repository", Map.of("location", Map.of("a", 1)))))
                .contains("'location'");
        CallToolResult missing = call("get_replica", Map.of("replica_id", "4b0c7c4e-34a1-4e0c-9a63-8b1f0e1d2c3b"));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("4b0c7c4e-34a1-4e0c-9a63-8b1f0e1d2c3b");
        assertThat(missing.structuredContent())
                .as("errors carry no structured content")
                .isNull();
    }

    @Test
    void anErrorIsItsMessageAsTextOnly() {
        CallToolResult missing = call("create_environment", Map.of());
        assertThat(missing.isError()).isTrue();
        assertThat(missing.structuredContent()).isNull();
        assertThat(missing.content()).hasSize(1);
        assertThat(text(missing)).startsWith("Field 'name' is required");
    }

    @Test
    void aNulCharacterAnywhereInTheArgumentsIsRefusedWithItsPlace() throws Exception {
        String env = t.environment("nul").id();
        CallToolResult top = call("create_environment", Map.of("name", "a\0b"));
        assertThat(top.isError()).isTrue();
        assertThat(text(top)).contains("'name'", "NUL");
        CallToolResult nested = call(
                "create_replica",
                Map.of(
                        "name",
                        "r",
                        "message",
                        "hi",
                        "environment_id",
                        env,
                        "images",
                        java.util.List.of(Map.of(
                                "type",
                                "image",
                                "source",
                                Map.of("type", "base64", "media_type", "image/png", "data", "AA\0A")))));
        assertThat(text(nested)).contains("'images[0].source.data'", "NUL");
        assertThat(t.services
                        .replicas()
                        .list(t.caller, 1, 100, null, null, null)
                        .total())
                .isZero();
    }
}
