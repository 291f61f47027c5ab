package dev.replicasmcp.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.app.Main;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP contract every transport keeps, run once per transport by a subclass that starts the server
 * and connects the MCP Java SDK's client to it: the handshake, the tool catalogue exactly as tools.json
 * commits it, a success and a tool error in each toolset, and a JSON-RPC error for an unknown tool.
 * Results are also checked against each tool's output schema by the client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class McpContract {

    public static final String PROTOCOL_VERSION = "2025-11-25";
    static final String UNKNOWN = "00000000-0000-4000-8000-0000000000ff";

    /** A temporary folder for the whole class: the server's data and the test repositories. */
    protected Path tmp;

    private McpSyncClient client;

    /**
     * Starts a server keeping its data under the folder and answers a client of it that has completed
     * initialize and caches output schemas (enableCallToolSchemaCaching then tools/list), so successful
     * results are validated against them.
     */
    protected abstract McpSyncClient connect(Path folder) throws Exception;

    /** Closes the client and stops the server. */
    protected abstract void disconnect();

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        tmp = folder;
        client = connect(tmp.resolve("server"));
    }

    @AfterAll
    void stop() {
        disconnect();
    }

    @Test
    void initializeAnswersTheProtocolVersionAndServerInfo() {
        McpSchema.InitializeResult init = client.getCurrentInitializationResult();
        assertThat(init.protocolVersion()).isEqualTo(PROTOCOL_VERSION);
        assertThat(init.serverInfo().name()).isEqualTo("replicas-mcp");
        assertThat(init.serverInfo().version()).isEqualTo(Main.VERSION);
        assertThat(init.instructions()).contains("add_repository", "create_replica");
        assertThat(init.capabilities().tools()).as("tools capability").isNotNull();
        assertThat(init.capabilities().resources())
                .as("the product serves tools only")
                .isNull();
        assertThat(init.capabilities().prompts())
                .as("the product serves tools only")
                .isNull();
    }

    @Test
    void toolsListEqualsTheCommittedCatalogue() throws Exception {
        List<JsonNode> expected = new ArrayList<>();
        ToolCalls.JSON.readTree(Files.readString(Path.of("tools.json"))).forEach(tool -> {
            ObjectNode copy = tool.deepCopy();
            copy.remove("toolset");
            expected.add(copy);
        });
        List<JsonNode> listed = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = client.listTools(cursor);
            page.tools().forEach(tool -> listed.add(describe(tool)));
            cursor = page.nextCursor();
        } while (cursor != null);
        listed.sort(Comparator.comparing(tool -> tool.path("name").asText()));
        assertThat(listed)
                .as("names, titles, descriptions, annotations and schemas of tools/list")
                .isEqualTo(expected);
    }

    /** A listed tool in the shape of a tools.json entry (without its toolset). */
    private static JsonNode describe(McpSchema.Tool tool) {
        ObjectNode node = ToolCalls.JSON.createObjectNode();
        node.put("name", tool.name()).put("title", tool.title()).put("description", tool.description());
        McpSchema.ToolAnnotations hints = tool.annotations();
        ObjectNode annotations = node.putObject("annotations");
        if (hints != null) {
            annotations
                    .put("readOnlyHint", hints.readOnlyHint())
                    .put("destructiveHint", hints.destructiveHint())
                    .put("idempotentHint", hints.idempotentHint())
                    .put("openWorldHint", hints.openWorldHint());
        }
        node.set("inputSchema", ToolCalls.JSON.valueToTree(tool.inputSchema()));
        node.set("outputSchema", ToolCalls.JSON.valueToTree(tool.outputSchema()));
        return node;
    }

    @Test
    void repositoriesToolsetSucceedsAndFailsAsAToolResult() throws Exception {
        Path repo = TestRepos.create(tmp, "contract-repositories", "main");
        JsonNode repository =
                ok("add_repository", Map.of("location", repo.toString())).path("repository");
        assertThat(repository.path("name").asText()).isEqualTo("contract-repositories");
        assertThat(repository.path("default_branch").asText()).isEqualTo("main");

        assertThat(error("delete_repository", Map.of("repository_id", UNKNOWN))).contains(UNKNOWN);
    }

    @Test
    void environmentsToolsetSucceedsAndFailsAsAToolResult() {
        JsonNode environment =
                ok("create_environment", Map.of("name", "contract-environment")).path("environment");
        assertThat(environment.path("name").asText()).isEqualTo("contract-environment");
        assertThat(environment.path("id").asText()).isNotBlank();

        assertThat(error("get_environment", Map.of("environment_id", UNKNOWN))).contains(UNKNOWN);
    }

    @Test
    void replicasToolsetSucceedsAndFailsAsAToolResult() throws Exception {
        Path repo = TestRepos.create(tmp, "contract-replicas", "main");
        String repositoryId = ok("add_repository", Map.of("location", repo.toString()))
                .path("repository")
                .path("id")
                .asText();
        String environmentId = ok(
                        "create_environment", Map.of("name", "contract-replicas-env", "repository_id", repositoryId))
                .path("environment")
                .path("id")
                .asText();
        JsonNode created = ok(
                        "create_replica",
                        Map.of("name", "contract-replica", "message", "hello", "environment_id", environmentId))
                .path("replica");
        assertThat(created.path("name").asText()).isEqualTo("contract-replica");
        JsonNode read = ok(
                        "get_replica", Map.of("replica_id", created.path("id").asText()))
                .path("replica");
        assertThat(read.path("id").asText()).isEqualTo(created.path("id").asText());

        assertThat(error("get_replica", Map.of("replica_id", UNKNOWN))).contains(UNKNOWN);
    }

    @Test
    void anUnknownToolIsAJsonRpcErrorAndTheServerKeepsServing() {
        assertThatThrownBy(() -> ToolCalls.call(client, "no_such_tool", Map.of()))
                .isInstanceOf(McpError.class)
                .satisfies(e -> assertThat(((McpError) e).getJsonRpcError().code())
                        .isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS))
                .hasMessageContaining("Unknown tool 'no_such_tool'")
                .hasMessageContaining("tools/list");
        assertThat(ok("list_repositories", Map.of()).path("repositories").isArray())
                .isTrue();
    }

    /**
     * Every tool called without its required arguments answers a tool result (never a protocol error)
     * whose text names a missing field, with no structured content.
     */
    @Test
    void everyToolWithoutItsRequiredArgumentsAnswersAToolErrorNamingTheField() {
        List<McpSchema.Tool> tools = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = client.listTools(cursor);
            tools.addAll(page.tools());
            cursor = page.nextCursor();
        } while (cursor != null);
        List<String> checked = new ArrayList<>();
        for (McpSchema.Tool tool : tools) {
            List<String> required = new ArrayList<>();
            ToolCalls.JSON.valueToTree(tool.inputSchema()).path("required").forEach(f -> required.add(f.asText()));
            if (required.isEmpty()) {
                continue;
            }
            String text = error(tool.name(), Map.of());
            assertThat(text)
                    .as("error of %s without arguments", tool.name())
                    .contains("required")
                    .containsAnyOf(
                            required.stream().map(field -> "'" + field + "'").toArray(String[]::new));
            checked.add(tool.name());
        }
        assertThat(checked).as("tools with required arguments").contains("create_replica", "get_replica");
    }

    protected JsonNode ok(String tool, Map<String, Object> arguments) {
        return ToolCalls.ok(client, tool, arguments);
    }

    protected String error(String tool, Map<String, Object> arguments) {
        return ToolCalls.error(client, tool, arguments);
    }
}
