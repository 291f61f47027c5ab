package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.Toolset;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * tools.json is the committed snapshot of the catalogue; any drift fails with a readable diff. The
 * default toolsets answer tools/list within the budget and still carry a whole first session.
 */
class ToolCatalogTest {

    /** What an MCP client pays for the catalogue in every conversation, at most. */
    static final int DEFAULT_BUDGET_BYTES = 32 * 1024;

    /** A whole first session: repository → environment → replica → messages → history, and more toolsets. */
    static final List<String> FIRST_SESSION = List.of(
            "add_repository",
            "list_repositories",
            "create_environment",
            "list_environments",
            "get_environment",
            "create_replica",
            "send_replica_message",
            "read_replica_history",
            "get_replica",
            "list_replicas",
            "delete_replica",
            "list_chats",
            "create_chat",
            "list_toolsets",
            "enable_toolset");

    static final List<String> OFFICIAL = List.of(
            "create_replica",
            "list_replicas",
            "get_replica",
            "send_replica_message",
            "delete_replica",
            "list_repositories",
            "list_repository_sets",
            "list_chats",
            "create_chat",
            "delete_chat",
            "read_replica_history",
            "get_replica_hooks");

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final JsonNode generated = ToolCatalog.generated().toJson(mapper);

    @Test
    void toolsJsonMatchesTheCode() throws Exception {
        JsonNode committed = mapper.readTree(Files.readString(Path.of("tools.json")));
        if (!committed.equals(generated)) {
            List<String> expected = mapper.writeValueAsString(generated).lines().toList();
            List<String> actual = mapper.writeValueAsString(committed).lines().toList();
            fail("tools.json is out of date. Run scripts/update-tools and commit the result.\n"
                    + diff(expected, actual));
        }
    }

    @Test
    void theTwelveOfficialToolsArePresentAndEveryToolIsFullyDescribed() {
        List<String> names = new ArrayList<>();
        generated.forEach(tool -> names.add(tool.get("name").asText()));
        assertThat(names).containsAll(OFFICIAL).isSorted().doesNotHaveDuplicates();
        for (JsonNode tool : generated) {
            assertThat(tool.get("title").asText()).as(tool + " title").isNotBlank();
            assertThat(tool.get("description").asText().length())
                    .as(tool.get("name") + " description")
                    .isGreaterThan(30);
            assertThat(tool.get("annotations").size()).isEqualTo(4);
            assertThat(tool.get("inputSchema").get("type").asText()).isEqualTo("object");
            assertThat(tool.get("outputSchema").get("type").asText()).isEqualTo("object");
            assertThat(tool.get("toolset").asText()).isIn(names(Toolset.names(), Toolset.DYNAMIC.wire()));
        }
    }

    @Test
    void theDefaultToolsListAnswerFitsTheBudget() throws Exception {
        ToolCatalog catalog = ToolCatalog.generated().select(Set.of(), false);
        List<McpSchema.Tool> tools =
                catalog.initialSpecs().stream().map(catalog::describe).toList();
        // Exactly the bytes of the JSON-RPC result the server writes for tools/list.
        byte[] result = new JacksonMcpJsonMapper(JsonMappers.protocol())
                .writeValueAsBytes(new McpSchema.ListToolsResult(tools, null));
        TreeMap<String, Integer> bySize = new TreeMap<>();
        JacksonMcpJsonMapper protocol = new JacksonMcpJsonMapper(JsonMappers.protocol());
        for (McpSchema.Tool tool : tools) {
            bySize.put(tool.name(), protocol.writeValueAsBytes(tool).length);
        }
        assertThat(result.length)
                .as(
                        "The default tools/list result is %d bytes for %d tools, over the budget of %d "
                                + "bytes. Say things once in descriptions, or move tools out of the default toolsets. Bytes "
                                + "per tool: %s",
                        result.length, tools.size(), DEFAULT_BUDGET_BYTES, bySize)
                .isLessThanOrEqualTo(DEFAULT_BUDGET_BYTES);
    }

    @Test
    void theDefaultToolsetsCarryAWholeFirstSessionAndNothingElse() {
        ToolCatalog catalog = ToolCatalog.generated().select(Set.of(), false);
        List<String> offered =
                catalog.initialSpecs().stream().map(Operation::name).toList();
        assertThat(offered)
                .containsAll(FIRST_SESSION)
                .doesNotContain(
                        "create_environment_variable",
                        "save_warm_hook",
                        "set_warm_pool",
                        "enable_environment_skill",
                        "set_agent_credential");
        assertThat(catalog.enabledToolsets())
                .containsExactlyInAnyOrder(Toolset.REPLICAS, Toolset.REPOSITORIES, Toolset.ENVIRONMENTS);
        assertThat(catalog.specs())
                .as("the rest stays available to enable_toolset")
                .hasSize(generated.size());
    }

    @Test
    void everyToolsetHasToolsAndAllSelectsEveryOne() {
        ToolCatalog all = ToolCatalog.generated().select(Set.of("all"), false);
        for (Toolset toolset : Toolset.selectable()) {
            assertThat(all.specsOf(toolset)).as(toolset.wire()).isNotEmpty();
        }
        assertThat(all.initialSpecs()).hasSize(generated.size());
        assertThat(ToolCatalog.generated()
                        .select(Set.of("default", "hooks"), false)
                        .enabledToolsets())
                .containsExactlyInAnyOrder(Toolset.REPLICAS, Toolset.REPOSITORIES, Toolset.ENVIRONMENTS, Toolset.HOOKS);
    }

    @Test
    void anUnknownToolsetIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> ToolCatalog.generated().select(Set.of("replicas", "teleport"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'teleport'")
                .hasMessageContaining(String.join(", ", Toolset.names()));
    }

    @Test
    void readOnlyKeepsOnlyReadOnlyToolsInEveryToolset() {
        ToolCatalog catalog = ToolCatalog.generated().select(Set.of(), true);
        assertThat(catalog.specs())
                .allSatisfy(spec ->
                        assertThat(spec.hints().readOnly()).as(spec.name()).isTrue());
        assertThat(catalog.specs().stream().map(Operation::name))
                .contains("list_toolsets", "enable_toolset", "list_environment_variables")
                .doesNotContain("create_environment_variable");
    }

    private static Set<String> names(List<String> toolsets, String extra) {
        Set<String> all = new LinkedHashSet<>(toolsets);
        all.add(extra);
        return all;
    }

    @Test
    void theReadmeToolTableListsEveryToolInOrder() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("<!-- tools:start -->"), readme.indexOf("<!-- tools:end -->"));
        List<String> rows = table.lines()
                .filter(line -> line.startsWith("| `"))
                .map(line -> line.split("`")[1])
                .toList();
        List<String> names = new ArrayList<>();
        generated.forEach(tool -> names.add(tool.get("name").asText()));
        assertThat(rows).as("README tool table; run scripts/update-tools").isEqualTo(names);
    }

    @Test
    void readOnlyAndDestructiveHintsFollowTheVerb() {
        for (JsonNode tool : generated) {
            String name = tool.get("name").asText();
            JsonNode hints = tool.get("annotations");
            // enable_toolset changes which tools are offered, never any data.
            boolean reads = name.startsWith("list_")
                    || name.startsWith("get_")
                    || name.startsWith("read_")
                    || name.startsWith("search_")
                    || name.equals("enable_toolset");
            assertThat(hints.get("readOnlyHint").asBoolean()).as(name).isEqualTo(reads);
            assertThat(hints.get("destructiveHint").asBoolean())
                    .as(name)
                    .isEqualTo(name.startsWith("delete_")
                            || name.startsWith("disable_")
                            || name.startsWith("disconnect_"));
            assertThat(hints.get("openWorldHint").asBoolean()).as(name).isFalse();
        }
    }

    private static String diff(List<String> expected, List<String> actual) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.max(expected.size(), actual.size()) && shown < 40; i++) {
            String e = i < expected.size() ? expected.get(i) : "";
            String a = i < actual.size() ? actual.get(i) : "";
            if (!e.equals(a)) {
                out.append("line ")
                        .append(i + 1)
                        .append("\n  code:       ")
                        .append(e)
                        .append("\n  tools.json: ")
                        .append(a)
                        .append('\n');
                shown++;
            }
        }
        return out.toString();
    }
}
