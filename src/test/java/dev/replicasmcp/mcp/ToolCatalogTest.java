package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tools.json is the committed snapshot of the catalogue; any drift fails with a readable diff. */
class ToolCatalogTest {

    static final List<String> OFFICIAL = List.of("create_replica", "list_replicas", "get_replica",
            "send_replica_message", "delete_replica", "list_repositories", "list_repository_sets", "list_chats",
            "create_chat", "delete_chat", "read_replica_history", "get_replica_hooks");

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final JsonNode generated = ToolCatalog.generated(JsonMappers.tools()).toJson(mapper);

    @Test
    void toolsJsonMatchesTheCode() throws Exception {
        JsonNode committed = mapper.readTree(Files.readString(Path.of("tools.json")));
        if (!committed.equals(generated)) {
            List<String> expected = mapper.writeValueAsString(generated).lines().toList();
            List<String> actual = mapper.writeValueAsString(committed).lines().toList();
            fail("tools.json is out of date. Run scripts/update-tools and commit the result.\n" + diff(expected, actual));
        }
    }

    @Test
    void theTwelveOfficialToolsArePresentAndEveryToolIsFullyDescribed() {
        List<String> names = new ArrayList<>();
        generated.forEach(tool -> names.add(tool.get("name").asText()));
        assertThat(names).containsAll(OFFICIAL).isSorted().doesNotHaveDuplicates();
        for (JsonNode tool : generated) {
            assertThat(tool.get("title").asText()).as(tool + " title").isNotBlank();
            assertThat(tool.get("description").asText().length()).as(tool.get("name") + " description").isGreaterThan(60);
            assertThat(tool.get("annotations").size()).isEqualTo(4);
            assertThat(tool.get("inputSchema").get("type").asText()).isEqualTo("object");
            assertThat(tool.get("outputSchema").get("type").asText()).isEqualTo("object");
            assertThat(tool.get("toolset").asText()).isIn("replicas", "repositories", "environments", "agents");
        }
    }

    @Test
    void theReadmeToolTableListsEveryToolInOrder() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("<!-- tools:start -->"), readme.indexOf("<!-- tools:end -->"));
        List<String> rows = table.lines().filter(line -> line.startsWith("| `")).map(line -> line.split("`")[1])
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
            boolean reads = name.startsWith("list_") || name.startsWith("get_") || name.startsWith("read_")
                    || name.startsWith("search_");
            assertThat(hints.get("readOnlyHint").asBoolean()).as(name).isEqualTo(reads);
            assertThat(hints.get("destructiveHint").asBoolean()).as(name)
                    .isEqualTo(name.startsWith("delete_") || name.startsWith("disable_"));
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
                out.append("line ").append(i + 1).append("\n  code:       ").append(e)
                        .append("\n  tools.json: ").append(a).append('\n');
                shown++;
            }
        }
        return out.toString();
    }
}
