package dev.replicasmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** --toolsets and --read-only decide which tools the packaged server offers; a wrong toolset stops it. */
class ToolsetFilterIT {

    static final List<String> REPLICAS_TOOLSET = List.of("create_chat", "create_replica", "delete_chat",
            "delete_replica", "get_replica", "get_replica_hooks", "list_chats", "list_replicas",
            "read_replica_history", "send_replica_message");
    static final List<String> AGENTS_TOOLSET = List.of("delete_agent_credential", "list_agent_credentials",
            "set_agent_credential");

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    /** name → toolset and readOnlyHint, from the committed catalogue (tools.json, checked by ToolCatalogTest). */
    static JsonNode catalogue() throws Exception {
        return ServerProcess.parse(Files.readString(Path.of("tools.json")));
    }

    static Set<String> listed(ServerProcess server) {
        Set<String> names = new TreeSet<>();
        server.client().listTools().tools().forEach(t -> names.add(t.name()));
        return names;
    }

    @Test
    void onlyTheReplicasToolsetIsOffered() throws Exception {
        Set<String> expected = new TreeSet<>();
        catalogue().forEach(t -> {
            if (t.path("toolset").asText().equals("replicas")) {
                expected.add(t.path("name").asText());
            }
        });
        assertThat(expected).containsExactlyElementsOf(REPLICAS_TOOLSET);
        try (ServerProcess server = ServerProcess.start(tmp.resolve("data"), 0, logs, new ServerProcess.Options(
                List.of("--toolsets", "replicas"), Map.of(), p -> { }))) {
            assertThat(listed(server)).containsExactlyElementsOf(expected);
            // A tool of another toolset is not there to call.
            assertThatThrownBy(() -> server.call("list_repositories", Map.of())).isInstanceOf(McpError.class);
        }
    }

    @Test
    void twoToolsetsTogether() throws Exception {
        try (ServerProcess server = ServerProcess.start(tmp.resolve("data"), 0, logs, new ServerProcess.Options(
                List.of("--toolsets", "repositories,environments"), Map.of(), p -> { }))) {
            Set<String> names = listed(server);
            assertThat(names).contains("add_repository", "list_repository_sets", "create_environment",
                    "save_warm_hook").doesNotContainAnyElementsOf(REPLICAS_TOOLSET);
            assertThat(names).doesNotContainAnyElementsOf(AGENTS_TOOLSET)
                    .hasSize(catalogue().size() - REPLICAS_TOOLSET.size() - AGENTS_TOOLSET.size());
        }
    }

    @Test
    void readOnlyOffersOnlyToolsHintedReadOnly() throws Exception {
        Set<String> expected = new TreeSet<>();
        catalogue().forEach(t -> {
            if (t.path("annotations").path("readOnlyHint").asBoolean()) {
                expected.add(t.path("name").asText());
            }
        });
        assertThat(expected).contains("list_replicas", "get_environment", "search_skill_catalog")
                .doesNotContain("create_replica", "delete_environment", "test_warm_hook");
        try (ServerProcess server = ServerProcess.start(tmp.resolve("data"), 0, logs, new ServerProcess.Options(
                List.of("--read-only"), Map.of(), p -> { }))) {
            List<McpSchema.Tool> tools = server.client().listTools().tools();
            assertThat(tools).allSatisfy(t -> assertThat(t.annotations().readOnlyHint()).as(t.name()).isTrue());
            assertThat(listed(server)).containsExactlyElementsOf(expected);
            assertThat(server.ok("list_environments", Map.of()).path("environments").size()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownToolsetEndsTheProcessNamingTheKnownOnes() throws Exception {
        List<String> command = new ArrayList<>(ServerProcess.command(tmp.resolve("data"), 0));
        command.addAll(List.of("--toolsets", "replicas,teleport"));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process exits by itself").isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code; stderr: %s", stderr).isNotZero();
        assertThat(stderr).contains("teleport").contains("replicas", "repositories", "environments");
        assertThat(stdout).as("nothing on the protocol channel").isEmpty();
    }
}
